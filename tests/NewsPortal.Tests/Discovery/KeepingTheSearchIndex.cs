using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Search;
using NewsPortal.Core.Text;
using NewsPortal.Tests.Infrastructure;
using NewsPortal.Tests.Reading;
using NewsPortal.Web.Infrastructure;

namespace NewsPortal.Tests.Discovery;

public class KeepingTheSearchIndex : IAsyncLifetime
{
    private readonly PortalFactory _portal = new();
    private Infrastructure.Newsroom _newsroom = null!;

    public Task InitializeAsync()
    {
        _newsroom = new Infrastructure.Newsroom(_portal);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _portal.DisposeAsync();

    private async Task<List<string>> FoundAsync(string query)
    {
        var document = await _portal.CreateReader().GetDocumentAsync($"/search?q={Uri.EscapeDataString(query)}");
        return document.QuerySelectorAll(".search-result-title a").Select(a => a.Text()).ToList();
    }

    [Fact]
    public async Task TheMigrationCreatesTheFullTextTable()
    {
        if (TestDatabase.IsPostgres)
        {
            var indexes = await _newsroom.WithDbAsync(db => db.Database
                .SqlQuery<string>($"""SELECT indexdef AS "Value" FROM pg_indexes WHERE tablename = 'ArticleSearch'""").ToListAsync());
            Assert.Contains(indexes, i => i.Contains("USING gin (\"Document\")"));
            return;
        }
        var tables = await _newsroom.WithDbAsync(db => db.Database
            .SqlQuery<string>($"SELECT sql AS Value FROM sqlite_master WHERE name = 'ArticleSearch'").ToListAsync());
        Assert.Contains("fts5", Assert.Single(tables));
    }

    [SqliteConfigurationFact]
    public async Task ThePrefixIndexMigrationKeepsEveryIndexedArticleOnTheWayUpAndDown()
    {
        var section = await _newsroom.SectionAsync("اقتصاد", "economy");
        await _newsroom.PublishedAsync("الصادرات الزراعية تتضاعف", section, 3);
        await _newsroom.PublishedAsync("تقرير عن الصادرات النفطية", section, 2);
        Assert.Contains("prefix", await TableSqlAsync());

        await _newsroom.WithDbAsync(async db =>
        {
            await db.GetService<IMigrator>().MigrateAsync("20261126052739_SearchVisibilityIndex");
            return 0;
        });
        Assert.DoesNotContain("prefix", await TableSqlAsync());
        Assert.Equal(2, (await FoundAsync("صادرات")).Count);

        await _newsroom.WithDbAsync(async db =>
        {
            await db.Database.MigrateAsync();
            return 0;
        });
        Assert.Contains("prefix = '4 5 6 7 8'", await TableSqlAsync());
        Assert.Equal(2, (await FoundAsync("صادر")).Count);
        Assert.Equal(["الصادرات الزراعية تتضاعف"], await FoundAsync("زراع"));

        Task<string> TableSqlAsync() => _newsroom.WithDbAsync(async db => Assert.Single(await db.Database
            .SqlQuery<string>($"SELECT sql AS Value FROM sqlite_master WHERE name = 'ArticleSearch'").ToListAsync()));
    }

    [SqliteConfigurationFact]
    public async Task TheRowKeyMigrationKeysEveryRowByPublicationOnTheWayUpAndByArticleOnTheWayDown()
    {
        var section = await _newsroom.SectionAsync("اقتصاد", "economy");
        // The later article gets the lower id: the keys must follow publication, not creation.
        var later = await _newsroom.PublishedAsync("الصادرات الزراعية تتضاعف", section, 1);
        var earlier = await _newsroom.PublishedAsync("تقرير عن الصادرات النفطية", section, 30);
        Assert.True(later.Id < earlier.Id);
        long[] byPublication = [SearchRowKey.Of(later.Id, later.PublishedAt!.Value), SearchRowKey.Of(earlier.Id, earlier.PublishedAt!.Value)];
        Assert.Equal(byPublication, await RowKeysAsync());

        await MigrateAsync("20261126053000_SearchPrefixIndex");
        Assert.Equal([earlier.Id, later.Id], await RowKeysAsync());

        await MigrateAsync(null);
        Assert.Equal(byPublication, await RowKeysAsync());
        Assert.Equal(["الصادرات الزراعية تتضاعف", "تقرير عن الصادرات النفطية"], await FoundAsync("الصادرات"));

        Task<List<long>> RowKeysAsync() => _newsroom.WithDbAsync(db => db.Database
            .SqlQuery<long>($"SELECT rowid AS Value FROM ArticleSearch ORDER BY rowid DESC").ToListAsync());

        Task MigrateAsync(string? target) => _newsroom.WithDbAsync(async db =>
        {
            await db.GetService<IMigrator>().MigrateAsync(target);
            return 0;
        });
    }

    [Fact]
    public async Task ARescheduledArticleKeepsOneRowAndIsFoundFromItsNewTime()
    {
        var section = await _newsroom.SectionAsync("علوم", "science");
        var article = await _newsroom.ScheduledAsync("إطلاق القمر الصناعي", section, TimeSpan.FromHours(5));
        var newTime = _newsroom.Now.AddHours(1);
        await _newsroom.ChangeAsync(article.Id, a => a.Schedule(newTime, _newsroom.Now));

        Assert.Equal(1, await _newsroom.WithDbAsync(db => db.Database.SqlQuery<int>(TestDatabase.CountSearchRows(article.Id)).SingleAsync()));
        if (!TestDatabase.IsPostgres)
        {
            Assert.Equal([SearchRowKey.Of(article.Id, newTime)], await _newsroom.WithDbAsync(db => db.Database
                .SqlQuery<long>($"SELECT rowid AS Value FROM ArticleSearch").ToListAsync()));
        }
        Assert.Empty(await FoundAsync("القمر"));

        _portal.Clock.Advance(TimeSpan.FromHours(1));
        await _newsroom.ChangeAsync(article.Id, a => a.PublishIfDue(_newsroom.Now));
        Assert.Equal(["إطلاق القمر الصناعي"], await FoundAsync("القمر"));
    }

    [SqliteConfigurationFact]
    public async Task RebuildingLeavesTheIndexMergedIntoOnePiece()
    {
        await ThreeArticlesIndexedOneByOneAsync();
        Assert.False(await IndexIsMergedAsync());

        await _newsroom.WithSearchIndexAsync(index => index.RebuildAsync());

        Assert.True(await IndexIsMergedAsync());
        Assert.Equal(3, (await FoundAsync("رصد")).Count);
    }

    [SqliteConfigurationFact]
    public async Task TheIndexIsMergedAtNightInTheSitesTime()
    {
        await ThreeArticlesIndexedOneByOneAsync();
        var upkeep = _portal.Services.GetRequiredService<SearchIndexUpkeep>();
        Assert.False(await IndexIsMergedAsync());

        // The tests' clock starts at 09:00 UTC, noon in Riyadh: the next 04:00 there is 01:00 UTC tomorrow.
        _portal.Clock.Advance(TimeSpan.FromHours(15.99));
        Assert.Null(upkeep.LastMergedAt);
        _portal.Clock.Advance(TimeSpan.FromHours(0.01));

        await Eventually.HoldsAsync(() => Task.FromResult(upkeep.LastMergedAt is not null), because: "the night's merge ran");
        Assert.Equal(PortalFactory.Start.UtcDateTime.AddHours(16), upkeep.LastMergedAt);
        Assert.True(await IndexIsMergedAsync());
        Assert.Equal(3, (await FoundAsync("رصد")).Count);
    }

    /// <summary>Three articles, each indexed in a transaction of its own, as editors publish: the index in pieces.</summary>
    private async Task ThreeArticlesIndexedOneByOneAsync()
    {
        var section = await _newsroom.SectionAsync("علوم", "science");
        await _newsroom.PublishedAsync("رصد كسوف الشمس", section, 3);
        await _newsroom.PublishedAsync("رصد خسوف القمر", section, 2);
        await _newsroom.PublishedAsync("رصد مذنب قريب", section, 1);
    }

    /// <summary>
    /// Whether the full-text index is one piece: asked to merge everything, FTS5 then changes next
    /// to nothing (fewer than two rows of its own, as its documentation says to check). The merge is
    /// rolled back, so asking changes nothing.
    /// </summary>
    private Task<bool> IndexIsMergedAsync() => _newsroom.WithDbAsync(async db =>
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        var before = await db.Database.SqlQuery<long>($"SELECT total_changes() AS Value").SingleAsync();
        await db.Database.ExecuteSqlAsync($"INSERT INTO ArticleSearch (ArticleSearch, rank) VALUES ('merge', -16)");
        var after = await db.Database.SqlQuery<long>($"SELECT total_changes() AS Value").SingleAsync();
        return after - before < 2;
    });

