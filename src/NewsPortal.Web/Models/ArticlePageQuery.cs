using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.Newsroom;
using NewsPortal.Core.Reading;
using NewsPortal.Web.Infrastructure;

namespace NewsPortal.Web.Models;

/// <summary>Builds the reader's article page; the staff preview uses the same, so it shows exactly what readers will get.</summary>
public static class ArticlePageQuery
{
    private const int RelatedCount = 6;

    /// <param name="blocks">Where readers' related lists are kept for a while; the staff preview passes none and always asks afresh.</param>
    public static async Task<ArticlePage?> LoadAsync(NewsDbContext db, IQueryable<Article> source, int id, DateTime nowUtc,
        ReaderBlocks? blocks, CancellationToken ct)
    {
        var article = await source.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new
            {
                a.Id, a.Headline, a.Slug, a.Dek, a.Excerpt, a.BodyHtml,
                a.LeadImageUrl, a.LeadImageAlt, a.LeadImageCaption,
                a.SectionId, SectionName = a.Section.Name, SectionSlug = a.Section.Slug,
                Authors = a.Authors.OrderBy(au => au.DisplayName).Select(au => new LinkTo(au.DisplayName, au.Slug)).ToList(),
                Tags = a.Tags.OrderBy(t => t.Name).Select(t => new { t.Id, t.Name, t.Slug }).ToList(),
                a.PublishedAt,
                a.UpdatedAt,
                a.RevisedAt,
            })
            .AsSplitQuery()
            .SingleOrDefaultAsync(ct);
        if (article is null) return null;

        var tagIds = article.Tags.Select(t => t.Id).ToList();
        Task<List<ArticleCard>> LoadRelated() => db.Articles.AsNoTracking().Published(nowUtc)
            .RelatedCardsAsync(article.Id, article.SectionId, tagIds, RelatedCount, ct);
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
            article.Authors,
            article.Tags.Select(t => new LinkTo(t.Name, t.Slug)).ToList(),
            published, revised, related);
    }
}
