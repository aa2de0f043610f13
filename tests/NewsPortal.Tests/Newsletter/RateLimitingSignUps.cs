using System.Net;
using NewsPortal.Tests.Infrastructure;

namespace NewsPortal.Tests.Newsletter;

/// <summary>The sign-up endpoint has no antiforgery token to lean on, so each address gets a few tries a minute.</summary>
public class RateLimitingSignUps
{
    [Fact]
    public async Task PastTheLimitTheAnswerIs429WithAnArabicPage()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var portal = await NewsletterPortal.StartAsync(smtp, settings: new() { ["RateLimits:PublicFormsPerMinute"] = "3" });
        var reader = portal.CreateReader();
        for (var i = 0; i < 3; i++)
        {
            var allowed = await reader.PostAsync("/newsletter/subscribe", SubscribingToTheNewsletter.SignUpForm($"limit-{i}@example.com"));
            Assert.Equal(HttpStatusCode.SeeOther, allowed.StatusCode);
        }
        var refused = await reader.PostAsync("/newsletter/subscribe", SubscribingToTheNewsletter.SignUpForm("limit-4@example.com"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var page = await Html.ParseAsync(refused);
        Assert.Contains("طلبات كثيرة", page.QuerySelector(".error-page").Text());
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/")).StatusCode);
    }
}
