using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Newsroom;

namespace NewsPortal.Core.Reading;

/// <summary>The named questions readers' pages ask of the articles table.</summary>
public static class ArticleQueries
{
    /// <summary>Published and its time has come: the one rule for what readers may see.</summary>
    public static Expression<Func<Article, bool>> VisibleAt(DateTime nowUtc) =>
        a => a.Status == ArticleStatus.Published && a.PublishedAt <= nowUtc;

    public static readonly Expression<Func<Article, ArticleCard>> Card = a => new ArticleCard(
        a.Id, a.Headline, a.Slug, a.Dek, a.Excerpt, a.LeadImageUrl, a.LeadImageAlt,
        a.Section.Name, a.Section.Slug, a.PublishedAt!.Value);

    public static IQueryable<Article> Published(this IQueryable<Article> articles, DateTime nowUtc) =>
        articles.Where(VisibleAt(nowUtc));

    public static IQueryable<Article> InSection(this IQueryable<Article> articles, int sectionId) =>
        articles.Where(a => a.SectionId == sectionId);

    public static IQueryable<Article> TaggedWith(this IQueryable<Article> articles, int tagId) =>
        articles.Where(a => a.Tags.Any(t => t.Id == tagId));

    public static IQueryable<Article> By(this IQueryable<Article> articles, int authorId) =>
        articles.Where(a => a.Authors.Any(au => au.Id == authorId));

    public static IQueryable<Article> Newest(this IQueryable<Article> articles) =>
        articles.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id);

    public static IQueryable<ArticleCard> ToCards(this IQueryable<Article> articles) => articles.Select(Card);

    /// <summary>
    /// Other published articles ranked for "you may also like": most shared tags first, then the
    /// same section, then the newest. Articles sharing nothing still fill the list, newest first.
    /// </summary>
    public static IQueryable<Article> RelatedTo(this IQueryable<Article> articles, int articleId, int sectionId, IReadOnlyCollection<int> tagIds) =>
        articles
            .Where(a => a.Id != articleId)
            .OrderByDescending(a => a.Tags.Count(t => tagIds.Contains(t.Id)))
            .ThenByDescending(a => a.SectionId == sectionId)
            .ThenByDescending(a => a.PublishedAt)
            .ThenByDescending(a => a.Id);

    /// <summary>How many of the newest tag-sharing articles are ranked; older ones rarely win and cost a scan.</summary>
    public const int RelatedCandidatePool = 60;

    /// <summary>
    /// "You may also like" without ranking the whole archive: only the newest articles sharing a tag,
    /// the newest of the section and the newest of the site are candidates, each found through an index.
    /// </summary>
    public static async Task<List<ArticleCard>> RelatedCardsAsync(this IQueryable<Article> published, int articleId, int sectionId,
        IReadOnlyCollection<int> tagIds, int count, CancellationToken ct = default)
    {
        var others = published.Where(a => a.Id != articleId);
        var candidates = new HashSet<int>();
        if (tagIds.Count > 0)
        {
            candidates.UnionWith(await others.Where(a => a.Tags.Any(t => tagIds.Contains(t.Id)))
                .Newest().Take(RelatedCandidatePool).Select(a => a.Id).ToListAsync(ct));
        }
        candidates.UnionWith(await others.InSection(sectionId).Newest().Take(count).Select(a => a.Id).ToListAsync(ct));
        candidates.UnionWith(await others.Newest().Take(count).Select(a => a.Id).ToListAsync(ct));
        return await others.Where(a => candidates.Contains(a.Id))
            .RelatedTo(articleId, sectionId, tagIds).Take(count).ToCards().ToListAsync(ct);
    }

    public static async Task<Page<ArticleCard>> ToPageAsync(this IQueryable<Article> articles, int number, int size, CancellationToken ct = default)
    {
        number = Page<ArticleCard>.Clamp(number);
        var total = await articles.CountAsync(ct);
        var items = await articles.Newest().Skip((number - 1) * size).Take(size).ToCards().ToListAsync(ct);
        return new Page<ArticleCard>(items, number, size, total);
    }
}
