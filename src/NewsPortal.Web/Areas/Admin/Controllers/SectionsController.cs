using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.Newsroom;
using NewsPortal.Core.Text;
using NewsPortal.Web.Areas.Admin.Models;
using NewsPortal.Web.Authorization;

namespace NewsPortal.Web.Areas.Admin.Controllers;

[Authorize(Policy = NewsroomPolicies.Editors)]
[Route("admin/sections")]
public sealed class SectionsController(NewsDbContext db) : AdminController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var rows = await db.Sections.AsNoTracking().OrderBy(s => s.Position).ThenBy(s => s.Name)
            .Select(s => new SectionRow(s.Id, s.Name, s.Slug, s.Position, db.Articles.Count(a => a.SectionId == s.Id)))
            .ToListAsync(ct);
        return View(new SectionsPage(rows));
    }

    [HttpGet("new")]
    public IActionResult Create() => View("Edit", new SectionForm());

    [HttpPost("new")]
    public async Task<IActionResult> Create(SectionForm form, CancellationToken ct)
    {
        form.Id = null;
        if (!await ValidateSlugAsync(form, null, ct)) return View("Edit", form);
        var section = new Section(form.Name, form.Slug, form.Description, form.Position);
        db.Sections.Add(section);
        await db.SaveChangesAsync(ct);
        await ReaderPagesChangedAsync();
        Flash("تمت إضافة القسم.");
        return RedirectToAction(nameof(Index));
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var section = await db.Sections.FindAsync([id], ct);
        if (section is null) return NotFound();
        return View(new SectionForm { Id = id, Name = section.Name, Slug = section.Slug, Description = section.Description, Position = section.Position });
    }

    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, SectionForm form, CancellationToken ct)
    {
        var section = await db.Sections.FindAsync([id], ct);
        if (section is null) return NotFound();
        form.Id = id;
        if (!await ValidateSlugAsync(form, id, ct)) return View(form);
        section.Rename(form.Name, form.Slug);
        section.Describe(form.Description);
        section.MoveToPosition(form.Position);
        await db.SaveChangesAsync(ct);
        await ReaderPagesChangedAsync();
        Flash("تم حفظ القسم.");
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken ct)
    {
        var section = await db.Sections.FindAsync([id], ct);
        if (section is null) return NotFound();
        if (await db.Articles.AnyAsync(a => a.SectionId == id, ct))
        {
            Flash("لا يمكن حذف قسم فيه مقالات؛ انقل مقالاته أولا.");
            return RedirectToAction(nameof(Index));
        }
        db.Sections.Remove(section);
        db.AuditLog.Add(Audit(AuditActions.Delete, $"section:{section.Slug}", section.Name));
        await db.SaveChangesAsync(ct);
        await ReaderPagesChangedAsync();
        Flash("تم حذف القسم.");
        return RedirectToAction(nameof(Index));
    }

    private async Task<bool> ValidateSlugAsync(SectionForm form, int? id, CancellationToken ct)
    {
        if (!ModelState.IsValid) return false;
        var slug = Slugs.From(string.IsNullOrWhiteSpace(form.Slug) ? form.Name : form.Slug);
        if (await db.Sections.AnyAsync(s => s.Slug == slug && s.Id != id, ct))
        {
            ModelState.AddModelError(nameof(form.Slug), "يوجد قسم آخر بهذا المعرّف.");
            return false;
        }
        return true;
    }
}
