using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using NewsPortal.Core.Text;
using NewsPortal.Tests.Infrastructure;
using NewsPortal.Tests.Reading;

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
