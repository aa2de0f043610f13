using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using NewsPortal.Core.Newsroom;
using NewsPortal.Tests.Infrastructure;

namespace NewsPortal.Tests.Discovery;

/// <summary>Two sections of articles spread over five days, and some that readers must not see.</summary>
public sealed class DistributionNewsroom : PortalFactory, IAsyncLifetime
{
    public Section Economy { get; private set; } = null!;
    public Section Sports { get; private set; } = null!;
    public Author Writer { get; private set; } = null!;
    public Author Idle { get; private set; } = null!;
    public Tag Used { get; private set; } = null!;
    public Tag Unused { get; private set; } = null!;
    public List<Article> Published { get; } = [];
    public Article Hidden48 { get; private set; } = null!;
    public Article Fresh47 { get; private set; } = null!;
    public List<Article> Invisible { get; } = [];

    public async Task InitializeAsync()
    {
        var newsroom = new Infrastructure.Newsroom(this);
        Economy = await newsroom.SectionAsync("اقتصاد", "economy", 1);
        Sports = await newsroom.SectionAsync("رياضة", "sports", 2);
        Writer = await newsroom.AuthorAsync("سلمى العتيبي", "salma");
        Idle = await newsroom.AuthorAsync("كاتب بلا مقالات", "idle");
        var tags = await newsroom.TagsAsync("الموانئ", "وسم بلا مقالات");
        (Used, Unused) = (tags[0], tags[1]);

        for (var i = 0; i < 32; i++)
        {
            var section = i % 4 == 0 ? Sports : Economy;
            Published.Add(await newsroom.PublishedAsync($"خبر اقتصادي رقم {i}", section, 1 + i * 3.5,
                authors: i == 0 ? [Writer] : null, tags: i == 0 ? [Used] : null, image: i == 0 ? "/images/demo/economy.svg" : null));
        }
        Fresh47 = await newsroom.PublishedAsync("خبر عمره سبع وأربعون ساعة", Economy, 47);
        Hidden48 = await newsroom.PublishedAsync("خبر عمره تسع وأربعون ساعة", Economy, 49);
        Published.Add(Fresh47);
        Published.Add(Hidden48);

        Invisible.Add(await newsroom.DraftAsync("مسودة لا تنشر", Economy));
        Invisible.Add(await newsroom.ScheduledAsync("خبر مجدول", Economy, TimeSpan.FromHours(3)));
        var withdrawn = await newsroom.PublishedAsync("خبر سحب", Economy, 2);
        await newsroom.ChangeAsync(withdrawn.Id, a => a.Unpublish(newsroom.Now));
        Invisible.Add(withdrawn);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public sealed class SplitSitemapNewsroom : PortalFactory, IAsyncLifetime
{
    public int ArticleCount => 9;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Sitemap:UrlsPerFile"] = "5" };

    public async Task InitializeAsync()
    {
        var newsroom = new Infrastructure.Newsroom(this);
        var section = await newsroom.SectionAsync("اقتصاد", "economy");
        for (var i = 0; i < ArticleCount; i++) await newsroom.PublishedAsync($"خبر رقم {i}", section, i + 1);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public class Distribution(DistributionNewsroom portal) : IClassFixture<DistributionNewsroom>
{
    private const string Base = "https://news.example/";
    private static readonly XNamespace Sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace News = "http://www.google.com/schemas/sitemap-news/0.9";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private readonly HttpClient _reader = portal.CreateReader();

    private static string ArticleUrl(Article a) => $"{Base}articles/{a.Id}/{Uri.EscapeDataString(a.Slug)}";

    private async Task<XDocument> GetXmlAsync(string path, string mediaType)
    {
        var response = await _reader.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static void AssertW3CDateTime(string? value) =>
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$", value ?? "");

    [Fact]
    public async Task TheSiteFeedIsRss2WithTheThirtyNewestVisibleArticles()
    {
        var feed = await GetXmlAsync("/feed", "application/rss+xml");

        Assert.Equal("2.0", feed.Root?.Attribute("version")?.Value);
        var channel = feed.Root!.Element("channel")!;
        Assert.Equal(Base, channel.Element("link")?.Value);
        Assert.Equal("ar", channel.Element("language")?.Value);
        Assert.Equal($"{Base}feed", channel.Element(Atom + "link")?.Attribute("href")?.Value);

        var items = channel.Elements("item").ToList();
        Assert.Equal(30, items.Count);
        var expected = portal.Published.OrderByDescending(a => a.PublishedAt).Take(30).Select(ArticleUrl).ToList();
        Assert.Equal(expected, items.Select(i => i.Element("link")?.Value));
        Assert.All(items, item =>
        {
            Assert.Equal(item.Element("link")?.Value, item.Element("guid")?.Value);
            Assert.StartsWith(Base, item.Element("link")!.Value);
            var pubDate = DateTime.ParseExact(item.Element("pubDate")!.Value, "r", CultureInfo.InvariantCulture);
            Assert.True(pubDate <= portal.Clock.GetUtcNow().UtcDateTime);
        });

        var newest = items[0];
        Assert.Equal(portal.Published[0].Headline, newest.Element("title")?.Value);
        Assert.Equal("سلمى العتيبي", newest.Element(XNamespace.Get("http://purl.org/dc/elements/1.1/") + "creator")?.Value);
        Assert.Equal($"{Base}images/demo/economy.svg",
            newest.Element(XNamespace.Get("http://search.yahoo.com/mrss/") + "content")?.Attribute("url")?.Value);
        Assert.Equal(
            DateTime.SpecifyKind(portal.Published[0].PublishedAt!.Value, DateTimeKind.Utc).ToString("r", CultureInfo.InvariantCulture),
            newest.Element("pubDate")?.Value);

        var titles = items.Select(i => i.Element("title")?.Value).ToList();
        Assert.All(portal.Invisible, a => Assert.DoesNotContain(a.Headline, titles));
    }

    [Fact]
    public async Task ASectionFeedCarriesOnlyThatSection()
    {
        var feed = await GetXmlAsync("/sections/sports/feed", "application/rss+xml");
        var channel = feed.Root!.Element("channel")!;
        Assert.Equal($"{Base}sections/sports", channel.Element("link")?.Value);
        Assert.Equal($"{Base}sections/sports/feed", channel.Element(Atom + "link")?.Attribute("href")?.Value);
        var expected = portal.Published.Where(a => a.SectionId == portal.Sports.Id).OrderByDescending(a => a.PublishedAt).Select(ArticleUrl);
        Assert.Equal(expected, channel.Elements("item").Select(i => i.Element("link")?.Value));
        Assert.All(channel.Elements("item"), i => Assert.Equal("رياضة", i.Element("category")?.Value));

        Assert.Equal(HttpStatusCode.NotFound, (await _reader.GetAsync("/sections/no-such-section/feed")).StatusCode);
    }

    [Fact]
    public async Task PagesAnnounceTheirFeeds()
    {
        var home = await _reader.GetDocumentAsync("/");
        Assert.Equal([$"{Base}feed"], home.QuerySelectorAll("link[rel=alternate][type='application/rss+xml']").Select(l => l.GetAttribute("href")));

        var section = await _reader.GetDocumentAsync("/sections/sports");
        Assert.Equal([$"{Base}feed", $"{Base}sections/sports/feed"],
            section.QuerySelectorAll("link[rel=alternate][type='application/rss+xml']").Select(l => l.GetAttribute("href")));
    }

    [Fact]
    public async Task TheSitemapListsHomeArchivesAndEveryVisibleArticle()
    {
        var sitemap = await GetXmlAsync("/sitemap.xml", "application/xml");

        Assert.Equal(Sm + "urlset", sitemap.Root?.Name);
        var urls = sitemap.Root!.Elements(Sm + "url").ToList();
        var locs = urls.Select(u => u.Element(Sm + "loc")!.Value).ToList();
        Assert.All(locs, loc => Assert.StartsWith(Base, loc));
        Assert.All(urls, u => AssertW3CDateTime(u.Element(Sm + "lastmod")?.Value));
        Assert.Equal(locs.Count, locs.Distinct().Count());

        var expected = new List<string> { Base, $"{Base}sections/economy", $"{Base}sections/sports",
            $"{Base}tags/{Uri.EscapeDataString(portal.Used.Slug)}", $"{Base}authors/salma" };
        expected.AddRange(portal.Published.Select(ArticleUrl));
        Assert.Equal(expected.Order(), locs.Order());

        // Archives with nothing published and articles readers cannot see are left out.
        Assert.DoesNotContain($"{Base}tags/{Uri.EscapeDataString(portal.Unused.Slug)}", locs);
        Assert.DoesNotContain($"{Base}authors/idle", locs);
        Assert.All(portal.Invisible, a => Assert.DoesNotContain(locs, l => l.Contains($"/articles/{a.Id}/")));

        var newest = portal.Published.Max(a => a.PublishedAt)!.Value;
        Assert.Equal(newest.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
            urls.Single(u => u.Element(Sm + "loc")!.Value == Base).Element(Sm + "lastmod")?.Value);
    }

    [Fact]
    public async Task TheNewsSitemapHasTheLastFortyEightHours()
    {
        var sitemap = await GetXmlAsync("/news-sitemap.xml", "application/xml");
        var now = portal.Clock.GetUtcNow().UtcDateTime;

        var urls = sitemap.Root!.Elements(Sm + "url").ToList();
        var expected = portal.Published.Where(a => a.PublishedAt >= now.AddHours(-48)).OrderByDescending(a => a.PublishedAt).Select(ArticleUrl).ToList();
        Assert.Equal(expected, urls.Select(u => u.Element(Sm + "loc")?.Value));
        Assert.Contains(ArticleUrl(portal.Fresh47), expected);
        Assert.DoesNotContain(ArticleUrl(portal.Hidden48), expected);
        Assert.InRange(urls.Count, 1, 1000);

        Assert.All(urls, url =>
        {
            var news = url.Element(News + "news")!;
            Assert.Equal("نيوز بورتال", news.Element(News + "publication")?.Element(News + "name")?.Value);
            Assert.Equal("ar", news.Element(News + "publication")?.Element(News + "language")?.Value);
            var published = news.Element(News + "publication_date")?.Value;
            AssertW3CDateTime(published);
            Assert.InRange(DateTimeOffset.Parse(published!, CultureInfo.InvariantCulture).UtcDateTime, now.AddHours(-48), now);
            Assert.False(string.IsNullOrWhiteSpace(news.Element(News + "title")?.Value));
        });
        var titles = urls.Select(u => u.Element(News + "news")!.Element(News + "title")!.Value).ToList();
        Assert.All(portal.Invisible, a => Assert.DoesNotContain(a.Headline, titles));
    }

    [Fact]
    public async Task RobotsTxtNamesBothSitemapsAndKeepsCrawlersOutOfAdminAndSearch()
    {
        var response = await _reader.GetAsync("/robots.txt");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n').Select(l => l.Trim()).ToList();

        Assert.Contains("User-agent: *", lines);
        Assert.Contains("Disallow: /admin/", lines);
        Assert.Contains("Disallow: /search", lines);
        Assert.Contains($"Sitemap: {Base}sitemap.xml", lines);
        Assert.Contains($"Sitemap: {Base}news-sitemap.xml", lines);
        Assert.DoesNotContain(lines, l => Regex.IsMatch(l, @"^Disallow:\s*/$"));
    }
}

public class SplittingTheSitemap(SplitSitemapNewsroom portal) : IClassFixture<SplitSitemapNewsroom>
{
    private static readonly XNamespace Sm = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public async Task ALargeSitemapBecomesAnIndexOfFilesThatTogetherListEverything()
    {
        var reader = portal.CreateReader();
        var index = XDocument.Parse(await reader.GetStringAsync("/sitemap.xml"));

        Assert.Equal(Sm + "sitemapindex", index.Root?.Name);
        var parts = index.Root!.Elements(Sm + "sitemap").Select(s => s.Element(Sm + "loc")!.Value).ToList();
        // Home, one section and nine articles: eleven addresses, five to a file.
        Assert.Equal(["https://news.example/sitemaps/1.xml", "https://news.example/sitemaps/2.xml", "https://news.example/sitemaps/3.xml"], parts);

        var locs = new List<string>();
        foreach (var part in parts)
        {
            var response = await reader.GetAsync(new Uri(part).PathAndQuery);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("application/xml", response.Content.Headers.ContentType?.MediaType);
            var urlset = XDocument.Parse(await response.Content.ReadAsStringAsync());
            var inPart = urlset.Root!.Elements(Sm + "url").Select(u => u.Element(Sm + "loc")!.Value).ToList();
            Assert.InRange(inPart.Count, 1, 5);
            locs.AddRange(inPart);
        }
        Assert.Equal(2 + portal.ArticleCount, locs.Distinct().Count());
        Assert.Equal(locs.Count, locs.Distinct().Count());
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/sitemaps/4.xml")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/sitemaps/0.xml")).StatusCode);
    }
}
