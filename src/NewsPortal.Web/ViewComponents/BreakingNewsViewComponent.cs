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
        var items = await db.Articles.AsNoTracking().Breaking(now).Newest().Take(Count)
            .Select(a => new LinkToArticle(a.Id, a.Headline, a.Slug))
            .ToListAsync(HttpContext.RequestAborted);
        return items.Count == 0 ? Content("") : View(items);
    }
}
