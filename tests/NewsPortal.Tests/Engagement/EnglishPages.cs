using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Dom;
using NewsPortal.Core.Newsroom;
using NewsPortal.Tests.Infrastructure;

namespace NewsPortal.Tests.Engagement;

/// <summary>A small Arabic newsroom read through the English interface.</summary>
public sealed class BilingualNewsroom : PortalFactory, IAsyncLifetime
{
    public Article Story { get; private set; } = null!;
    public Article Other { get; private set; } = null!;

    public string StoryPath => $"/articles/{Story.Id}/{Uri.EscapeDataString(Story.Slug)}";

    public async Task InitializeAsync()
    {
        var newsroom = new Infrastructure.Newsroom(this);
        var section = await newsroom.SectionAsync("اقتصاد", "economy");
        var author = await newsroom.AuthorAsync("سلمى العتيبي", "salma");
        var tags = await newsroom.TagsAsync("الموانئ");
        Story = await newsroom.PublishedAsync("الميناء الجديد يستقبل أول سفينة", section, 3, authors: [author], tags: tags,
            dek: "افتتاح رسمي", image: "/images/demo/economy.svg");
        Other = await newsroom.PublishedAsync("تقرير اقتصادي عن الموانئ", section, 5, tags: tags);
        for (var i = 0; i < 13; i++) await newsroom.PublishedAsync($"خبر أرشيف {i}", section, 10 + i);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public partial class EnglishPages(BilingualNewsroom portal) : IClassFixture<BilingualNewsroom>
{
    private readonly HttpClient _reader = portal.CreateReader();

    private string[] EnglishPaths => ["/en", "/en/", portal.StoryPath.Insert(0, "/en"), "/en/sections/economy", "/en/sections/economy?page=2",
        "/en/tags/" + Uri.EscapeDataString(portal.Story.Tags.First().Slug), "/en/authors/salma", "/en/search?q=الميناء", "/en/privacy"];

    [Fact]
    public async Task AreInEnglishAndLeftToRight()
    {
        foreach (var path in EnglishPaths)
        {
            var response = await _reader.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path} answered {(int)response.StatusCode}");
            var page = await Html.ParseAsync(response);
            Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
            Assert.Equal("ltr", page.DocumentElement.GetAttribute("dir"));
            var styles = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")).ToList();
            Assert.Contains(styles, href => System.Text.RegularExpressions.Regex.IsMatch(href ?? "", @"/lib/bootstrap/css/bootstrap\.min(\.\w+)?\.css$"));
            Assert.DoesNotContain(styles, s => s!.Contains("rtl"));
            Assert.Equal("Skip to content", page.QuerySelector(".skip-link").Text());
            Assert.Equal("Search", page.QuerySelector(".site-search button").Text());
        }
    }

    [Fact]
    public async Task ShowNoArabicOutsideTheArticlesOwnText()
    {
        foreach (var path in EnglishPaths)
        {
            var page = await _reader.GetDocumentAsync(path);
            foreach (var text in InterfaceText(page.Body!))
            {
                Assert.False(ArabicLetter().IsMatch(text), $"Arabic interface text on {path}: {text}");
            }
        }
        // A page a visitor can reach only by mistake is English too.
        var missing = await _reader.GetAsync("/en/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var notFound = await Html.ParseAsync(missing);
        Assert.Equal("en", notFound.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Page not found", notFound.QuerySelector("h1").Text());
        Assert.All(InterfaceText(notFound.Body!), text => Assert.False(ArabicLetter().IsMatch(text), text));
    }

    /// <summary>Text written by the interface: everything but content, which keeps its own language (dir="auto").</summary>
    private static IEnumerable<string> InterfaceText(IElement root)
    {
        foreach (var node in root.ChildNodes)
        {
            if (node is IElement element)
            {
                if (element.HasAttribute("dir") && element.GetAttribute("dir") == "auto") continue;
                if (element.LocalName is "script" or "style") continue;
                if (element.GetAttribute("lang") is { } lang && lang != "en") continue;
                foreach (var text in InterfaceText(element)) yield return text;
            }
            else if (node.NodeType == NodeType.Text && node.TextContent.Trim() is { Length: > 0 } text)
            {
                yield return text;
            }
        }
    }

    [Fact]
    public async Task LinkToEnglishPages()
    {
        foreach (var path in EnglishPaths)
        {
            var page = await _reader.GetDocumentAsync(path);
            var links = page.QuerySelectorAll("a[href^='/'], form[action^='/']")
                .Where(e => !e.ClassList.Contains("language-switch"))
                .Select(e => e.GetAttribute("href") ?? e.GetAttribute("action"))
                .Where(href => href != "/consent")
                .ToList();
            Assert.NotEmpty(links);
            Assert.All(links, href => Assert.True(href!.StartsWith("/en/") || href == "/en", $"{path} links to {href}"));
        }
    }

    [Fact]
    public async Task ShowEnglishDatesWithTheHijriDateInEnglish()
    {
        var page = await _reader.GetDocumentAsync("/en" + portal.StoryPath);
        // The test clock stands at 10 March 2026, 12:00 in Riyadh: 21 Ramadan 1447 by Umm al-Qura.
        Assert.Equal("10 March 2026", page.QuerySelector(".today time").Text());
        Assert.Matches(@"^\d{1,2} Ramadan 1447 AH$", page.QuerySelector(".today .hijri").Text());
        Assert.Equal("10 March 2026, 09:00", page.QuerySelector(".byline time.published").Text());
        Assert.Equal("By", page.QuerySelector(".byline-authors span").Text());
    }

    [Fact]
    public async Task KeepTheArticlesOwnLanguageAndDirection()
    {
        var page = await _reader.GetDocumentAsync("/en" + portal.StoryPath);
        Assert.Equal("auto", page.QuerySelector("h1.story-headline")?.GetAttribute("dir"));
        Assert.Equal("auto", page.QuerySelector(".story-body")?.GetAttribute("dir"));
        Assert.Equal(portal.Story.Headline, page.QuerySelector("h1.story-headline").Text());
        Assert.Equal("You may also like", page.QuerySelector("#related-heading").Text());
    }

    [Fact]
    public async Task HaveTheirOwnCanonicalAddressAndNameBothLanguages()
    {
        var page = await _reader.GetDocumentAsync("/en" + portal.StoryPath);
        Assert.Equal("https://news.example/en" + portal.StoryPath, page.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
        Assert.Equal("https://news.example" + portal.StoryPath, page.QuerySelector("link[hreflang=ar]")?.GetAttribute("href"));
        Assert.Equal("https://news.example/en" + portal.StoryPath, page.QuerySelector("link[hreflang=en]")?.GetAttribute("href"));
        Assert.Equal("en_US", page.QuerySelector("meta[property='og:locale']")?.GetAttribute("content"));

        var arabic = await _reader.GetDocumentAsync(portal.StoryPath);
        Assert.Equal("https://news.example" + portal.StoryPath, arabic.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task AWrongSlugRedirectsToTheEnglishAddress()
    {
        var response = await _reader.GetAsync($"/en/articles/{portal.Story.Id}/old-slug");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/en" + portal.StoryPath, response.Headers.Location?.OriginalString);
    }

    [Theory]
    [InlineData("/", "/en")]
    [InlineData("/sections/economy?page=2", "/en/sections/economy?page=2")]
    [InlineData("/privacy", "/en/privacy")]
    public async Task TheLanguageSwitchLeadsToTheSamePageInTheOtherLanguage(string arabic, string english)
    {
        var fromArabic = await _reader.GetDocumentAsync(arabic);
        var toEnglish = fromArabic.QuerySelector("a.language-switch");
        Assert.Equal(english, toEnglish?.GetAttribute("href"));
        Assert.Equal("English", toEnglish.Text());
        Assert.Equal("en", toEnglish?.GetAttribute("lang"));

        var fromEnglish = await _reader.GetDocumentAsync(english);
        var toArabic = fromEnglish.QuerySelector("a.language-switch");
        Assert.Equal(arabic, toArabic?.GetAttribute("href"));
        Assert.Equal("العربية", toArabic.Text());
        Assert.Equal("ar", toArabic?.GetAttribute("lang"));
    }

    [Fact]
    public async Task TheConsentBannerAndPrivacyPageAreInEnglishAndBringTheReaderBackToEnglish()
    {
        var page = await _reader.GetDocumentAsync("/en/privacy");
        Assert.Equal("Privacy and cookies", page.QuerySelector("h1").Text());
        Assert.Equal("Cookies", page.QuerySelector("#consent-title").Text());
        var buttons = page.QuerySelectorAll(".consent-banner button").Select(b => b.Text()).ToList();
        Assert.Equal(["Accept", "Reject"], buttons);
        Assert.Equal("/en/privacy", page.QuerySelector(".consent-banner a.consent-more")?.GetAttribute("href"));
        Assert.Equal("/en/privacy", page.QuerySelector(".consent-banner input[name=returnUrl]")?.GetAttribute("value"));

        var content = new FormUrlEncodedContent([new("choice", "reject"), new("returnUrl", "/en/privacy")]);
        var request = new HttpRequestMessage(HttpMethod.Post, "/consent") { Content = content };
        request.Headers.Add("Sec-Fetch-Site", "same-origin");
        var answer = await _reader.SendAsync(request);
        Assert.Equal(HttpStatusCode.SeeOther, answer.StatusCode);
        Assert.Equal("/en/privacy", answer.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task ArabicStaysTheDefaultWhateverTheBrowserAsksFor()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/?culture=en&ui-culture=en");
        request.Headers.AcceptLanguage.ParseAdd("en-GB,en;q=0.9");
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        var response = await _reader.SendAsync(request);
        var page = await Html.ParseAsync(response);

        Assert.Equal("ar", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
        Assert.Equal("انتقل إلى المحتوى", page.QuerySelector(".skip-link").Text());
        Assert.Contains(page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")),
            href => System.Text.RegularExpressions.Regex.IsMatch(href ?? "", @"^/lib/bootstrap/css/bootstrap\.rtl\.min(\.\w+)?\.css$"));
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task EnglishPagesSetNoCookieEither()
    {
        foreach (var path in EnglishPaths)
        {
            var response = await _reader.GetAsync(path);
            Assert.False(response.Headers.Contains("Set-Cookie"), path);
        }
    }

    [Fact]
    public async Task TheAdminAreaHasNoEnglishVersion()
    {
        var response = await _reader.GetAsync("/en/admin");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public void EveryInterfaceStringHasAnEnglishTranslation()
    {
        var web = Path.Combine(TheBreakingNewsTicker.RepositoryRoot(), "src", "NewsPortal.Web");
        var translated = XDocument.Load(Path.Combine(web, "Localization", "ReaderText.en.resx"))
            .Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value);
        var sources = Directory.EnumerateFiles(Path.Combine(web, "Views"), "*.cshtml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(web, "Controllers"), "*.cs"));
        var keys = sources.SelectMany(file => LocalizerKey().Matches(File.ReadAllText(file)).Select(m => (file, key: m.Groups[1].Value))).ToList();

        Assert.True(keys.Count > 60, $"only {keys.Count} interface strings found");
        Assert.All(keys, k => Assert.True(translated.ContainsKey(k.key), $"{Path.GetFileName(k.file)}: «{k.key}» has no English"));
        Assert.All(translated, t => Assert.False(ArabicLetter().IsMatch(t.Value), $"«{t.Key}» translates to Arabic"));
        // Placeholders survive translation.
        Assert.All(translated, t => Assert.Equal(Placeholder().Matches(t.Key).Count, Placeholder().Matches(t.Value).Count));
    }

    [GeneratedRegex(@"\p{IsArabic}")]
    private static partial Regex ArabicLetter();

    [GeneratedRegex(@"(?<![A-Za-z])(?:T|H|text)\[""([^""]+)""")]
    private static partial Regex LocalizerKey();

    [GeneratedRegex(@"\{\d\}")]
    private static partial Regex Placeholder();
}
