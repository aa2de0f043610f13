using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Newsroom;
using NewsPortal.Tests.Infrastructure;

namespace NewsPortal.Tests.Discovery;

/// <summary>Articles written so that each way of spelling a word has one story to find.</summary>
public sealed class SearchNewsroom : PortalFactory, IAsyncLifetime
{
    public Section News { get; private set; } = null!;
    public Article Launch { get; private set; } = null!;
    public Article Library { get; private set; } = null!;
    public Article Agreement { get; private set; } = null!;
    public Article Economy { get; private set; } = null!;
    public Article Budget { get; private set; } = null!;
    public Article PlanesReturn { get; private set; } = null!;
    public Article PlanesSquadron { get; private set; } = null!;
    public Article Hospital { get; private set; } = null!;
    public Article Conference { get; private set; } = null!;
    public Article Delegation { get; private set; } = null!;
    public Article NewTrain { get; private set; } = null!;
    public Article Earthquake { get; private set; } = null!;
    public Article EarthquakeDraft { get; private set; } = null!;
    public Article EarthquakeScheduled { get; private set; } = null!;
    public Article EarthquakeWithdrawn { get; private set; } = null!;
    public Article EarthquakeWithdrawnBehindTheIndex { get; private set; } = null!;
    public Article VolcanoInHeadline { get; private set; } = null!;
    public Article VolcanoInBody { get; private set; } = null!;
    public Article EclipseThursday { get; private set; } = null!;
    public Article EclipseFriday { get; private set; } = null!;
    public Article Hurricane { get; private set; } = null!;
    public List<Article> Festivals { get; } = [];

