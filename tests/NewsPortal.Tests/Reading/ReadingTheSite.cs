using System.Net;
using NewsPortal.Core.Newsroom;
using NewsPortal.Tests.Infrastructure;

namespace NewsPortal.Tests.Reading;

/// <summary>A small newsroom shared by the reader-page tests of this class.</summary>
public sealed class ReadersNewsroom : PortalFactory, IAsyncLifetime
{
    public Section Economy { get; private set; } = null!;
    public Section Sports { get; private set; } = null!;
    public Author Writer { get; private set; } = null!;
    public Author SecondWriter { get; private set; } = null!;
    public Tag[] Tags { get; private set; } = [];
    public Article Story { get; private set; } = null!;
    public Article Lead { get; private set; } = null!;
    public Article Draft { get; private set; } = null!;
    public Article Scheduled { get; private set; } = null!;
    public Article Withdrawn { get; private set; } = null!;
    public List<Article> EconomyArchive { get; } = [];

    public async Task InitializeAsync()
    {
        var newsroom = new Infrastructure.Newsroom(this);
        Economy = await newsroom.SectionAsync("اقتصاد", "economy", 1);
        Sports = await newsroom.SectionAsync("رياضة", "sports", 2);
        Writer = await newsroom.AuthorAsync("سلمى العتيبي", "salma-alotaibi");
        SecondWriter = await newsroom.AuthorAsync("يوسف الحداد", "yousef-haddad");
        Tags = await newsroom.TagsAsync("الطاقة المتجددة", "الموانئ", "كرة القدم");

        Story = await newsroom.PublishedAsync("الميناء الجديد يستقبل أول سفينة شحن", Economy, 5,
            authors: [Writer, SecondWriter], tags: [Tags[0], Tags[1]],
            dek: "افتتاح رسمي بحضور مسؤولي الموانئ",
            body: "## تفاصيل الافتتاح\n\nوصلت السفينة صباحا.\n\n## ماذا بعد\n\nخطط للتوسعة.",
            image: "/images/demo/economy.svg");
        Lead = await newsroom.PublishedAsync("المنتخب يتأهل إلى النهائي", Sports, 0.5, authors: [Writer], tags: [Tags[2]],
            image: "/images/demo/sports.svg");
        for (var i = 1; i <= 14; i++)
        {
            EconomyArchive.Add(await newsroom.PublishedAsync($"تقرير اقتصادي رقم {i}", Economy, 10 + i, tags: [Tags[0]]));
        }
        Draft = await newsroom.DraftAsync("مسودة لم تنشر", Economy);
        Scheduled = await newsroom.ScheduledAsync("خبر مجدول للغد", Economy, TimeSpan.FromDays(1));
        Withdrawn = await newsroom.PublishedAsync("خبر سُحب بعد نشره", Economy, 3);
        await newsroom.ChangeAsync(Withdrawn.Id, a => a.Unpublish(newsroom.Now));
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public class ReadingTheSite(ReadersNewsroom portal) : IClassFixture<ReadersNewsroom>
{
    private readonly HttpClient _reader = portal.CreateReader();

    private string ArticlePath(Article a) => $"/articles/{a.Id}/{Uri.EscapeDataString(a.Slug)}";

    [Fact]
    public async Task PagesAreArabicAndRightToLeft()
    {
        var response = await _reader.GetAsync("/");
        var html = await response.Content.ReadAsStringAsync();
        var document = await Html.ParseAsync(response);

        Assert.Equal("ar", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("rtl", document.DocumentElement.GetAttribute("dir"));
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        // Arabic travels as UTF-8 text, not as character references.
        Assert.Contains("المنتخب يتأهل إلى النهائي", html);
        Assert.DoesNotContain("&#x6", html);
        Assert.Contains("bootstrap.rtl", html);
    }

    [Fact]
    public async Task TheHomePageLeadsWithTheNewestStoryAndListsTheLatestAndEachSection()
    {
        var document = await _reader.GetDocumentAsync("/");

        Assert.Equal(portal.Lead.Headline, document.QuerySelector(".lead-story .lead-title").Text());
        var latest = document.QuerySelectorAll(".latest-list li a").Select(a => a.Text()).ToList();
        Assert.Equal(portal.Story.Headline, latest.First());
        Assert.DoesNotContain(portal.Lead.Headline, latest);

        var blocks = document.QuerySelectorAll(".section-block .block-title").Select(h => h.Text()).ToList();
        Assert.Equal(["اقتصاد", "رياضة"], blocks);
        var html = document.DocumentElement.OuterHtml;
        Assert.DoesNotContain(portal.Draft.Headline, html);
        Assert.DoesNotContain(portal.Scheduled.Headline, html);
        Assert.DoesNotContain(portal.Withdrawn.Headline, html);
    }

    [Fact]
    public async Task AnArticlePageShowsEverythingAReaderExpects()
    {
        var document = await _reader.GetDocumentAsync(ArticlePath(portal.Story));

        Assert.Equal(portal.Story.Headline, document.QuerySelector("h1.story-headline").Text());
        Assert.Equal("افتتاح رسمي بحضور مسؤولي الموانئ", document.QuerySelector(".story-dek").Text());
        var authors = document.QuerySelectorAll(".byline-authors a[rel=author]").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/authors/salma-alotaibi", "/authors/yousef-haddad"], authors);

        var published = document.QuerySelector("time.published");
        Assert.NotNull(published);
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+03:00$", published.GetAttribute("datetime") ?? "");
        Assert.Contains("مارس 2026", published.Text());
        Assert.Contains("رمضان 1447 هـ", document.QuerySelector(".byline-dates .hijri").Text());

        Assert.Equal("/sections/economy", document.QuerySelector(".story-header .kicker")?.GetAttribute("href"));
        Assert.Equal(["الطاقة المتجددة", "الموانئ"], document.QuerySelectorAll(".story-tags a").Select(a => a.Text()));
        Assert.Equal("/images/demo/economy.svg", document.QuerySelector(".story-image img")?.GetAttribute("src"));
        Assert.Equal(["تفاصيل الافتتاح", "ماذا بعد"], document.QuerySelectorAll(".story-body h2").Select(h => h.Text()));
        Assert.Equal("https://news.example" + ArticlePath(portal.Story), document.QuerySelector("link[rel=canonical]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task AnArticleOffersFourToSixRelatedArticlesSharingItsTagsFirst()
    {
        var document = await _reader.GetDocumentAsync(ArticlePath(portal.Story));

        Assert.Equal("قد يعجبك أيضا", document.QuerySelector(".related h2").Text());
        var related = document.QuerySelectorAll(".related .card-story-title a").Select(a => a.Text()).ToList();
        Assert.InRange(related.Count, 4, 6);
        Assert.DoesNotContain(portal.Story.Headline, related);
        // Newest economy report shares a tag and the section; it comes before stories that share neither.
        Assert.Equal("تقرير اقتصادي رقم 1", related[0]);
        Assert.DoesNotContain(portal.Draft.Headline, related);
    }

    [Fact]
    public async Task AnUpdatedArticleShowsWhenItWasUpdated()
    {
        var fresh = await _reader.GetDocumentAsync(ArticlePath(portal.Lead));
        Assert.Null(fresh.QuerySelector("time.updated"));

        var newsroom = new Infrastructure.Newsroom(portal);
        var revised = await newsroom.PublishedAsync("خبر سيُحدَّث لاحقا", portal.Sports, 6);
        await newsroom.ChangeAsync(revised.Id, a => a.Write(a.Headline, null, "معلومات جديدة وصلت", new Core.Text.MarkdownArticleRenderer(), newsroom.Now));

        var document = await _reader.GetDocumentAsync(ArticlePath(revised));
        Assert.NotNull(document.QuerySelector("time.updated"));
    }

    [Theory]
    [InlineData("wrong-slug")]
    [InlineData("")]
    public async Task AWrongOrMissingSlugRedirectsPermanentlyToTheCanonicalAddress(string slug)
    {
        var response = await _reader.GetAsync($"/articles/{portal.Story.Id}/{slug}");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(ArticlePath(portal.Story), response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task TheCanonicalAddressIsServedWithoutRedirect()
    {
        var response = await _reader.GetAsync(ArticlePath(portal.Story));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task DraftsScheduledWithdrawnAndUnknownArticlesAreNotFound()
    {
        foreach (var path in new[]
        {
            ArticlePath(portal.Draft), ArticlePath(portal.Scheduled), ArticlePath(portal.Withdrawn),
            "/articles/999999/x", "/articles/abc", "/sections/no-such-section", "/tags/no-such-tag", "/authors/nobody", "/no/such/page",
        })
        {
            var response = await _reader.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{path} answered {(int)response.StatusCode}");
            var document = await Html.ParseAsync(response);
            Assert.Equal("الصفحة غير موجودة", document.QuerySelector("h1").Text());
            Assert.Equal("rtl", document.DocumentElement.GetAttribute("dir"));
        }
    }

    [Fact]
    public async Task AScheduledArticleAppearsOnceItIsPublishedAtItsTime()
    {
        var newsroom = new Infrastructure.Newsroom(portal);
        var scheduled = await newsroom.ScheduledAsync("إعلان نتائج المسابقة", portal.Sports, TimeSpan.FromMinutes(30));
        Assert.Equal(HttpStatusCode.NotFound, (await _reader.GetAsync(ArticlePath(scheduled))).StatusCode);

        var publishAt = newsroom.Now.AddMinutes(30);
        await newsroom.ChangeAsync(scheduled.Id, a => a.PublishIfDue(publishAt));
        // Published, but its time has not yet come on the portal's clock.
        Assert.Equal(HttpStatusCode.NotFound, (await _reader.GetAsync(ArticlePath(scheduled))).StatusCode);

        portal.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal(HttpStatusCode.OK, (await _reader.GetAsync(ArticlePath(scheduled))).StatusCode);
    }

    [Fact]
    public async Task ASectionArchiveIsPaginatedNewestFirst()
    {
        var first = await _reader.GetDocumentAsync("/sections/economy");
        Assert.Equal("اقتصاد", first.QuerySelector("h1").Text());
        var firstTitles = first.QuerySelectorAll(".card-story-title a").Select(a => a.Text()).ToList();
        Assert.Equal(12, firstTitles.Count);
        Assert.Equal(portal.Story.Headline, firstTitles[0]);
        Assert.Equal("/sections/economy?page=2", first.QuerySelector(".pager a[rel=next]")?.GetAttribute("href"));
        Assert.Null(first.QuerySelector(".pager a[rel=prev]"));

        var second = await _reader.GetDocumentAsync("/sections/economy?page=2");
        var secondTitles = second.QuerySelectorAll(".card-story-title a").Select(a => a.Text()).ToList();
        Assert.Equal(["تقرير اقتصادي رقم 12", "تقرير اقتصادي رقم 13", "تقرير اقتصادي رقم 14"], secondTitles);
        Assert.Empty(firstTitles.Intersect(secondTitles));
        Assert.Null(second.QuerySelector(".pager a[rel=next]"));

        Assert.Equal(HttpStatusCode.NotFound, (await _reader.GetAsync("/sections/economy?page=3")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _reader.GetAsync("/sections/economy?page=0")).StatusCode);
    }

    [Fact]
    public async Task TagAndAuthorArchivesListOnlyTheirArticles()
    {
        var tagSlug = Uri.EscapeDataString(portal.Tags[2].Slug);
        var tag = await _reader.GetDocumentAsync($"/tags/{tagSlug}");
        Assert.Equal("كرة القدم", tag.QuerySelector("h1").Text());
        Assert.Equal([portal.Lead.Headline], tag.QuerySelectorAll(".card-story-title a").Select(a => a.Text()));

        var author = await _reader.GetDocumentAsync("/authors/yousef-haddad");
        Assert.Equal("يوسف الحداد", author.QuerySelector("h1").Text());
        Assert.Equal([portal.Story.Headline], author.QuerySelectorAll(".card-story-title a").Select(a => a.Text()));
    }

    [Theory]
    [InlineData("/css/site.css", "text/css")]
    [InlineData("/lib/bootstrap/css/bootstrap.rtl.min.css", "text/css")]
    [InlineData("/lib/fonts/noto-naskh-arabic-arabic-400-normal.f9d5bbdee7.woff2", "font/woff2")]
    [InlineData("/images/demo/economy.svg", "image/svg+xml")]
    public async Task StylesFontsAndImagesAreServedFromTheSiteItself(string path, string type)
    {
        var response = await _reader.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PagesLoadNothingFromOtherSites()
    {
        var document = await _reader.GetDocumentAsync(ArticlePath(portal.Story));
        var external = document.QuerySelectorAll("link[href], script[src], img[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src") ?? "")
            .Where(url => url.StartsWith("http", StringComparison.OrdinalIgnoreCase) || url.StartsWith("//"))
            .Where(url => !url.StartsWith("https://news.example/"))
            .ToList();
        Assert.Empty(external);
    }

    [Fact]
    public async Task AServerFailureGetsTheSitesOwnErrorPage()
    {
        var response = await _reader.GetAsync("/error");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var document = await Html.ParseAsync(response);
        Assert.Equal("حدث خطأ", document.QuerySelector("h1").Text());
        Assert.Equal("rtl", document.DocumentElement.GetAttribute("dir"));
    }

    [Fact]
    public async Task TheHealthEndpointChecksTheDatabase()
    {
        var response = await _reader.GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
