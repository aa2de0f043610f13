using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NewsPortal.Core.Data;
using NewsPortal.Core.Newsroom;
using NewsPortal.Core.Search;
using NewsPortal.Core.Time;
using NewsPortal.Web.Areas.Admin.Models;
using NewsPortal.Web.Authorization;

namespace NewsPortal.Web.Areas.Admin.Controllers;

/// <summary>Scheduling an article for a later time; the scheduled publisher takes it from there.</summary>
[Authorize(Policy = NewsroomPolicies.Editors)]
[Route("admin/articles/{id:int}/schedule")]
public sealed class SchedulesController(NewsDbContext db, NewsDates dates, SearchIndex search) : AdminController
{
    [HttpPost("")]
    public async Task<IActionResult> Create(int id, ScheduleForm form, CancellationToken ct)
    {
        var article = await db.Articles.FindAsync([id], ct);
        if (article is null) return NotFound();
        if (!ModelState.IsValid || form.PublishAt is not { } local)
        {
            Flash("اختر موعد نشر صالحا.");
            return RedirectToAction("Edit", "Articles", new { id });
        }

        // The form speaks the newsroom's local time; the model keeps UTC.
        var utc = TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), dates.Zone);
        try
        {
            article.Schedule(utc, Now);
            db.AuditLog.Add(Audit(AuditActions.Schedule, $"article:{id}", $"{article.Headline} — {dates.GregorianDateTime(utc)}"));
            await db.SaveChangesAsync(ct);
            await search.IndexAsync(article, ct);
            await ReaderPagesChangedAsync();
            Flash($"جُدول المقال للنشر في {dates.GregorianDateTime(utc)}.");
        }
        catch (InvalidOperationException)
        {
            Flash("لا يمكن الجدولة: يجب أن يكون الموعد في المستقبل وألا يكون المقال منشورا.");
        }
        return RedirectToAction("Edit", "Articles", new { id });
    }
}
