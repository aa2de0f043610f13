using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using NewsPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.Reading;
using NewsPortal.Web.Models;

namespace NewsPortal.Web.Controllers;

public sealed class HomeController(NewsDbContext db, TimeProvider clock, ReaderBlocks blocks) : Controller
{
    private const int LatestCount = 8;
    private const int PerSection = 4;

    [HttpGet("/")]
    [OutputCache(PolicyName = ReaderCache.Policy)]
    [OpensItsOwnConnection]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        // The front page's stories are the same for every reader and change when articles do, which
        // empties the blocks (a scheduled article's publication included); the minute bounds the rest.
        var page = await blocks.GetAsync(nameof(HomePage), () => LoadAsync(ct));
        return View(page);
    }

    private async Task<HomePage> LoadAsync(CancellationToken ct)
    {
        // A query per section follows: one connection for all of them, closed with the request's scope.
        await db.Database.OpenConnectionAsync(ct);
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
        var sectionBlocks = new List<SectionBlock>(sections.Count);
        foreach (var section in sections)
        {
            var cards = await published.InSection(section.Id).Newest().Take(PerSection).ToCards().ToListAsync(ct);
            if (cards.Count > 0) sectionBlocks.Add(new SectionBlock(section.Name, section.Slug, cards));
        }
        return new HomePage(lead, latest, sectionBlocks);
    }
}
