using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.Newsletter;
using NewsPortal.Core.Newsroom;
using NewsPortal.Core.Reading;
using NewsPortal.Web.Areas.Admin.Models;
using NewsPortal.Web.Authorization;
using NewsPortal.Web.Newsletter;

namespace NewsPortal.Web.Areas.Admin.Controllers;

[Authorize(Policy = NewsroomPolicies.Editors)]
[Route("admin/subscribers")]
public sealed class SubscribersController(NewsDbContext db) : AdminController
{
    private const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(SubscriberStatus? status, string? q, int? page, CancellationToken ct)
    {
        var filter = new SubscriberFilter(status, q?.Trim());
        var number = Page<SubscriberRow>.Clamp(page);
        var matching = db.Subscribers.AsNoTracking().WithStatus(status).Matching(q);
        var total = await matching.CountAsync(ct);
        var rows = await matching.OrderByDescending(s => s.Id)
            .Skip((number - 1) * PageSize).Take(PageSize)
            .Select(s => new SubscriberRow(s.Id, s.Email, s.Status, s.RequestedAt, s.ConfirmedAt, s.SourcePage))
            .ToListAsync(ct);
        var counts = await db.Subscribers.AsNoTracking().GroupBy(s => s.Status)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return View(new SubscribersPage(filter, new Page<SubscriberRow>(rows, number, PageSize, total), counts));
    }

    [HttpGet("export")]
    public async Task<IActionResult> Export(SubscriberStatus? status, string? q, CancellationToken ct)
    {
        var rows = await db.Subscribers.AsNoTracking().WithStatus(status).Matching(q).OrderBy(s => s.Id)
            .Select(s => new { s.Email, s.Status, s.RequestedAt, s.SourcePage, s.WordingVersion, s.ConfirmedAt, s.UnsubscribedAt, s.BouncedAt })
            .ToListAsync(ct);
        var csv = new StringBuilder();
        csv.AppendLine(Csv.Line("email", "status", "requested_at", "source_page", "wording_version", "confirmed_at", "unsubscribed_at", "bounced_at"));
        foreach (var s in rows)
        {
            csv.AppendLine(Csv.Line(s.Email, s.Status.ToString(), Csv.Time(s.RequestedAt), s.SourcePage, s.WordingVersion,
                Csv.Time(s.ConfirmedAt), Csv.Time(s.UnsubscribedAt), Csv.Time(s.BouncedAt)));
        }
        // The byte-order mark tells spreadsheet programs the file is UTF-8.
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
        return File(bytes, "text/csv; charset=utf-8", $"subscribers-{Now:yyyyMMdd-HHmm}.csv");
    }

    /// <summary>Erasure: the person's row and every record of what was sent to them go; the audit log keeps only the number.</summary>
    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken ct)
    {
        var subscriber = await db.Subscribers.FindAsync([id], ct);
        if (subscriber is null) return NotFound();
        db.Subscribers.Remove(subscriber);
        db.AuditLog.Add(Audit(AuditActions.EraseSubscriber, $"subscriber:{id}"));
        await db.SaveChangesAsync(ct);
        Flash("حُذف المشترك وكل بياناته.");
        return RedirectToAction(nameof(Index));
    }
}