    public async Task InitializeAsync()
    {
        var newsroom = new Infrastructure.Newsroom(this);
        News = await newsroom.SectionAsync("منوعات", "misc");

        Launch = await newsroom.PublishedAsync("إطلاق قمر صناعي لرصد الطقس", News, 2,
            body: "أعلنت وكالة الفضاء NASA عن شراكة جديدة مع جامعات المنطقة.");
        Library = await newsroom.PublishedAsync("افتتاح المكتبة العامة", News, 3,
            body: "تضم القاعات آلاف الكتب والمخطوطات النادرة.");
        Agreement = await newsroom.PublishedAsync("توقيع مذكرة تعاون", News, 4,
            body: "وَقَّعَ الطَّرَفَانِ اتِّفَاقِيَّةً لِلتَّعَاوُنِ التِّجَارِيِّ.");
        Economy = await newsroom.PublishedAsync("نمو الاقتـــصاد المحلي", News, 5,
            body: "تحسنت المؤشرات في الربع الأخير.");
        Budget = await newsroom.PublishedAsync("ميزانية عام ٢٠٢٧ تتجاوز التوقعات", News, 6,
            body: "بلغت الإيرادات 1500 مليون في السنة الماضية.");
        PlanesReturn = await newsroom.PublishedAsync("عودة الرحلات إلى مطار العاصمة", News, 7,
            body: "هبطت الطائرات بعد توقف دام أسبوعا.");
        PlanesSquadron = await newsroom.PublishedAsync("سرب يشارك في العرض الجوي", News, 8,
            body: "حلقت طائرات الإطفاء فوق الغابة.");
        Hospital = await newsroom.PublishedAsync("زيارة ميدانية لوزير الصحة", News, 9,
            body: "تفقد الوزير أقسام المستشفى والمختبر الجديد.");
        Conference = await newsroom.PublishedAsync("مؤتمر صحفي للمتحدث الرسمي", News, 10,
            body: "عقد الرئيس لقاء مع الصحفيين.");
        Delegation = await newsroom.PublishedAsync("رحلة الوفد إلى الشمال", News, 11,
            body: "سافر الوفد بالقطار صباح اليوم.");
        NewTrain = await newsroom.PublishedAsync("افتتاح خط جديد بين المدينتين", News, 12,
            body: "يربط قطار سريع المدينتين في ساعة واحدة.");

        Earthquake = await newsroom.PublishedAsync("هزة أرضية خفيفة", News, 13, body: "سجلت المراصد زلزال بقوة ثلاث درجات.");
        EarthquakeDraft = await newsroom.DraftAsync("مسودة عن زلزال لم ينشر", News);
        EarthquakeScheduled = await newsroom.ScheduledAsync("زلزال في خبر مجدول", News, TimeSpan.FromDays(1));
        EarthquakeWithdrawn = await newsroom.PublishedAsync("زلزال في خبر سحب", News, 14);
        await newsroom.ChangeAsync(EarthquakeWithdrawn.Id, a => a.Unpublish(newsroom.Now));
        EarthquakeWithdrawnBehindTheIndex = await newsroom.PublishedAsync("زلزال في خبر سحب دون تحديث الفهرس", News, 15);
        await newsroom.ChangeBehindTheIndexAsync(EarthquakeWithdrawnBehindTheIndex.Id, a => a.Unpublish(newsroom.Now));

        // The headline outweighs the body, whatever the dates.
        VolcanoInHeadline = await newsroom.PublishedAsync("ثوران بركان في الجزيرة", News, 40, body: "تصاعد الدخان فوق القمة.");
        VolcanoInBody = await newsroom.PublishedAsync("تحذيرات للسكان في الجزيرة", News, 1, body: "حذرت السلطات من نشاط بركان قريب.");
        // Identical but for one word of equal length, and their dates.
        EclipseThursday = await newsroom.PublishedAsync("كسوف الشمس يوم الخميس", News, 30, body: "نص ثابت للمقارنة.");
        EclipseFriday = await newsroom.PublishedAsync("كسوف الشمس يوم الجمعة", News, 20, body: "نص ثابت للمقارنة.");

        Hurricane = await newsroom.PublishedAsync("إعصار <i>مدمر</i> يقترب", News, 16,
            body: "ضرب إعصار قوي الساحل & <b>أغرق</b> الشوارع <script>alert(1)</script> ثم ابتعد.");

        for (var i = 1; i <= 15; i++)
        {
            Festivals.Add(await newsroom.PublishedAsync($"فعاليات اليوم {i} من المهرجان", News, 50 + i, body: "عروض فنية متنوعة."));
        }
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public class SearchingTheSite(SearchNewsroom portal) : IClassFixture<SearchNewsroom>
{
    private readonly HttpClient _reader = portal.CreateReader();

    private async Task<IDocument> SearchAsync(string query, int? page = null)
    {
        var url = $"/search?q={Uri.EscapeDataString(query)}" + (page is null ? "" : $"&page={page}");
        var response = await _reader.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
        return await Html.ParseAsync(response);
    }

    private async Task<List<string>> HeadlinesFoundAsync(string query, int? page = null) =>
        (await SearchAsync(query, page)).QuerySelectorAll(".search-result-title a").Select(a => a.Text()).ToList();

    [Theory]
    [InlineData("اطلاق", nameof(SearchNewsroom.Launch))] // hamza forms
    [InlineData("nasa", nameof(SearchNewsroom.Launch))] // Latin case
    [InlineData("NaSa", nameof(SearchNewsroom.Launch))]
    [InlineData("المكتبه", nameof(SearchNewsroom.Library))] // taa marbuta typed as haa
    [InlineData("مكتبة", nameof(SearchNewsroom.Library))] // and without the article
    [InlineData("الطرفان اتفاقية", nameof(SearchNewsroom.Agreement))] // tashkeel in the text
    [InlineData("اتِّفَاقِيَّة", nameof(SearchNewsroom.Agreement))] // tashkeel in the query
    [InlineData("الاقتصاد", nameof(SearchNewsroom.Economy))] // tatweel in the text
    [InlineData("اقتـــصاد", nameof(SearchNewsroom.Economy))] // tatweel in the query, no article
    [InlineData("2027", nameof(SearchNewsroom.Budget))] // Arabic-Indic digits in the text
    [InlineData("١٥٠٠", nameof(SearchNewsroom.Budget))] // Arabic-Indic digits in the query
    [InlineData("مستشفي", nameof(SearchNewsroom.Hospital))] // alef maqsura typed as yeh
    [InlineData("مختبر", nameof(SearchNewsroom.Hospital))] // "وال" in the text
    [InlineData("موتمر", nameof(SearchNewsroom.Conference))] // waw with hamza
    [InlineData("القطار", nameof(SearchNewsroom.Delegation))] // "بال" in the text, "ال" in the query
    public async Task ArabicSpellingVariantsFindTheSameArticle(string query, string article)
    {
        var expected = (Article)typeof(SearchNewsroom).GetProperty(article)!.GetValue(portal)!;
        Assert.Contains(expected.Headline, await HeadlinesFoundAsync(query));
    }

    [Theory]
    [InlineData("طائرات")]
    [InlineData("الطائرات")]
    [InlineData("والطائرات")]
    [InlineData("بالطائرات")]
    public async Task APrefixedWordFindsTheBareWordAndTheReverse(string query)
    {
        var found = await HeadlinesFoundAsync(query);
        Assert.Contains(portal.PlanesReturn.Headline, found); // the text has "الطائرات"
        Assert.Contains(portal.PlanesSquadron.Headline, found); // the text has "طائرات"
    }

    [Fact]
    public async Task APrefixedQueryFindsTheWordWithoutIt()
    {
        var found = await HeadlinesFoundAsync("بالقطار");
        Assert.Contains(portal.Delegation.Headline, found);
        Assert.Contains(portal.NewTrain.Headline, found);
    }

    [Fact]
    public async Task EveryWordOfTheQueryMustBeThere()
    {
        Assert.Equal([portal.PlanesSquadron.Headline], await HeadlinesFoundAsync("طائرات الغابة"));
    }

    [Fact]
    public async Task DraftsScheduledAndUnpublishedArticlesAreNeverFound()
    {
        var found = await HeadlinesFoundAsync("زلزال");
        Assert.Equal([portal.Earthquake.Headline], found);
    }

    [Fact]
    public async Task AScheduledArticleIsFoundOnceItsTimeHasCome()
    {
        var newsroom = new Infrastructure.Newsroom(portal);
        var scheduled = await newsroom.ScheduledAsync("تدشين مرصد فلكي", portal.News, TimeSpan.FromMinutes(30));
        Assert.Empty(await HeadlinesFoundAsync("مرصد"));

        await newsroom.ChangeBehindTheIndexAsync(scheduled.Id, a => a.PublishIfDue(newsroom.Now.AddMinutes(30)));
        Assert.Empty(await HeadlinesFoundAsync("مرصد"));

        portal.Clock.Advance(TimeSpan.FromMinutes(31));
        Assert.Equal([scheduled.Headline], await HeadlinesFoundAsync("مرصد"));
    }

    [Fact]
    public async Task UnpublishingTakesTheArticleOutOfTheIndex()
    {
        var newsroom = new Infrastructure.Newsroom(portal);
        var article = await newsroom.PublishedAsync("تكريم الفائزين بجائزة الخط العربي", portal.News, 2);
        Assert.Equal(1, await RowsInIndexAsync(article.Id));

        await newsroom.ChangeAsync(article.Id, a => a.Unpublish(newsroom.Now));
        Assert.Equal(0, await RowsInIndexAsync(article.Id));
        Assert.Empty(await HeadlinesFoundAsync("الخط العربي"));
    }

    [Fact]
    public async Task AMoreRelevantArticleComesFirst()
    {
        // The body-only match is newer; the headline match still leads.
        Assert.Equal([portal.VolcanoInHeadline.Headline, portal.VolcanoInBody.Headline], await HeadlinesFoundAsync("بركان"));
    }

    [Fact]
    public async Task BetweenEquallyRelevantArticlesTheNewerComesFirst()
    {
        Assert.Equal([portal.EclipseFriday.Headline, portal.EclipseThursday.Headline], await HeadlinesFoundAsync("كسوف"));
    }

    [Fact]
    public async Task ResultsArePagedTwelveAtATime()
    {
        var first = await SearchAsync("المهرجان");
        var firstTitles = first.QuerySelectorAll(".search-result-title a").Select(a => a.Text()).ToList();
        Assert.Equal(12, firstTitles.Count);
        Assert.Equal("عدد النتائج: 15", first.QuerySelector(".search-summary").Text());
        var next = first.QuerySelector(".pager a[rel=next]")?.GetAttribute("href");
        Assert.Equal($"/search?q={Uri.EscapeDataString("المهرجان")}&page=2", next);

        var second = await HeadlinesFoundAsync("المهرجان", 2);
        Assert.Equal(3, second.Count);
        Assert.Empty(firstTitles.Intersect(second));
        // Same relevance everywhere, so newest first: day 1 is the newest festival story.
        Assert.Equal(portal.Festivals[0].Headline, firstTitles[0]);
        Assert.Equal(portal.Festivals[^1].Headline, second[^1]);
    }

    [Theory]
    [InlineData(99)]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task APageOutOfRangeShowsTheNearestPage(int page)
    {
        var found = await HeadlinesFoundAsync("المهرجان", page);
        Assert.Equal(page > 1 ? 3 : 12, found.Count);
    }

    [Fact]
    public async Task MatchesAreMarkedInTheArticlesOwnSpelling()
    {
        var document = await SearchAsync("الطائرات");
        var result = document.QuerySelectorAll(".search-result")
            .Single(r => r.QuerySelector(".search-result-title").Text() == portal.PlanesSquadron.Headline);
        Assert.Equal(["طائرات"], result.QuerySelectorAll(".search-result-snippet mark").Select(m => m.Text()));

        var agreement = await SearchAsync("اتفاقية");
        Assert.Equal(["اتِّفَاقِيَّةً"], agreement.QuerySelectorAll(".search-result-snippet mark").Select(m => m.Text()));

        var headline = await SearchAsync("صناعي");
        Assert.Equal(["صناعي"], headline.QuerySelectorAll(".search-result-title mark").Select(m => m.Text()));
    }

    [Fact]
    public async Task HeadlinesAndSnippetsAreEncodedAroundTheirMarks()
    {
        var document = await SearchAsync("إعصار");
        var result = Assert.Single(document.QuerySelectorAll(".search-result"));
        var title = result.QuerySelector(".search-result-title a")!;
        var snippet = result.QuerySelector(".search-result-snippet")!;

        Assert.All(title.Children, e => Assert.Equal("MARK", e.TagName));
        Assert.All(snippet.Children, e => Assert.Equal("MARK", e.TagName));
        Assert.Contains("<i>مدمر</i>", title.Text());
        Assert.Equal(["إعصار"], snippet.QuerySelectorAll("mark").Select(m => m.Text()));
        Assert.Null(document.QuerySelector("main script"));
        Assert.Null(document.QuerySelector("main b"));
    }

    public static TheoryData<string> HostileQueries => new()
    {
        "\"",
        "\"الطاقة",
        "\"\"\"\"",
        "*",
        "نفط*",
        "^بترول",
        "NEAR(اقتصاد نفط, 5)",
        "اقتصاد AND OR NOT",
        "(((",
        "headline:زلزال",
        "-زلزال",
        "زلزال - -",
        "' OR 1=1 --",
        "'; DROP TABLE Articles; --",
        "<script>alert(1)</script>",
        "!!!؟؟؟...،،،",
        "ـــــ",
        "\u0000\u0001",
        new string('ز', 1000),
        string.Join(' ', Enumerable.Repeat("كلمة", 40)),
    };

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task AnyQueryGetsAPageWithAnAnswer(string query)
    {
        var document = await SearchAsync(query);
        Assert.Equal("البحث", document.QuerySelector("main h1").Text());
        var answered = document.QuerySelector(".search-message") is not null || document.QuerySelectorAll(".search-result").Length > 0;
        Assert.True(answered, $"no message and no results for {query}");
    }

    [Theory]
    [InlineData("", "اكتب في خانة البحث")]
    [InlineData("   ", "اكتب في خانة البحث")]
    [InlineData("?!* ^ ()", "لم نجد في عبارة البحث كلمات")]
    [InlineData("كلمةلاتوجد", "لا توجد أخبار تطابق")]
    public async Task ASearchWithoutResultsSaysWhy(string query, string message)
    {
        var document = await SearchAsync(query);
        Assert.StartsWith(message, document.QuerySelector(".search-message").Text());
    }

    [Fact]
    public async Task AnOverLongQueryIsRefusedPolitely()
    {
        var document = await SearchAsync(new string('ز', 1000));
        Assert.Contains("طويلة جدا", document.QuerySelector(".search-message").Text());
        Assert.Empty(document.QuerySelectorAll(".search-result"));
    }

    [Fact]
    public async Task TheQueryStaysInTheBoxEncoded()
    {
        var document = await SearchAsync("\"><script>x</script>");
        Assert.Equal("\"><script>x</script>", document.QuerySelector("#search-q")?.GetAttribute("value"));
        Assert.Null(document.QuerySelector("main script"));
    }

    [Fact]
    public async Task EveryPageHasASearchBoxAndResultPagesAreNotIndexed()
    {
        var home = await _reader.GetDocumentAsync("/");
        var form = home.QuerySelector("header form[role=search]");
        Assert.Equal("/search", form?.GetAttribute("action"));
        Assert.Equal("get", form?.GetAttribute("method"));
        Assert.NotNull(form?.QuerySelector("input[name=q]"));
        Assert.Null(home.QuerySelector("meta[name=robots]"));

        var results = await SearchAsync("زلزال");
        Assert.Equal("noindex", results.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
    }

    private Task<int> RowsInIndexAsync(int articleId) => new Infrastructure.Newsroom(portal).WithDbAsync(db =>
        db.Database.SqlQuery<int>(TestDatabase.CountSearchRows(articleId)).SingleAsync());
}
