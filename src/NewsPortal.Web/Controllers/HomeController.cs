using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using NewsPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.Reading;
using NewsPortal.Web.Models;

namespace NewsPortal.Web.Controllers;

public sealed class HomeController(NewsDbContext db, TimeProvider clock) : Controller
{
    private const int LatestCount = 8;
    private const int PerSection = 4;

    [HttpGet("/")]
    [OutputCache(PolicyName = ReaderCache.Policy)]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var published = db.Articles.AsNoTracking().Published(now);

        var front = await published.Newest().Take(LatestCount + 1).ToCards().ToListAsync(ct);
        var lead = front.FirstOrDefault(c => c.ImageUrl is not null) ?? front.FirstOrDefault();
        var latest = front.Where(c => c != lead).Take(LatestCount).ToList();

        // One query for every section's newest articles rather than one per section.
        var visible = ArticleQueries.VisibleAt(now);
        var sections = await db.Sections.AsNoTracking()
            .OrderBy(s => s.Position).ThenBy(s => s.Name)
            .Select(s => new
            {
                s.Name,
                s.Slug,
                Articles = db.Articles.Where(visible).Where(a => a.SectionId == s.Id)
                    .OrderByDescending(a => a.PublishedAt).ThenByDescending(a => a.Id)
                    .Take(PerSection)
                    .Select(a => new { a.Id, a.Headline, a.Slug, a.Dek, a.Excerpt, a.LeadImageUrl, a.LeadImageAlt, a.PublishedAt })
                    .ToList(),
            })
            .ToListAsync(ct);

        // The section is known here; joining it again per article would need SQL that SQLite lacks.
        var blocks = sections.Where(s => s.Articles.Count > 0)
            .Select(s => new SectionBlock(s.Name, s.Slug, s.Articles.Select(a => new ArticleCard(
                a.Id, a.Headline, a.Slug, a.Dek, a.Excerpt, a.LeadImageUrl, a.LeadImageAlt, s.Name, s.Slug, a.PublishedAt!.Value)).ToList()))
            .ToList();
        return View(new HomePage(lead, latest, blocks));
    }
}
