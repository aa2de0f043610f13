using AngleSharp.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Newsroom;
using NewsPortal.Core.Search;
using NewsPortal.Tests.Infrastructure;
using NewsPortal.Tests.Speed;

namespace NewsPortal.Tests.Discovery;

/// <summary>
/// A portal that ranks only the five newest matches, so that a word found in more articles than
/// that stands for a common word in a large archive. It keeps pages of results for a minute.
/// </summary>
public sealed class SmallRankingNewsroom : PortalFactory, IAsyncLifetime
{
    public const int Ranked = 5;

    public StatementLog Statements { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IInterceptor>(Statements));
    }

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Search:MaxRanked"] = Ranked.ToString(),
        ["Search:ResultSeconds"] = "60",
    };

    public Section News { get; private set; } = null!;

    /// <summary>The word in its headline, so the most relevant of all, but the oldest.</summary>
    public Article OldestStorm { get; private set; } = null!;

    public List<Article> Storms { get; } = [];

    public async Task InitializeAsync()
    {
        var newsroom = new Infrastructure.Newsroom(this);
        News = await newsroom.SectionAsync("طقس", "weather");
        OldestStorm = await newsroom.PublishedAsync("عاصفة تضرب الساحل", News, 100, body: "رياح قوية وأمطار.");
        for (var i = 1; i <= 7; i++)
        {
            Storms.Add(await newsroom.PublishedAsync($"نشرة الطقس رقم {i}", News, 50 - i, body: $"توقعات بهبوب عاصفة في اليوم {i}."));
        }
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public class SearchingALargeArchive(SmallRankingNewsroom portal) : IClassFixture<SmallRankingNewsroom>
{
    private readonly HttpClient _reader = portal.CreateReader();

    private Task<IDocument> SearchAsync(string query) => _reader.GetDocumentAsync($"/search?q={Uri.EscapeDataString(query)}");

    private static List<string> Headlines(IDocument page) =>
        page.QuerySelectorAll(".search-result-title a").Select(a => a.Text()).ToList();

    [Fact]
    public async Task AWordFoundInMoreArticlesThanAreRankedShowsAFloorNotACount()
    {
        var page = await SearchAsync("عاصفة");
        Assert.StartsWith("أكثر من 5 نتيجة", page.QuerySelector(".search-summary")?.Text());
        Assert.Equal(SmallRankingNewsroom.Ranked, Headlines(page).Count);
        Assert.Null(page.QuerySelector(".pager a[rel=next]"));
    }

    [Fact]
    public async Task OnlyTheNewestMatchesAreRankedSoAnOldHeadlineMatchFallsOut()
    {
        var found = Headlines(await SearchAsync("عاصفة"));
        Assert.DoesNotContain(portal.OldestStorm.Headline, found);
        Assert.Equal(portal.Storms.AsEnumerable().Reverse().Take(SmallRankingNewsroom.Ranked).Select(a => a.Headline), found);
    }

    [Fact]
    public async Task AWordFoundInFewerArticlesShowsTheExactCount()
    {
        var page = await SearchAsync("الساحل");
        Assert.Equal("عدد النتائج: 1", page.QuerySelector(".search-summary")?.Text());
    }

    [Fact]
    public async Task TheSameSearchAgainIsAnsweredWithoutTheDatabase()
    {
        var newsroom = new Infrastructure.Newsroom(portal);
        Task<Core.Reading.Page<SearchResult>> Search() =>
            newsroom.WithSearchIndexAsync(index => index.SearchAsync(SearchQuery.Parse("رياح"), 1, 12, newsroom.Now));

        portal.Statements.Clear();
        var first = await Search();
        Assert.NotEmpty(portal.Statements.Containing("ArticleSearch"));
        portal.Statements.Clear();
        var again = await Search();
        Assert.Empty(portal.Statements.Containing("ArticleSearch"));
        Assert.Equal(first.Items.Select(r => r.Article.Id), again.Items.Select(r => r.Article.Id));
        Assert.NotEmpty(again.Items);
    }

    [Fact]
    public async Task AnArticlePublishedAfterASearchIsFoundByTheNextOne()
    {
        Assert.Empty(Headlines(await SearchAsync("إعصار")));
        var article = await new Infrastructure.Newsroom(portal).PublishedAsync("إعصار يقترب من الجزر", portal.News, 1);
        Assert.Equal([article.Headline], Headlines(await SearchAsync("إعصار")));
    }
}
