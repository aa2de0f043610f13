using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.Newsroom;
using NewsPortal.Web.Areas.Admin.Models;
using NewsPortal.Web.Authorization;

namespace NewsPortal.Web.Areas.Admin.Controllers;

[Authorize(Policy = NewsroomPolicies.Editors)]
[Route("admin/tags")]
public sealed class TagsController(NewsDbContext db) : AdminController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct) => View(await PageAsync(new TagsPage(), ct));

    [HttpPost("")]
    public async Task<IActionResult> Create(TagsPage form, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            var tag = new Tag(form.Name);
            if (await db.Tags.AnyAsync(t => t.Slug == tag.Slug, ct))
            {
                ModelState.AddModelError(nameof(form.Name), "هذا الوسم موجود بالفعل.");
            }
            else
            {
                db.Tags.Add(tag);
                await db.SaveChangesAsync(ct);
                Flash("تمت إضافة الوسم.");
                return RedirectToAction(nameof(Index));
            }
        }
        return View("Index", await PageAsync(form, ct));
    }

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken ct)
    {
        var tag = await db.Tags.FindAsync([id], ct);
        if (tag is null) return NotFound();
        db.Tags.Remove(tag);
        db.AuditLog.Add(Audit(AuditActions.Delete, $"tag:{tag.Slug}", tag.Name));
        await db.SaveChangesAsync(ct);
        await ReaderPagesChangedAsync();
        Flash("تم حذف الوسم.");
        return RedirectToAction(nameof(Index));
    }

    private async Task<TagsPage> PageAsync(TagsPage form, CancellationToken ct) => new()
    {
        Name = form.Name,
        Tags = await db.Tags.AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new TagRow(t.Id, t.Name, t.Slug, db.Articles.Count(a => a.Tags.Any(x => x.Id == t.Id))))
            .ToListAsync(ct),
    };
}
