using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using NewsPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.Reading;
using NewsPortal.Web.Models;

namespace NewsPortal.Web.Controllers;

/// <summary>Section, tag and author archives: the same paged list, filtered three ways.</summary>
public sealed class ArchivesController(NewsDbContext db, TimeProvider clock) : Controller
{
    public const int PageSize = 12;

    [HttpGet("/sections/{slug}")]
    [OutputCache(PolicyName = ReaderCache.Policy)]
    public async Task<IActionResult> Section(string slug, int? page, CancellationToken ct)
    {
        var section = await db.Sections.AsNoTracking().Where(s => s.Slug == slug)
            .Select(s => new { s.Id, s.Name, s.Description }).SingleOrDefaultAsync(ct);
        if (section is null) return NotFound();
        return await Archive(ArchiveKind.Section, section.Name, slug, section.Description,
            Published().InSection(section.Id), page, ct);
    }

    [HttpGet("/tags/{slug}")]
    [OutputCache(PolicyName = ReaderCache.Policy)]
    public async Task<IActionResult> Tag(string slug, int? page, CancellationToken ct)
    {
        var tag = await db.Tags.AsNoTracking().Where(t => t.Slug == slug)
            .Select(t => new { t.Id, t.Name }).SingleOrDefaultAsync(ct);
        if (tag is null) return NotFound();
        return await Archive(ArchiveKind.Tag, tag.Name, slug, null, Published().TaggedWith(tag.Id), page, ct);
    }

    [HttpGet("/authors/{slug}")]
    [OutputCache(PolicyName = ReaderCache.Policy)]
    public async Task<IActionResult> Author(string slug, int? page, CancellationToken ct)
    {
        var author = await db.Authors.AsNoTracking().Where(a => a.Slug == slug)
            .Select(a => new { a.Id, a.DisplayName, a.Bio }).SingleOrDefaultAsync(ct);
        if (author is null) return NotFound();
        return await Archive(ArchiveKind.Author, author.DisplayName, slug, author.Bio, Published().By(author.Id), page, ct);
    }

    private IQueryable<Core.Newsroom.Article> Published() =>
        db.Articles.AsNoTracking().Published(clock.GetUtcNow().UtcDateTime);

    private async Task<IActionResult> Archive(ArchiveKind kind, string title, string slug, string? description,
        IQueryable<Core.Newsroom.Article> articles, int? page, CancellationToken ct)
    {
        if (page is < 1 or > Page<ArticleCard>.MaxNumber) return NotFound();
        var list = await articles.ToPageAsync(page ?? 1, PageSize, ct);
        // An empty page past the end is an address that does not exist; the first page may be empty.
        if (list.Items.Count == 0 && list.Number > 1) return NotFound();
        return View("Archive", new ArchivePage(kind, title, slug, description, list));
    }
}
