using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.Reading;
using NewsPortal.Web.Areas.Admin.Models;
using NewsPortal.Web.Authorization;

namespace NewsPortal.Web.Areas.Admin.Controllers;

[Authorize(Policy = NewsroomPolicies.Admins)]
[Route("admin/audit")]
public sealed class AuditController(NewsDbContext db) : AdminController
{
    private const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(int? page, CancellationToken ct)
    {
        var number = Page<AuditRow>.Clamp(page);
        var total = await db.AuditLog.CountAsync(ct);
        var rows = await db.AuditLog.AsNoTracking()
            .OrderByDescending(e => e.Id)
            .Skip((number - 1) * PageSize).Take(PageSize)
            .Select(e => new AuditRow(e.At, e.ActorName, e.Action, e.Subject, e.Details))
            .ToListAsync(ct);
        return View(new AuditPage(new Page<AuditRow>(rows, number, PageSize, total)));
    }
}
