using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Newsroom;
using NewsPortal.Core.Search;
using NewsPortal.Tests.Infrastructure;
using NewsPortal.Tests.Speed;

namespace NewsPortal.Tests.Discovery;

/// <summary>
/// Ten articles: "ميناء" in exactly half of them, "قطار" in four. In each group the oldest has the
/// word in its headline and the others only in their text. Every search runs afresh (no results cache).
/// </summary>
public sealed class CommonWordsNewsroom : PortalFactory
{
    public StatementLog Statements { get; } = new();

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Search:ResultSeconds"] = "0",
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IInterceptor>(Statements));
    }

    public Section News { get; private set; } = null!;

    /// <summary>The articles with "ميناء", oldest first: the oldest has it in its headline.</summary>
    public List<Article> Port { get; } = [];

    /// <summary>The articles with "قطار", oldest first: the oldest has it in its headline.</summary>
    public List<Article> Train { get; } = [];

    public async Task SeedAsync()
    {
        var newsroom = new Infrastructure.Newsroom(this);
        News = await newsroom.SectionAsync("محليات", "local");
        Port.Add(await newsroom.PublishedAsync("توسعة ميناء المدينة", News, 90, body: "بدأت الأعمال صباحا."));
        for (var i = 1; i <= 4; i++)
        {
            Port.Add(await newsroom.PublishedAsync($"نشرة الصباح {i}", News, 80 - i, body: $"وصلت سفينة إلى الميناء في اليوم {i}."));
        }
        Train.Add(await newsroom.PublishedAsync("قطار سريع بين المدن", News, 70, body: "افتتاح خط جديد."));
        for (var i = 1; i <= 3; i++)
        {
            Train.Add(await newsroom.PublishedAsync($"نشرة المساء {i}", News, 60 - i, body: $"تأخر القطار عن موعده في اليوم {i}."));
        }
        await newsroom.PublishedAsync("حديقة جديدة في الحي", News, 50, body: "أشجار وممرات للمشاة.");
    }
}

/// <summary>
/// bm25 weighs a word found in half the articles or more by next to nothing, so the order of a
/// search made only of such words is the newest first; the index then skips bm25's counting walk.
/// The order is the engine's own rule (PostgreSQL ranks without such weights), hence SQLite only.
/// </summary>
public class SearchingForCommonWords : IAsyncLifetime
{
    private const string Bm25 = "SQLite's bm25 weighs words by how many articles have them; PostgreSQL's ranking does not";

    private readonly CommonWordsNewsroom _portal = new();

    public async Task InitializeAsync()
    {
        if (!TestDatabase.IsPostgres) await _portal.SeedAsync();
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private async Task<List<int>> FoundAsync(string query)
    {
        var newsroom = new Infrastructure.Newsroom(_portal);
        var page = await newsroom.WithSearchIndexAsync(index => index.SearchAsync(SearchQuery.Parse(query), 1, 12, newsroom.Now));
        return page.Items.Select(r => r.Article.Id).ToList();
    }

    /// <summary>How the index counts the rows that hold a word, and all its rows.</summary>
    private const string CountOfRows = "count(*) AS Value FROM ArticleSearch";

    private static IEnumerable<int> NewestFirst(IEnumerable<Article> articles) => articles.Select(a => a.Id).Reverse();

    [SqliteConfigurationFact(Bm25)]
    public async Task AWordInHalfTheArticlesGivesTheNewestFirstWithoutAskingBm25()
    {
        _portal.Statements.Clear();
        Assert.Equal(NewestFirst(_portal.Port), await FoundAsync("ميناء"));
        var searches = _portal.Statements.Containing("MATCH");
        Assert.Contains(searches, s => s.Contains("LIMIT"));
        Assert.DoesNotContain(searches, s => s.Contains("bm25"));
    }

    [SqliteConfigurationFact(Bm25)]
    public async Task AWordInFewerThanHalfIsWeighedSoTheHeadlineMatchComesFirst()
    {
        var found = await FoundAsync("قطار");
        Assert.Equal(_portal.Train[0].Id, found[0]);
        Assert.Equal(NewestFirst(_portal.Train.Skip(1)), found.Skip(1));
        Assert.Contains(_portal.Statements.Containing("MATCH"), s => s.Contains("bm25"));
    }

    [SqliteConfigurationFact(Bm25)]
    public async Task OneWeighableWordIsEnoughForBm25()
    {
        // "اليوم" is in seven of the ten articles, "قطار" in four: the search is weighed.
        var found = await FoundAsync("قطار اليوم");
        Assert.Equal(NewestFirst(_portal.Train.Skip(1)), found);
        Assert.Contains(_portal.Statements.Containing("MATCH"), s => s.Contains("bm25"));
    }

    [SqliteConfigurationFact(Bm25)]
    public async Task TheCountsAreTakenOnceAndAgainAfterTheIndexChanges()
    {
        await FoundAsync("ميناء");
        _portal.Statements.Clear();
        Assert.Equal(NewestFirst(_portal.Port), await FoundAsync("ميناء"));
        Assert.Empty(_portal.Statements.Containing(CountOfRows));

        // An eleventh article leaves "ميناء" in fewer than half: bm25 weighs it again and the
        // headline match, the oldest, comes first.
        await new Infrastructure.Newsroom(_portal).PublishedAsync("سوق الخضار", _portal.News, 1, body: "أسعار مستقرة.");
        var found = await FoundAsync("ميناء");
        Assert.Equal(_portal.Port[0].Id, found[0]);
        Assert.NotEmpty(_portal.Statements.Containing(CountOfRows));
    }

    [SqliteConfigurationFact(Bm25)]
    public async Task CountsOlderThanTheirLifetimeAreTakenAgain()
    {
        await FoundAsync("ميناء");
        // A change the index was not told of, as another instance's would be: an eleventh row.
        await new Infrastructure.Newsroom(_portal).WithDbAsync(db => db.Database.ExecuteSqlAsync(
            $"INSERT INTO ArticleSearch (rowid, Headline, Dek, Body, Stamp) VALUES (100000, 'سوق', '', 'اسعار', '')"));
        Assert.Equal(NewestFirst(_portal.Port), await FoundAsync("ميناء"));

        _portal.Clock.Advance(SearchWordCounts.Lifetime);
        Assert.Equal(_portal.Port[0].Id, (await FoundAsync("ميناء"))[0]);
    }
}
