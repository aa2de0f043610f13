using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.Reading;
using NewsPortal.Web.Models;

namespace NewsPortal.Web.ViewComponents;

/// <summary>The breaking-news ticker at the top of every reader page.</summary>
public sealed class BreakingNewsViewComponent(NewsDbContext db, TimeProvider clock) : ViewComponent
{
    public const int Count = 5;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Walk the BreakingUntil index (a handful of rows) and order them here: ordering by publication
        // time in SQL makes SQLite walk the whole archive by that index instead.
        var breaking = await db.Articles.AsNoTracking().Breaking(now).OrderBy(a => a.BreakingUntil).Take(100)
            .Select(a => new { a.Id, a.Headline, a.Slug, a.PublishedAt })
            .ToListAsync(HttpContext.RequestAborted);
        var items = breaking.OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id).Take(Count)
            .Select(a => new LinkToArticle(a.Id, a.Headline, a.Slug)).ToList();
        return items.Count == 0 ? Content("") : View(items);
    }
}
