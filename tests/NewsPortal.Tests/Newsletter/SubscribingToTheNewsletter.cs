using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Newsletter;
using NewsPortal.Tests.Infrastructure;
using NewsPortal.Web.Authorization;

namespace NewsPortal.Tests.Newsletter;

/// <summary>A reader's whole journey, against a real SMTP server: sign up, confirm, receive, leave with one click.</summary>
public partial class SubscribingToTheNewsletter(NewsletterPortal portal) : IClassFixture<NewsletterPortal>
{
    public static FormUrlEncodedContent SignUpForm(string email, string source = "/") =>
        new([new("email", email), new("source", source), new("wording", "2026-03-a")]);

    [Fact]
    public async Task ASubscriberConfirmsReceivesAnIssueAndLeavesWithOneClick()
    {
        var reader = portal.CreateReader();
        var address = $"reader-{Guid.NewGuid():N}@example.com";

        var signUp = await reader.PostAsync("/newsletter/subscribe", SignUpForm(address.ToUpperInvariant(), "/articles/1/x"));
        Assert.Equal(HttpStatusCode.SeeOther, signUp.StatusCode);
        Assert.Equal("/newsletter/subscribed", signUp.Headers.Location?.OriginalString);
        Assert.False(signUp.Headers.Contains("Set-Cookie"));

        var confirmation = await portal.Smtp.WaitForMessageToAsync(address);
        var link = ConfirmLink().Match(confirmation.TextBody ?? "").Value;
        Assert.NotEmpty(link);
        var path = new Uri(link).AbsolutePath;

        // Following the link shows a button; it is the button that confirms, so mail scanners cannot.
        var page = await reader.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(SubscriberStatus.Pending, (await SubscriberAsync(address)).Status);
        Assert.Equal(HttpStatusCode.OK, (await reader.PostAsync(path, null)).StatusCode);
        var confirmed = await SubscriberAsync(address);
        Assert.Equal(SubscriberStatus.Confirmed, confirmed.Status);
        Assert.Equal("/articles/1/x", confirmed.SourcePage);
        Assert.Equal("2026-03-a", confirmed.WordingVersion);
        Assert.NotNull(confirmed.ConfirmedAt);

        // An editor sends an issue through the admin area.
        var (editor, _) = await Staff.SignedInAsync(portal, NewsroomRoles.Editor);
        var created = await editor.SubmitAsync("/admin/newsletters/new", "/admin/newsletters",
            new() { ["Subject"] = "نشرة اليوم", ["Intro"] = "أهم أخبار اليوم.", ["Selection"] = "SinceLastIssue" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var issuePage = created.Headers.Location!.OriginalString;
        var sent = await editor.SubmitAsync(issuePage, issuePage + "/dispatch", []);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);

        var issue = await portal.Smtp.WaitForMessageToAsync(address, count: 2);
        Assert.Equal("نشرة اليوم", issue.Subject);
        var unsubscribe = issue.Headers["List-Unsubscribe"] ?? "";
        Assert.Matches("^<https://news\\.example/newsletter/unsubscribe/[A-Za-z0-9_-]{43}>$", unsubscribe);
        Assert.Equal("List-Unsubscribe=One-Click", issue.Headers["List-Unsubscribe-Post"]);
        Assert.Contains(unsubscribe.Trim('<', '>'), issue.HtmlBody);
        Assert.Contains(unsubscribe.Trim('<', '>'), issue.TextBody);
        Assert.Contains("dir=\"rtl\"", issue.HtmlBody);
        Assert.False(string.IsNullOrEmpty(issue.MessageId));
        Assert.NotNull(issue.Headers["Date"]);

        // RFC 8058: the mailbox provider posts with no cookie and no token of ours.
        var provider = portal.CreateClient();
        var oneClick = await provider.PostAsync(new Uri(unsubscribe.Trim('<', '>')).AbsolutePath,
            new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Equal(SubscriberStatus.Unsubscribed, (await SubscriberAsync(address)).Status);

        var next = await portal.SendIssueAsync("نشرة الغد");
        await portal.WaitUntilSentAsync(next);
        Assert.Equal(2, portal.Smtp.MessagesTo(address).Count);
    }

    [Fact]
    public async Task TheAnswerIsTheSameForNewPendingAndConfirmedAddresses()
    {
        var reader = portal.CreateReader();
        var pending = $"pending-{Guid.NewGuid():N}@example.com";
        var confirmed = $"confirmed-{Guid.NewGuid():N}@example.com";
        await reader.PostAsync("/newsletter/subscribe", SignUpForm(pending));
        await portal.ConfirmedSubscribersAsync(confirmed);

        var answers = new List<string>();
        foreach (var email in new[] { $"new-{Guid.NewGuid():N}@example.com", pending, confirmed })
        {
            var plain = await reader.PostAsync("/newsletter/subscribe", SignUpForm(email));
            Assert.Equal(HttpStatusCode.SeeOther, plain.StatusCode);
            answers.Add(plain.Headers.Location!.OriginalString);

            var json = new HttpRequestMessage(HttpMethod.Post, "/newsletter/subscribe") { Content = SignUpForm(email) };
            json.Headers.Add("Accept", "application/json");
            json.Headers.Add("Sec-Fetch-Site", "same-origin");
            json.Headers.Add("Origin", "http://localhost");
            var answer = await reader.SendAsync(json);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            answers.Add(await answer.Content.ReadAsStringAsync());
        }
        Assert.Single(answers.Where((_, i) => i % 2 == 0).Distinct());
        Assert.Single(answers.Where((_, i) => i % 2 == 1).Distinct());
    }

    [Fact]
    public async Task RepeatedSignUpsNeverMakeASecondSubscriber()
    {
        var reader = portal.CreateReader();
        var local = $"twice-{Guid.NewGuid():N}";
        foreach (var spelling in new[] { $"{local}@example.com", $"{local.ToUpperInvariant()}@EXAMPLE.com", $"  {local}@example.com.  " })
        {
            await reader.PostAsync("/newsletter/subscribe", SignUpForm(spelling));
        }
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => reader.PostAsync("/newsletter/subscribe", SignUpForm($"{local}@example.com"))));
        Assert.Equal(1, await portal.WithDbAsync(db => db.Subscribers.CountAsync(s => s.Email.StartsWith(local))));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-address")]
    [InlineData("victim@example.com\r\nBcc: everyone@example.com")]
    [InlineData("victim@example.com\nSubject: hi")]
    [InlineData("two@at@example.com")]
    [InlineData("\"quoted\"@example.com")]
    [InlineData("name@localhost")]
    [InlineData("a@b.com, c@d.com")]
    public async Task JunkAndHeaderInjectionAreRefusedWithAnArabicMessage(string input)
    {
        var before = await portal.WithDbAsync(db => db.Subscribers.CountAsync());
        var response = await portal.CreateReader().PostAsync("/newsletter/subscribe", SignUpForm(input));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = await Html.ParseAsync(response);
        Assert.Matches("\\p{IsArabic}", page.QuerySelector(".newsletter-error").Text());
        Assert.NotNull(page.QuerySelector("form[action='/newsletter/subscribe']"));
        Assert.Equal(before, await portal.WithDbAsync(db => db.Subscribers.CountAsync()));
    }

    [Fact]
    public async Task OversizeInputIsRefusedWithAnArabicMessage()
    {
        var huge = new string('a', 5000) + "@example.com";
        var request = new HttpRequestMessage(HttpMethod.Post, "/newsletter/subscribe") { Content = SignUpForm(huge, "/" + new string('x', 5000)) };
        request.Headers.Add("Accept", "application/json");
        var response = await portal.CreateReader().SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("أطول من المسموح", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    [InlineData("Origin", "https://elsewhere.example")]
    [InlineData("Origin", "null")]
    public async Task SignUpsFromOtherSitesAreRefused(string header, string value)
    {
        var email = $"forged-{Guid.NewGuid():N}@example.com";
        var request = new HttpRequestMessage(HttpMethod.Post, "/newsletter/subscribe") { Content = SignUpForm(email) };
        request.Headers.Add(header, value);
        var response = await portal.CreateReader().SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await portal.WithDbAsync(db => db.Subscribers.AnyAsync(s => s.Email == email)));
    }

    [Fact]
    public async Task TheSignUpBoxOnCachedPagesCarriesNoAntiforgeryTokenAndSetsNoCookie()
    {
        var section = await new Infrastructure.Newsroom(portal).SectionAsync("منوعات", $"misc-{Guid.NewGuid():N}"[..12]);
        var article = await new Infrastructure.Newsroom(portal).PublishedAsync("خبر للاشتراك", section);
        foreach (var url in new[] { "/", $"/articles/{article.Id}/{Uri.EscapeDataString(article.Slug)}" })
        {
            var response = await portal.CreateReader().GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("Set-Cookie"), $"{url} sets a cookie");
            var page = await Html.ParseAsync(response);
            var form = page.QuerySelector("form[action='/newsletter/subscribe']");
            Assert.NotNull(form);
            Assert.Null(form!.QuerySelector("input[name='__RequestVerificationToken']"));
            Assert.Contains("يمكنك إلغاء الاشتراك في أي وقت", page.QuerySelector(".newsletter-box").Text());
            Assert.NotNull(page.QuerySelector("script[src^='/js/newsletter'][defer]"));
        }
    }

    [Fact]
    public async Task AnExpiredConfirmationLinkConfirmsNothing()
    {
        var reader = portal.CreateReader();
        var address = $"late-{Guid.NewGuid():N}@example.com";
        await reader.PostAsync("/newsletter/subscribe", SignUpForm(address));
        var link = ConfirmLink().Match((await portal.Smtp.WaitForMessageToAsync(address)).TextBody ?? "").Value;

        var tokens = (ConfirmationTokens)portal.Services.GetService(typeof(ConfirmationTokens))!;
        var later = portal.Clock.GetUtcNow().UtcDateTime.AddHours(73);
        Assert.False(tokens.TryRead(link[(link.LastIndexOf('/') + 1)..], later, out _, out _));
        Assert.False(tokens.TryRead("forged-token", portal.Clock.GetUtcNow().UtcDateTime, out _, out _));

        var forged = await reader.PostAsync("/newsletter/confirm/not-a-real-token", null);
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(SubscriberStatus.Pending, (await SubscriberAsync(address)).Status);
    }

    [Fact]
    public async Task TheUnsubscribePageAsksBeforeActingAndUnknownTokensFindNothing()
    {
        var address = $"leaving-{Guid.NewGuid():N}@example.com";
        var subscriber = (await portal.ConfirmedSubscribersAsync(address))[0];
        var reader = portal.CreateReader();

        var page = await reader.GetAsync($"/newsletter/unsubscribe/{subscriber.UnsubscribeToken}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var document = await Html.ParseAsync(page);
        var form = document.QuerySelector($"form[action='/newsletter/unsubscribe/{subscriber.UnsubscribeToken}']");
        Assert.NotNull(form);
        Assert.Null(form!.QuerySelector("input[name='__RequestVerificationToken']"));
        Assert.Equal(SubscriberStatus.Confirmed, (await SubscriberAsync(address)).Status);

        Assert.Equal(HttpStatusCode.NotFound, (await reader.PostAsync("/newsletter/unsubscribe/" + Subscriber.NewToken(), null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/newsletter/unsubscribe/" + new string('x', 2000))).StatusCode);
        Assert.Equal(SubscriberStatus.Confirmed, (await SubscriberAsync(address)).Status);
    }

    private Task<Subscriber> SubscriberAsync(string email) =>
        portal.WithDbAsync(db => db.Subscribers.AsNoTracking().SingleAsync(s => s.Email == email.ToLowerInvariant()));

    [GeneratedRegex(@"https://news\.example/newsletter/confirm/[A-Za-z0-9_-]+")]
    private static partial Regex ConfirmLink();
}
