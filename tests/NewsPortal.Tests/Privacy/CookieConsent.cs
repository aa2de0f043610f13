using System.Net;
using AngleSharp.Dom;
using NewsPortal.Tests.Infrastructure;

namespace NewsPortal.Tests.Privacy;

public sealed class NewPolicyPortal : ConsentPortal
{
    protected override int PolicyVersion => 2;
}

public class CookieConsent(ConsentPortal portal) : IClassFixture<ConsentPortal>
{
    private string StoryPath => $"/articles/{portal.Story.Id}/{Uri.EscapeDataString(portal.Story.Slug)}";

    private static string Today(PortalFactory portal) => portal.Clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd");

    private static HttpClient Visitor(PortalFactory portal, string? consentCookie = null)
    {
        var client = portal.CreateReader();
        if (consentCookie is not null) client.DefaultRequestHeaders.Add("Cookie", $"np-consent={consentCookie}");
        return client;
    }

    private static async Task<HttpResponseMessage> ChooseAsync(HttpClient client, string choice, string returnUrl, string fetchSite = "same-origin")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/consent")
        {
            Content = new FormUrlEncodedContent([new("choice", choice), new("returnUrl", returnUrl)]),
        };
        request.Headers.Add("Sec-Fetch-Site", fetchSite);
        return await client.SendAsync(request);
    }

    private static string ConsentCookieOf(HttpResponseMessage response)
    {
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("np-consent="));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("max-age=31536000", cookie, StringComparison.OrdinalIgnoreCase);
        return cookie.Split(';')[0]["np-consent=".Length..];
    }

    [Fact]
    public async Task ANewVisitorSeesTheBannerWithAcceptAndRejectOfEqualWeightAndAReadMoreLink()
    {
        var document = await Visitor(portal).GetDocumentAsync(StoryPath);
        var banner = document.QuerySelector(".consent-banner");
        Assert.NotNull(banner);
        Assert.Equal("consent-title", banner.GetAttribute("aria-labelledby"));
        var buttons = banner.QuerySelectorAll("button[name=choice]");
        Assert.Equal(["accept", "reject"], buttons.Select(b => b.GetAttribute("value")));
        Assert.Equal(["قبول", "رفض"], buttons.Select(b => b.Text()));
        Assert.Equal(buttons[0].GetAttribute("class"), buttons[1].GetAttribute("class"));
        Assert.Equal("/privacy", banner.QuerySelector("a.consent-more")?.GetAttribute("href"));
        var form = banner.QuerySelector("form")!;
        Assert.Equal("/consent", form.GetAttribute("action"));
        Assert.Null(form.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.Equal(StoryPath, form.QuerySelector("input[name=returnUrl]")?.GetAttribute("value"));
    }

    [Fact]
    public async Task BeforeConsentNoTrackingHappens()
    {
        var visitor = Visitor(portal);
        var document = await visitor.GetDocumentAsync(StoryPath);
        Assert.Empty(document.QuerySelectorAll($"script[src='{ConsentPortal.AnalyticsUrl}']"));
        Assert.Empty(document.QuerySelectorAll("iframe"));
        var placeholder = document.QuerySelector("figure.embed-deferred");
        Assert.NotNull(placeholder);
        Assert.Equal("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", placeholder.GetAttribute("data-embed-src"));
        Assert.NotNull(placeholder.QuerySelector("button.embed-load"));

        var tracking = await visitor.GetAsync(ConsentPortal.TrackingPath);
        Assert.False(tracking.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task AcceptingIsRememberedWithThePolicyVersionAndDateAndUnlocksAnalyticsAndEmbeds()
    {
        var response = await ChooseAsync(Visitor(portal), "accept", StoryPath);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(StoryPath, response.Headers.Location?.OriginalString);
        var value = ConsentCookieOf(response);
        Assert.Equal($"1.accept.{Today(portal)}", value);

        var accepted = Visitor(portal, value);
        var document = await accepted.GetDocumentAsync(StoryPath);
        Assert.Null(document.QuerySelector(".consent-banner"));
        Assert.Single(document.QuerySelectorAll($"script[src='{ConsentPortal.AnalyticsUrl}']"));
        Assert.Equal("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", document.QuerySelector("figure.embed iframe")?.GetAttribute("src"));

        var tracking = await accepted.GetAsync(ConsentPortal.TrackingPath);
        Assert.Contains(tracking.Headers.GetValues("Set-Cookie"), c => c.StartsWith("tracker="));
    }

    [Fact]
    public async Task RejectingIsRememberedAndKeepsEverythingOff()
    {
        var response = await ChooseAsync(Visitor(portal), "reject", "/");
        var value = ConsentCookieOf(response);
        Assert.Equal($"1.reject.{Today(portal)}", value);

        var rejected = Visitor(portal, value);
        var document = await rejected.GetDocumentAsync(StoryPath);
        Assert.Null(document.QuerySelector(".consent-banner"));
        Assert.Empty(document.QuerySelectorAll($"script[src='{ConsentPortal.AnalyticsUrl}']"));
        Assert.NotNull(document.QuerySelector("figure.embed-deferred"));
        Assert.False((await rejected.GetAsync(ConsentPortal.TrackingPath)).Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task AReaderWithdrawsConsentFromThePrivacyPage()
    {
        var accepted = Visitor(portal, $"1.accept.{Today(portal)}");
        var privacy = await accepted.GetDocumentAsync("/privacy");
        Assert.Equal("withdraw", privacy.QuerySelector("#cookie-choice ~ form button[name=choice]")?.GetAttribute("value"));

        var response = await ChooseAsync(accepted, "withdraw", "/privacy");
        Assert.Equal("/privacy", response.Headers.Location?.OriginalString);
        var value = ConsentCookieOf(response);
        Assert.Equal($"1.reject.{Today(portal)}", value);

        var withdrawn = await Visitor(portal, value).GetDocumentAsync(StoryPath);
        Assert.Empty(withdrawn.QuerySelectorAll($"script[src='{ConsentPortal.AnalyticsUrl}']"));
    }

    [Fact]
    public async Task TheFooterLetsAReaderChangeTheirChoiceAnyTime()
    {
        var document = await Visitor(portal, $"1.reject.{Today(portal)}").GetDocumentAsync("/");
        Assert.Contains(document.QuerySelectorAll("footer a"), a => a.GetAttribute("href") == "/privacy#cookie-choice");
    }

    [Fact]
    public async Task AChoiceOlderThanTwelveMonthsIsAskedAgain()
    {
        var old = portal.Clock.GetUtcNow().UtcDateTime.AddDays(-366).ToString("yyyyMMdd");
        var document = await Visitor(portal, $"1.accept.{old}").GetDocumentAsync(StoryPath);
        Assert.NotNull(document.QuerySelector(".consent-banner"));
        Assert.Empty(document.QuerySelectorAll($"script[src='{ConsentPortal.AnalyticsUrl}']"));

        var recent = portal.Clock.GetUtcNow().UtcDateTime.AddDays(-300).ToString("yyyyMMdd");
        Assert.Null((await Visitor(portal, $"1.accept.{recent}").GetDocumentAsync(StoryPath)).QuerySelector(".consent-banner"));
    }

    [Theory]
    [InlineData("cross-site")]
    [InlineData("same-site")]
    public async Task AChoicePostedFromAnotherSiteIsRefused(string fetchSite)
    {
        var response = await ChooseAsync(Visitor(portal), "accept", "/", fetchSite);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));

        var request = new HttpRequestMessage(HttpMethod.Post, "/consent") { Content = new FormUrlEncodedContent([new("choice", "accept")]) };
        request.Headers.Add("Origin", "https://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await Visitor(portal).SendAsync(request)).StatusCode);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task TheReturnAddressStaysOnTheSite(string returnUrl)
    {
        var response = await ChooseAsync(Visitor(portal), "reject", returnUrl);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }
}

public class ChangingThePrivacyPolicy(NewPolicyPortal portal) : IClassFixture<NewPolicyPortal>
{
    [Fact]
    public async Task AnswersGivenToTheOldPolicyAreAskedAgain()
    {
        var today = portal.Clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd");
        var client = portal.CreateReader();
        client.DefaultRequestHeaders.Add("Cookie", $"np-consent=1.accept.{today}");
        var document = await client.GetDocumentAsync("/");
        Assert.NotNull(document.QuerySelector(".consent-banner"));
        Assert.Empty(document.QuerySelectorAll($"script[src='{ConsentPortal.AnalyticsUrl}']"));

        var current = portal.CreateReader();
        current.DefaultRequestHeaders.Add("Cookie", $"np-consent=2.accept.{today}");
        var accepted = await current.GetDocumentAsync("/");
        Assert.Null(accepted.QuerySelector(".consent-banner"));
        Assert.Single(accepted.QuerySelectorAll($"script[src='{ConsentPortal.AnalyticsUrl}']"));
    }
}

/// <summary>The whole demo site, as a first-time visitor walks it.</summary>
public class CrawlingTheSite(NewsPortal.Tests.Reading.DevelopmentPortal portal) : IClassFixture<NewsPortal.Tests.Reading.DevelopmentPortal>
{
    [Fact]
    public async Task ANewVisitorCrawlingEveryPublicPageGetsNoCookieAtAll()
    {
        var visitor = portal.CreateReader();
        var queue = new Queue<string>(["/", "/privacy", "/search?q=الريحان", "/feed", "/sitemap.xml", "/robots.txt", "/no-such-page", "/healthz"]);
        var seen = new HashSet<string>();
        while (queue.Count > 0 && seen.Count < 400)
        {
            var path = queue.Dequeue();
            if (!seen.Add(path)) continue;
            var response = await visitor.GetAsync(path);
            Assert.False(response.Headers.Contains("Set-Cookie"), $"{path} set {string.Join(" | ", response.Headers.TryGetValues("Set-Cookie", out var v) ? v : [])}");
            if (response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            var document = await Html.ParseAsync(response);
            foreach (var link in document.QuerySelectorAll("a[href^='/']").Select(a => a.GetAttribute("href")!))
            {
                if (!link.StartsWith("/admin") && !link.StartsWith("//")) queue.Enqueue(link.Split('#')[0]);
            }
        }
        Assert.True(seen.Count >= 70, $"only {seen.Count} pages crawled");
    }
}
