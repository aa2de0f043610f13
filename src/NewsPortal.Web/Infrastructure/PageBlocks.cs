using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.Newsroom;
using NewsPortal.Core.Reading;
using NewsPortal.Web.Models;

namespace NewsPortal.Web.Infrastructure;

/// <summary>
/// What the reader pages' shared blocks show: the sections for the header and footer navigation,
/// the breaking-news strip and the most-read lists. Each comes from <see cref="ReaderBlocks"/>, so
/// the database is asked about once a minute rather than per page, and the same list object comes
/// back until then: the views keep their markup with it (<see cref="KeptHtml"/>). One per request.
/// </summary>
public sealed class PageBlocks(NewsDbContext db, TimeProvider clock, ReaderBlocks blocks, IHttpContextAccessor requests)
{
    /// <summary>Breaking news shown at once, newest first.</summary>
    public const int BreakingCount = 5;

    /// <summary>How many flagged articles the block keeps; the newest of those still current are shown.</summary>
    private const int BreakingKept = 100;

    /// <summary>Articles in each most-read list.</summary>
    public const int MostReadCount = 5;

    private List<LinkTo>? _sections;

    private CancellationToken Aborted => requests.HttpContext?.RequestAborted ?? CancellationToken.None;

    /// <summary>The sections in their editorial order; the header and the footer share one lookup.</summary>
    public async Task<IReadOnlyList<LinkTo>> SectionsAsync()
    {
        var ct = Aborted;
        return _sections ??= await blocks.GetAsync("sections", () => db.Sections.AsNoTracking()
            .OrderBy(s => s.Position).ThenBy(s => s.Name)
            .Select(s => new LinkTo(s.Name, s.Slug))
            .ToListAsync(ct));
    }

    /// <summary>
    /// The breaking news to show now. The block keeps the flagged articles with their times, and the
    /// times are checked on every page: a flag that runs out (or a publication time that arrives)
    /// shows at once, not when the block is next refilled. The query walks the BreakingUntil index (a
    /// handful of rows) and they are ordered here: ordering by publication time in SQL makes SQLite
    /// walk the whole archive by that index instead.
    /// </summary>
    public async Task<IReadOnlyList<LinkToArticle>> BreakingAsync()
    {
        var ct = Aborted;
        var flagged = await blocks.GetAsync("breaking", () =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            return db.Articles.AsNoTracking()
                .Where(a => a.Status == ArticleStatus.Published && a.BreakingUntil > now)
                .OrderBy(a => a.BreakingUntil).Take(BreakingKept)
                .Select(a => new Flagged(a.Id, a.Headline, a.Slug, a.PublishedAt, a.BreakingUntil))
                .ToListAsync(ct);
        });
        if (flagged.Count == 0) return [];
        var current = clock.GetUtcNow().UtcDateTime;
        return flagged.Where(a => a.PublishedAt <= current && a.BreakingUntil > current)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Take(BreakingCount)
            .Select(a => new LinkToArticle(a.Id, a.Headline, a.Slug)).ToList();
    }

    /// <summary>The most read articles of the last day and of the last week.</summary>
    public Task<MostReadBlock> MostReadAsync()
    {
        var ct = Aborted;
        return blocks.GetAsync(nameof(MostReadBlock), async () =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            return new MostReadBlock(
                await db.MostRead(MostReadQueries.Day, now).Take(MostReadCount).ToListAsync(ct),
                await db.MostRead(MostReadQueries.Week, now).Take(MostReadCount).ToListAsync(ct));
        });
    }

    private sealed record Flagged(int Id, string Headline, string Slug, DateTime? PublishedAt, DateTime? BreakingUntil);
}
