using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using NewsPortal.Core.Data;
using NewsPortal.Core.Newsroom;
using NewsPortal.Core.Reading;
using NewsPortal.Web.Infrastructure;

namespace NewsPortal.Web.Models;

/// <summary>Builds the reader's article page; the staff preview uses the same, so it shows exactly what readers will get.</summary>
public static class ArticlePageQuery
{
    private const int RelatedCount = 6;

    private static readonly Expression<Func<Article, ArticlePageRow>> Row = a => new ArticlePageRow(
        a.Id, a.Headline, a.Slug, a.Dek, a.Excerpt, a.BodyHtml,
        a.LeadImageUrl, a.LeadImageAlt, a.LeadImageCaption,
        a.SectionId, a.Section.Name, a.Section.Slug,
        a.Authors.OrderBy(au => au.DisplayName).Select(au => new ArticlePageRow.Credit(au.DisplayName, au.Slug)).ToList(),
        a.Tags.OrderBy(t => t.Name).Select(t => new ArticlePageRow.TagRow(t.Id, t.Name, t.Slug)).ToList(),
        a.PublishedAt, a.UpdatedAt, a.RevisedAt);

    /// <summary>
    /// The reader's question, compiled once per model: every article page asks it, and a compiled query
    /// skips turning the LINQ expression into SQL again each time. EF Core binds a compiled query to the
    /// model it first ran with and refuses any other, and one process can hold several (SQLite and
    /// PostgreSQL during the move, or hosts with different interceptors), hence one per model.
    /// Same rule as <see cref="ArticleQueries.Published"/>.
    /// </summary>
    private static readonly ConditionalWeakTable<IModel, Func<NewsDbContext, int, DateTime, CancellationToken, Task<ArticlePageRow?>>> PublishedRows = new();

    /// <summary>
    /// One statement, the byline and the tags joined to the article: a few rows (authors times tags),
    /// each repeating the article's columns, in one round trip. Split into three statements it cost
    /// PostgreSQL readers more (see the README's PostgreSQL section).
    /// </summary>
    private static Func<NewsDbContext, int, DateTime, CancellationToken, Task<ArticlePageRow?>> CompilePublishedRow() =>
        EF.CompileAsyncQuery((NewsDbContext db, int id, DateTime nowUtc, CancellationToken ct) => db.Articles.AsNoTracking()
            .Where(a => a.Id == id && a.Status == ArticleStatus.Published && a.PublishedAt <= nowUtc)
            .Select(Row)
            .AsSingleQuery()
            .SingleOrDefault());

    /// <summary>
    /// The article page readers get: published articles only. On SQLite the article comes from
    /// <paramref name="prepared"/>'s kept statement; elsewhere from the compiled query.
    /// </summary>
    public static async Task<ArticlePage?> LoadPublishedAsync(
        NewsDbContext db, SqliteArticleReads? prepared, int id, DateTime nowUtc, ReaderBlocks blocks, CancellationToken ct)
    {
        ArticlePageRow? row;
        if (prepared is not null) row = prepared.ReadPublished(id, nowUtc);
        else
        {
            // One connection for the compiled query and the related list; the context closes it when
            // the request's scope ends.
            await db.Database.OpenConnectionAsync(ct);
            row = await PublishedRows.GetValue(db.Model, _ => CompilePublishedRow())(db, id, nowUtc, ct);
        }
        return row is null ? null : await PageAsync(db, row, nowUtc, blocks, ct);
    }

    /// <summary>The staff preview: any article of <paramref name="source"/>, with its related list asked afresh.</summary>
    public static async Task<ArticlePage?> LoadAsync(NewsDbContext db, IQueryable<Article> source, int id, DateTime nowUtc, CancellationToken ct)
    {
        var row = await source.AsNoTracking().Where(a => a.Id == id).Select(Row).AsSplitQuery().SingleOrDefaultAsync(ct);
        return row is null ? null : await PageAsync(db, row, nowUtc, blocks: null, ct);
    }

    private static async Task<ArticlePage> PageAsync(NewsDbContext db, ArticlePageRow article, DateTime nowUtc, ReaderBlocks? blocks, CancellationToken ct)
    {
        var tagIds = article.Tags.Select(t => t.Id).ToList();
        async Task<List<ArticleCard>> LoadRelated()
        {
            // Four reads: one connection for them, closed with the request's scope.
            await db.Database.OpenConnectionAsync(ct);
            return await db.Articles.AsNoTracking().Published(nowUtc)
                .RelatedCardsAsync(article.Id, article.SectionId, tagIds, RelatedCount, ct);
        }
        // The related list is the page's dearest part (four indexed reads) and changes only when
        // articles do, which empties the blocks.
        var related = blocks is null ? await LoadRelated() : await blocks.GetAsync($"related:{article.Id}", LoadRelated);

        // An unpublished article shown to staff carries the time it would go out, or its last change.
        var published = article.PublishedAt ?? article.UpdatedAt;
        var revised = Article.IsNoticeableRevision(article.PublishedAt, article.RevisedAt) ? article.RevisedAt : null;
        return new ArticlePage(
            article.Id, article.Headline, article.Slug, article.Dek, article.Excerpt, article.BodyHtml,
            article.LeadImageUrl, article.LeadImageAlt, article.LeadImageCaption,
            new LinkTo(article.SectionName, article.SectionSlug),
            article.Authors.Select(a => new LinkTo(a.Name, a.Slug)).ToList(),
            article.Tags.Select(t => new LinkTo(t.Name, t.Slug)).ToList(),
            published, revised, related);
    }
}
