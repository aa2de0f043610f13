using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NewsPortal.Core.Data;
using NewsPortal.Core.Newsroom;
using NewsPortal.Core.Time;
using NewsPortal.Web.Areas.Admin.Models;
using NewsPortal.Web.Authorization;

namespace NewsPortal.Web.Areas.Admin.Controllers;

/// <summary>Flagging a published article as breaking news until a chosen time, and lifting the flag.</summary>
[Authorize(Policy = NewsroomPolicies.Editors)]
[Route("admin/articles/{id:int}/breaking")]
public sealed class BreakingNewsController(NewsDbContext db, NewsDates dates) : AdminController
{
    [HttpPost("")]
    public async Task<IActionResult> Create(int id, BreakingForm form, CancellationToken ct)
    {
        var article = await db.Articles.FindAsync([id], ct);
        if (article is null) return NotFound();
        // The form speaks the newsroom's local time; the model keeps UTC. A local time skipped by a
        // daylight-saving change names no moment at all.
        var local = form.Until is { } until ? DateTime.SpecifyKind(until, DateTimeKind.Unspecified) : (DateTime?)null;
        if (!ModelState.IsValid || local is null || dates.Zone.IsInvalidTime(local.Value))
        {
            Flash("اختر حتى متى يبقى الخبر عاجلا.");
            return RedirectToAction("Edit", "Articles", new { id });
        }
        var utc = TimeZoneInfo.ConvertTimeToUtc(local.Value, dates.Zone);
        try
        {
            article.MarkBreaking(utc, Now);
            db.AuditLog.Add(Audit(AuditActions.MarkBreaking, $"article:{id}", $"{article.Headline} — {dates.GregorianDateTime(utc)}"));
            await db.SaveChangesAsync(ct);
            await ReaderPagesChangedAsync();
            Flash($"الخبر عاجل حتى {dates.GregorianDateTime(utc)}.");
        }
        catch (InvalidOperationException)
        {
            Flash($"لا يمكن جعله عاجلا: يجب أن يكون المقال منشورا وأن يقع الموعد في المستقبل خلال {Article.MaxBreakingDuration.Days} أيام.");
        }
        return RedirectToAction("Edit", "Articles", new { id });
    }

    [HttpPost("delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken ct)
    {
        var article = await db.Articles.FindAsync([id], ct);
        if (article is null) return NotFound();
        article.ClearBreaking();
        db.AuditLog.Add(Audit(AuditActions.ClearBreaking, $"article:{id}", article.Headline));
        await db.SaveChangesAsync(ct);
        await ReaderPagesChangedAsync();
        Flash("لم يعد الخبر عاجلا.");
        return RedirectToAction("Edit", "Articles", new { id });
    }
}
