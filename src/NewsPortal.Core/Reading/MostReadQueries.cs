using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.Newsroom;

namespace NewsPortal.Core.Reading;

/// <summary>An article in a "most read" list.</summary>
public sealed record MostReadArticle(int Id, string Headline, string Slug, string SectionName, int Views);

/// <summary>Counting reads by the hour, and asking which articles were read most.</summary>
public static class MostReadQueries
{
    public static readonly TimeSpan Day = TimeSpan.FromHours(24);
    public static readonly TimeSpan Week = TimeSpan.FromDays(7);

    /// <summary>
    /// Published articles by their reads within <paramref name="window"/> before now, most read first;
    /// ties go to the newer story. An hour counts when it began inside the window.
    /// </summary>
    public static IQueryable<MostReadArticle> MostRead(this NewsDbContext db, TimeSpan window, DateTime nowUtc)
    {
        var since = nowUtc - window;
        var reads = db.ArticleViewCounts
            .Where(v => v.HourStartUtc > since)
            .GroupBy(v => v.ArticleId)
            .Select(g => new { ArticleId = g.Key, Views = g.Sum(v => v.Count) });
        return from r in reads
               join a in db.Articles.Where(ArticleQueries.VisibleAt(nowUtc)) on r.ArticleId equals a.Id
               orderby r.Views descending, a.PublishedAt descending, a.Id descending
               select new MostReadArticle(a.Id, a.Headline, a.Slug, a.Section.Name, r.Views);
    }

    /// <summary>
    /// Adds reads to their hourly buckets in one transaction. An upsert, because many batches add
    /// to the same hour; reads of an article deleted meanwhile are dropped rather than failing the batch.
    /// </summary>
    public static async Task AddViewsAsync(this NewsDbContext db, IEnumerable<ArticleViewCount> counts, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var count in counts)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "ArticleViewCounts" ("ArticleId", "HourStartUtc", "Count")
                SELECT {count.ArticleId}, {count.HourStartUtc}, {count.Count}
                WHERE EXISTS (SELECT 1 FROM "Articles" WHERE "Id" = {count.ArticleId})
                ON CONFLICT ("ArticleId", "HourStartUtc") DO UPDATE SET "Count" = "ArticleViewCounts"."Count" + excluded."Count"
                """, ct);
        }
        await transaction.CommitAsync(ct);
    }
}
