using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.Newsroom;
using NewsPortal.Web.Infrastructure;
using NewsPortal.Web.Models;

namespace NewsPortal.Web.ViewComponents;

/// <summary>The breaking-news ticker at the top of every reader page.</summary>
public sealed class BreakingNewsViewComponent(NewsDbContext db, TimeProvider clock, ReaderBlocks blocks) : ViewComponent
{
    public const int Count = 5;

    /// <summary>How many flagged articles the block keeps; the newest of those still current are shown.</summary>
    private const int Kept = 100;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var ct = HttpContext.RequestAborted;
        // The block keeps the flagged articles with their times, and the times are checked on every
        // page: a flag that runs out (or a publication time that arrives) shows at once, not when the
        // block is next refilled. Walk the BreakingUntil index (a handful of rows) and order them here:
        // ordering by publication time in SQL makes SQLite walk the whole archive by that index instead.
        var flagged = await blocks.GetAsync("breaking", () =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            return db.Articles.AsNoTracking()
                .Where(a => a.Status == ArticleStatus.Published && a.BreakingUntil > now)
                .OrderBy(a => a.BreakingUntil).Take(Kept)
                .Select(a => new Flagged(a.Id, a.Headline, a.Slug, a.PublishedAt, a.BreakingUntil))
                .ToListAsync(ct);
        });
        var current = clock.GetUtcNow().UtcDateTime;
        var items = flagged.Where(a => a.PublishedAt <= current && a.BreakingUntil > current)
            .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Take(Count)
            .Select(a => new LinkToArticle(a.Id, a.Headline, a.Slug)).ToList();
        return items.Count == 0 ? Content("") : View(items);
    }

    private sealed record Flagged(int Id, string Headline, string Slug, DateTime? PublishedAt, DateTime? BreakingUntil);
}
