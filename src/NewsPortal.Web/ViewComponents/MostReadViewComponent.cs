using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.Reading;
using NewsPortal.Web.Infrastructure;
using NewsPortal.Web.Models;

namespace NewsPortal.Web.ViewComponents;

/// <summary>The most read articles of the last day and of the last week, for the home and article pages.</summary>
public sealed class MostReadViewComponent(NewsDbContext db, TimeProvider clock, ReaderBlocks blocks) : ViewComponent
{
    public const int Count = 5;

    public async Task<IViewComponentResult> InvokeAsync()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ct = HttpContext.RequestAborted;
        var lists = await blocks.GetAsync(nameof(MostReadBlock), async () => new MostReadBlock(
            await db.MostRead(MostReadQueries.Day, now).Take(Count).ToListAsync(ct),
            await db.MostRead(MostReadQueries.Week, now).Take(Count).ToListAsync(ct)));
        return new KeptViewResult(lists, View(lists));
    }
}
