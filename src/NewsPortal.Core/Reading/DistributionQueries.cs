using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.Newsroom;

namespace NewsPortal.Core.Reading;

/// <summary>What a feed reader is told about an article.</summary>
public sealed record FeedItem(
    int Id,
    string Headline,
    string Slug,
    string? Dek,
    string Excerpt,
    string? ImageUrl,
    string SectionName,
    List<string> Authors,
    DateTime PublishedAt,
    DateTime? RevisedAt);

/// <summary>What the Google News sitemap says of a fresh article.</summary>
public sealed record NewsSitemapItem(int Id, string Headline, string Slug, DateTime PublishedAt);

public enum SitemapEntryKind { Home, Section, Tag, Author, Article }

/// <summary>One address in the sitemap; <see cref="Id"/> is set for articles only.</summary>
public sealed record SitemapEntry(SitemapEntryKind Kind, string Slug, DateTime? LastModified, int Id = 0);

/// <summary>The questions feeds and sitemaps ask of the newsroom.</summary>
public static class DistributionQueries
{
    public static IQueryable<Article> PublishedSince(this IQueryable<Article> articles, DateTime sinceUtc) =>
        articles.Where(a => a.PublishedAt >= sinceUtc);

    public static IQueryable<FeedItem> ToFeedItems(this IQueryable<Article> articles) =>
        articles.Select(a => new FeedItem(
            a.Id, a.Headline, a.Slug, a.Dek, a.Excerpt, a.LeadImageUrl, a.Section.Name,
            a.Authors.OrderBy(au => au.DisplayName).Select(au => au.DisplayName).ToList(),
            a.PublishedAt!.Value, a.RevisedAt));

    public static IQueryable<NewsSitemapItem> ToNewsSitemapItems(this IQueryable<Article> articles) =>
        articles.Select(a => new NewsSitemapItem(a.Id, a.Headline, a.Slug, a.PublishedAt!.Value));

    /// <summary>How many addresses the sitemap lists: the home page, the archives with something to read, the articles.</summary>
    public static async Task<int> CountSitemapEntriesAsync(this NewsDbContext db, DateTime nowUtc, CancellationToken ct = default) =>
        1 + (await ArchiveEntriesAsync(db, nowUtc, ct)).Count
          + await db.Articles.AsNoTracking().Published(nowUtc).CountAsync(ct);

    /// <summary>
    /// A slice of the sitemap's addresses in a fixed order: home, sections, tags and authors, then
    /// articles oldest first, so that the files of a split sitemap change only at the end.
    /// </summary>
    public static async Task<IReadOnlyList<SitemapEntry>> SitemapEntriesAsync(this NewsDbContext db, DateTime nowUtc, int skip, int take,
        CancellationToken ct = default)
    {
        var published = db.Articles.AsNoTracking().Published(nowUtc);
        var newest = await published.MaxAsync(a => a.PublishedAt, ct);
        var fixedEntries = new List<SitemapEntry> { new(SitemapEntryKind.Home, "", newest) };
        fixedEntries.AddRange(await ArchiveEntriesAsync(db, nowUtc, ct));

        var entries = fixedEntries.Skip(skip).Take(take).ToList();
        var articleSkip = Math.Max(0, skip - fixedEntries.Count);
        var articleTake = take - entries.Count;
        if (articleTake <= 0) return entries;

        var articles = await published.OrderBy(a => a.PublishedAt).ThenBy(a => a.Id)
            .Skip(articleSkip).Take(articleTake)
            .Select(a => new { a.Id, a.Slug, a.PublishedAt, a.RevisedAt })
            .ToListAsync(ct);
        entries.AddRange(articles.Select(a => new SitemapEntry(SitemapEntryKind.Article, a.Slug, a.RevisedAt ?? a.PublishedAt, a.Id)));
        return entries;
    }

    private static async Task<List<SitemapEntry>> ArchiveEntriesAsync(NewsDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        var visible = ArticleQueries.VisibleAt(nowUtc);
        var sections = await db.Sections.AsNoTracking()
            .OrderBy(s => s.Position).ThenBy(s => s.Slug)
            .Select(s => new { s.Slug, Last = db.Articles.Where(visible).Where(a => a.SectionId == s.Id).Max(a => a.PublishedAt) })
            .ToListAsync(ct);
        // Tag and author pages with nothing published on them are empty lists, not pages worth crawling.
        var tags = await db.Tags.AsNoTracking()
            .Select(t => new { t.Slug, Last = db.Articles.Where(visible).Where(a => a.Tags.Any(x => x.Id == t.Id)).Max(a => a.PublishedAt) })
            .Where(t => t.Last != null)
            .OrderBy(t => t.Slug)
            .ToListAsync(ct);
        var authors = await db.Authors.AsNoTracking()
            .Select(au => new { au.Slug, Last = db.Articles.Where(visible).Where(a => a.Authors.Any(x => x.Id == au.Id)).Max(a => a.PublishedAt) })
            .Where(au => au.Last != null)
            .OrderBy(au => au.Slug)
            .ToListAsync(ct);

        return sections.Select(s => new SitemapEntry(SitemapEntryKind.Section, s.Slug, s.Last))
            .Concat(tags.Select(t => new SitemapEntry(SitemapEntryKind.Tag, t.Slug, t.Last)))
            .Concat(authors.Select(a => new SitemapEntry(SitemapEntryKind.Author, a.Slug, a.Last)))
            .ToList();
    }
}