    [Fact]
    public async Task CatchingUpReindexesArticlesChangedBehindItsBack()
    {
        var section = await _newsroom.SectionAsync("علوم", "science");
        var article = await _newsroom.PublishedAsync("اكتشاف نجم جديد", section, 3);
        var gone = await _newsroom.PublishedAsync("رحلة إلى القمر", section, 4);
        Assert.Equal([article.Headline], await FoundAsync("نجم"));

        _portal.Clock.Advance(TimeSpan.FromMinutes(10));
        await _newsroom.ChangeBehindTheIndexAsync(article.Id, a => a.Write("اكتشاف مذنب جديد", null, "رصده هواة الفلك.", new MarkdownArticleRenderer(), _newsroom.Now));
        await _newsroom.ChangeBehindTheIndexAsync(gone.Id, a => a.Unpublish(_newsroom.Now));
        Assert.Empty(await FoundAsync("مذنب"));

        var changed = await _newsroom.WithSearchIndexAsync(index => index.CatchUpAsync());

        Assert.Equal(2, changed);
        Assert.Equal(["اكتشاف مذنب جديد"], await FoundAsync("مذنب"));
        Assert.Empty(await FoundAsync("نجم"));
        Assert.Equal(0, await _newsroom.WithSearchIndexAsync(index => index.CatchUpAsync()));
    }

