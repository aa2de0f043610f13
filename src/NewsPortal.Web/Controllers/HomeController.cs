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

        // One small query per section, each a walk down the (section, status, time) index: a single
        // windowed query over every section would sort the whole archive. Sections are few and fixed.
        var sections = await db.Sections.AsNoTracking()
            .OrderBy(s => s.Position).ThenBy(s => s.Name)
            .Select(s => new { s.Id, s.Name, s.Slug })
            .ToListAsync(ct);
        var blocks = new List<SectionBlock>(sections.Count);
        foreach (var section in sections)
        {
            var cards = await published.InSection(section.Id).Newest().Take(PerSection).ToCards().ToListAsync(ct);
            if (cards.Count > 0) blocks.Add(new SectionBlock(section.Name, section.Slug, cards));
        }
        return View(new HomePage(lead, latest, blocks));
    }
}
