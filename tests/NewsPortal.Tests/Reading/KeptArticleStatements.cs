using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Data;
using NewsPortal.Core.Reading;
using NewsPortal.Tests.Infrastructure;
using NewsPortal.Web.Infrastructure;
using NewsPortal.Web.Models;

namespace NewsPortal.Tests.Reading;

/// <summary>On SQLite the reader's article comes from a statement kept prepared on connections of the portal's own.</summary>
public class KeptArticleStatements(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private readonly Infrastructure.Newsroom _newsroom = new(portal);

    private SqliteArticleReads Kept => portal.Services.GetRequiredService<SqliteArticleReads>();

    /// <summary>The page as the compiled EF Core query and as the kept statement build it, written out for comparison.</summary>
    private async Task<(string? Compiled, string? Kept)> BothAsync(int id)
    {
        var now = portal.Clock.GetUtcNow().UtcDateTime;
        var blocks = portal.Services.GetRequiredService<ReaderBlocks>();
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var compiled = await ArticlePageQuery.LoadPublishedAsync(db, null, id, now, blocks, CancellationToken.None);
        var kept = await ArticlePageQuery.LoadPublishedAsync(db, Kept, id, now, blocks, CancellationToken.None);
        return (Written(compiled), Written(kept));
    }

    private static string? Written(ArticlePage? page) => page is null ? null : JsonSerializer.Serialize(page);

    [SqliteConfigurationFact]
    public async Task TheKeptStatementReadsWhatTheCompiledQueryReads()
    {
        var section = await _newsroom.SectionAsync("سياسة محفوظة", "kept-politics");
        // Credited and tagged out of alphabetical order: the page lists both in order.
        var authors = new[] { await _newsroom.AuthorAsync("يوسف الكاتب", "kept-yusuf"), await _newsroom.AuthorAsync("أحمد المحرر", "kept-ahmad") };
        var tags = await _newsroom.TagsAsync("موانئ", "اقتصاد", "طاقة");
        var full = await _newsroom.ArticleAsync("خبر بكل تفاصيله", section, authors, tags, null, "سطر تمهيدي للخبر", "/uploads/kept.jpg",
            a => a.RecordPublication(_newsroom.Now.AddHours(-5), _newsroom.Now.AddHours(-1)));
        var bare = await _newsroom.PublishedAsync("خبر بلا كاتب ولا وسم", section, 2);

        var (compiled, kept) = await BothAsync(full.Id);
        Assert.NotNull(compiled);
        Assert.Equal(compiled, kept);
        using (var page = JsonDocument.Parse(kept!))
        {
            Assert.Equal(["أحمد المحرر", "يوسف الكاتب"], page.RootElement.GetProperty("Authors").EnumerateArray().Select(a => a.GetProperty("Name").GetString()));
            Assert.Equal(["اقتصاد", "طاقة", "موانئ"], page.RootElement.GetProperty("Tags").EnumerateArray().Select(t => t.GetProperty("Name").GetString()));
            Assert.Equal(JsonValueKind.String, page.RootElement.GetProperty("RevisedAt").ValueKind);
        }

        (compiled, kept) = await BothAsync(bare.Id);
        Assert.NotNull(compiled);
        Assert.Equal(compiled, kept);
    }

    [SqliteConfigurationFact]
    public async Task DraftsScheduledArticlesAndUnknownIdsAreNotRead()
    {
        var section = await _newsroom.SectionAsync("منوعات محفوظة", "kept-misc");
        var draft = await _newsroom.DraftAsync("مسودة لم تنشر", section);
        var scheduled = await _newsroom.ScheduledAsync("خبر الغد", section, TimeSpan.FromHours(3));
        var later = await _newsroom.ArticleAsync("خبر بتاريخ لاحق", section, null, null, null, null, null,
            a => a.RecordPublication(_newsroom.Now.AddHours(2), null));
        var now = portal.Clock.GetUtcNow().UtcDateTime;

        Assert.Null(Kept.ReadPublished(draft.Id, now));
        Assert.Null(Kept.ReadPublished(scheduled.Id, now));
        Assert.Null(Kept.ReadPublished(later.Id, now));
        Assert.Null(Kept.ReadPublished(int.MaxValue, now));
        // Its time come, the article published for later is read.
        Assert.Equal("خبر بتاريخ لاحق", Kept.ReadPublished(later.Id, now.AddHours(2))?.Headline);
    }

    [SqliteConfigurationFact]
    public async Task AKeptConnectionSeesEveryChangeCommittedBeforeItsRead()
    {
        var section = await _newsroom.SectionAsync("محليات محفوظة", "kept-local");
        var article = await _newsroom.PublishedAsync("العنوان الأول", section);
        var now = portal.Clock.GetUtcNow().UtcDateTime;
        Assert.Equal("العنوان الأول", Kept.ReadPublished(article.Id, now)?.Headline);

        await _newsroom.ChangeAsync(article.Id, a => a.SetHeadline("العنوان بعد التصحيح"));
        Assert.Equal("العنوان بعد التصحيح", Kept.ReadPublished(article.Id, now)?.Headline);

        await _newsroom.ChangeAsync(article.Id, a => a.Unpublish(now));
        Assert.Null(Kept.ReadPublished(article.Id, now));
    }

    [SqliteConfigurationFact]
    public async Task AReadThatFailsSaysSoAndTheNextWorksOnceTheCauseIsGone()
    {
        var section = await _newsroom.SectionAsync("ثقافة محفوظة", "kept-culture");
        var article = await _newsroom.PublishedAsync("معرض يفتح أبوابه", section);
        var now = portal.Clock.GetUtcNow().UtcDateTime;
        Assert.Equal("معرض يفتح أبوابه", Kept.ReadPublished(article.Id, now)?.Headline);

        // A table the statement reads goes away under the kept connections: their statement must be
        // prepared again and cannot be. The failure is an error, not "no such article" (a 404).
        await RenameTableAsync("Tags", "TagsElsewhere");
        try
        {
            var error = Assert.Throws<Microsoft.Data.Sqlite.SqliteException>(() => Kept.ReadPublished(article.Id, now));
            Assert.Contains("Tags", error.Message);
        }
        finally
        {
            await RenameTableAsync("TagsElsewhere", "Tags");
        }

        // Every later read gets the article, on a connection kept or opened afresh.
        var reads = Enumerable.Range(0, 12).Select(_ => Kept.ReadPublished(article.Id, now)?.Headline).ToList();
        Assert.All(reads, headline => Assert.Equal("معرض يفتح أبوابه", headline));
    }

    private async Task RenameTableAsync(string from, string to)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        // Names of this test's own, never input.
        var sql = "ALTER TABLE \"" + from + "\" RENAME TO \"" + to + "\"";
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    [SqliteConfigurationFact]
    public async Task ManyReadersAtOnceEachGetTheArticle()
    {
        var section = await _newsroom.SectionAsync("رياضة محفوظة", "kept-sport");
        var article = await _newsroom.PublishedAsync("مباراة يقرؤها الجميع", section);
        var path = $"/articles/{article.Id}/{Uri.EscapeDataString(article.Slug)}";

        // More readers at once than connections kept: the extra ones are opened and closed again.
        var pages = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            using var reader = portal.CreateReader();
            var response = await reader.GetAsync($"{path}?reader={i}");
            return (response.StatusCode, Html: await response.Content.ReadAsStringAsync());
        }));

        Assert.All(pages, page =>
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("مباراة يقرؤها الجميع", page.Html);
        });
    }
}
