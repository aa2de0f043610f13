using System.Text.Json;
using AngleSharp.Dom;
using NewsPortal.Core.Newsroom;
using NewsPortal.Tests.Infrastructure;

namespace NewsPortal.Tests.Discovery;

public sealed class MetadataNewsroom : PortalFactory, IAsyncLifetime
{
    public Article Story { get; private set; } = null!;
    public Article Plain { get; private set; } = null!;
    public Article Hostile { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var newsroom = new Infrastructure.Newsroom(this);
        var economy = await newsroom.SectionAsync("اقتصاد", "economy");
        var writer = await newsroom.AuthorAsync("سلمى العتيبي", "salma-alotaibi");
        var second = await newsroom.AuthorAsync("يوسف الحداد", "yousef-haddad");
        var tags = await newsroom.TagsAsync("الموانئ", "الطاقة المتجددة");

        Story = await newsroom.PublishedAsync("الميناء الجديد يستقبل أول سفينة شحن", economy, 5,
            authors: [writer, second], tags: tags, dek: "افتتاح رسمي بحضور مسؤولي الموانئ", image: "/images/demo/economy.svg");
        await newsroom.ChangeAsync(Story.Id, a => a.Write(a.Headline, a.Dek, "تفاصيل جديدة عن الافتتاح.", new Core.Text.MarkdownArticleRenderer(), newsroom.Now));
        Plain = await newsroom.PublishedAsync("خبر قصير بلا صورة", economy, 2);
        Hostile = await newsroom.PublishedAsync("عنوان فيه </script><script>alert(1)</script> & \"اقتباس\"", economy, 1,
            dek: "وصف فيه <b>وسوم</b> و'علامات'");
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public class PageMetadata(MetadataNewsroom portal) : IClassFixture<MetadataNewsroom>
{
    private const string Base = "https://news.example";
    private readonly HttpClient _reader = portal.CreateReader();

    private static string PathOf(Article a) => $"/articles/{a.Id}/{Uri.EscapeDataString(a.Slug)}";

    private static string? Property(IDocument document, string property) =>
        document.QuerySelector($"meta[property='{property}']")?.GetAttribute("content");

    private static string? Name(IDocument document, string name) =>
        document.QuerySelector($"meta[name='{name}']")?.GetAttribute("content");

    private static JsonElement JsonLd(IDocument document)
    {
        var script = Assert.Single(document.QuerySelectorAll("script[type='application/ld+json']"));
        return JsonDocument.Parse(script.TextContent).RootElement;
    }

    [Fact]
    public async Task AnArticleDescribesItselfToLinkPreviewsWithOpenGraph()
    {
        var document = await _reader.GetDocumentAsync(PathOf(portal.Story));
        var url = Base + PathOf(portal.Story);

        Assert.Equal("article", Property(document, "og:type"));
        Assert.Equal(portal.Story.Headline, Property(document, "og:title"));
        Assert.Equal("افتتاح رسمي بحضور مسؤولي الموانئ", Property(document, "og:description"));
        Assert.Equal(url, Property(document, "og:url"));
        Assert.Equal($"{Base}/images/demo/economy.svg", Property(document, "og:image"));
        Assert.Equal("ar_AR", Property(document, "og:locale"));
        Assert.Equal("نيوز بورتال", Property(document, "og:site_name"));
        Assert.Equal("اقتصاد", Property(document, "article:section"));
        Assert.Equal(["الطاقة المتجددة", "الموانئ"],
            document.QuerySelectorAll("meta[property='article:tag']").Select(m => m.GetAttribute("content")).Order());

        var published = DateTimeOffset.Parse(Property(document, "article:published_time")!);
        var modified = DateTimeOffset.Parse(Property(document, "article:modified_time")!);
        Assert.Equal(portal.Clock.GetUtcNow().AddHours(-5), published);
        Assert.Equal(portal.Clock.GetUtcNow(), modified);
    }

    [Fact]
    public async Task AnArticleWithAnImageGetsALargeTwitterCard()
    {
        var document = await _reader.GetDocumentAsync(PathOf(portal.Story));
        Assert.Equal("summary_large_image", Name(document, "twitter:card"));
        Assert.Equal(portal.Story.Headline, Name(document, "twitter:title"));
        Assert.Equal($"{Base}/images/demo/economy.svg", Name(document, "twitter:image"));

        var plain = await _reader.GetDocumentAsync(PathOf(portal.Plain));
        Assert.Equal("summary", Name(plain, "twitter:card"));
        Assert.Null(Property(plain, "og:image"));
    }

    [Fact]
    public async Task AnArticleCarriesANewsArticleForSearchEngines()
    {
        var document = await _reader.GetDocumentAsync(PathOf(portal.Story));
        var json = JsonLd(document);
        var url = Base + PathOf(portal.Story);

        Assert.Equal("https://schema.org", json.GetProperty("@context").GetString());
        Assert.Equal("NewsArticle", json.GetProperty("@type").GetString());
        Assert.Equal(portal.Story.Headline, json.GetProperty("headline").GetString());
        Assert.Equal("افتتاح رسمي بحضور مسؤولي الموانئ", json.GetProperty("description").GetString());
        Assert.Equal(url, json.GetProperty("mainEntityOfPage").GetProperty("@id").GetString());
        Assert.Equal(portal.Clock.GetUtcNow().AddHours(-5), DateTimeOffset.Parse(json.GetProperty("datePublished").GetString()!));
        Assert.Equal(portal.Clock.GetUtcNow(), DateTimeOffset.Parse(json.GetProperty("dateModified").GetString()!));
        Assert.Equal($"{Base}/images/demo/economy.svg", json.GetProperty("image")[0].GetString());

        var authors = json.GetProperty("author").EnumerateArray().ToList();
        Assert.Equal(["Person", "Person"], authors.Select(a => a.GetProperty("@type").GetString()));
        Assert.Equal(["سلمى العتيبي", "يوسف الحداد"], authors.Select(a => a.GetProperty("name").GetString()));
        Assert.Equal([$"{Base}/authors/salma-alotaibi", $"{Base}/authors/yousef-haddad"], authors.Select(a => a.GetProperty("url").GetString()));

        var publisher = json.GetProperty("publisher");
        Assert.Equal("Organization", publisher.GetProperty("@type").GetString());
        Assert.Equal("نيوز بورتال", publisher.GetProperty("name").GetString());
    }

    [Fact]
    public async Task StructuredDataKeepsArabicReadableAndCannotBreakOutOfItsScript()
    {
        var response = await _reader.GetAsync(PathOf(portal.Hostile));
        var document = await Html.ParseAsync(response);

        // Only the page's own script elements (structured data, the site script); the headline's one stayed text.
        Assert.Single(document.QuerySelectorAll("script[type='application/ld+json']"));
        Assert.All(document.QuerySelectorAll("script:not([type])"), s => Assert.Matches(@"^/js/(site|newsletter)(\.\w+)?\.js$", s.GetAttribute("src") ?? ""));
        var json = JsonLd(document);
        Assert.Equal(portal.Hostile.Headline, json.GetProperty("headline").GetString());
        Assert.Equal("وصف فيه <b>وسوم</b> و'علامات'", json.GetProperty("description").GetString());

        var raw = document.QuerySelector("script[type='application/ld+json']")!.TextContent;
        Assert.DoesNotContain("<", raw);
        Assert.DoesNotContain(">", raw);
        Assert.Contains("\"headline\":\"عنوان فيه \\u003C/script\\u003E", raw);
        Assert.Equal(portal.Hostile.Headline, Property(document, "og:title"));
    }

    [Fact]
    public async Task OtherPagesAreDescribedAsWebsites()
    {
        var home = await _reader.GetDocumentAsync("/");
        Assert.Equal("website", Property(home, "og:type"));
        Assert.Equal($"{Base}/", Property(home, "og:url"));
        Assert.Empty(home.QuerySelectorAll("script[type='application/ld+json']"));
        Assert.Null(Property(home, "article:published_time"));
    }
}
