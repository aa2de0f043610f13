using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.Newsroom;
using NewsPortal.Core.Reading;

namespace NewsPortal.Web.Models;

/// <summary>Builds the reader's article page; the staff preview uses the same, so it shows exactly what readers will get.</summary>
public static class ArticlePageQuery
{
    private const int RelatedCount = 6;

    public static async Task<ArticlePage?> LoadAsync(NewsDbContext db, IQueryable<Article> source, int id, DateTime nowUtc, CancellationToken ct)
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
        var related = await db.Articles.AsNoTracking().Published(nowUtc)
            .RelatedCardsAsync(article.Id, article.SectionId, tagIds, RelatedCount, ct);

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