    [Fact]
    public async Task RebuildingIndexesEveryArticleReadersCanOrWillSee()
    {
        var section = await _newsroom.SectionAsync("علوم", "science");
        await _newsroom.PublishedAsync("تجربة في المختبر", section, 3);
        await _newsroom.PublishedAsync("تجربة ثانية في المختبر", section, 2);
        await _newsroom.ScheduledAsync("تجربة مجدولة في المختبر", section, TimeSpan.FromHours(2));
        await _newsroom.DraftAsync("تجربة في مسودة", section);
        await _newsroom.WithDbAsync(db => db.Database.ExecuteSqlAsync(TestDatabase.EmptySearchIndex()));
        Assert.Empty(await FoundAsync("تجربة"));

        Assert.Equal(3, await _newsroom.WithSearchIndexAsync(index => index.RebuildAsync()));
        Assert.Equal(2, (await FoundAsync("تجربة")).Count);
    }
}

public class SearchingTheDemoContent(DevelopmentPortal portal) : IClassFixture<DevelopmentPortal>
{
    [Fact]
    public async Task TheDemoContentIsIndexedAtStart()
    {
        var newsroom = new Infrastructure.Newsroom(portal);
        var articles = await newsroom.WithDbAsync(db => db.Articles.CountAsync());
        var rows = await newsroom.WithDbAsync(db => db.Database.SqlQuery<int>(TestDatabase.CountSearchRows()).SingleAsync());
        Assert.Equal(articles, rows);

        var document = await portal.CreateReader().GetDocumentAsync($"/search?q={Uri.EscapeDataString("الاقتصاد")}");
        Assert.NotEmpty(document.QuerySelectorAll(".search-result"));
    }
}
