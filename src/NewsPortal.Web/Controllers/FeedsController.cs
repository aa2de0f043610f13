using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsPortal.Core.Data;
using NewsPortal.Core.Reading;
using NewsPortal.Web.Discovery;
using NewsPortal.Web.Infrastructure;

namespace NewsPortal.Web.Controllers;

/// <summary>RSS 2.0: the whole site's newest articles, and each section's.</summary>
public sealed class FeedsController(NewsDbContext db, TimeProvider clock, IOptions<SiteOptions> site) : Controller
{
    public const int ItemCount = 30;

    [HttpGet("/feed")]
    [OutputCache(PolicyName = ReaderCache.Policy)]
    public async Task<IActionResult> Site(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var items = await db.Articles.AsNoTracking().Published(now).Newest().Take(ItemCount).ToFeedItems().ToListAsync(ct);
        var options = site.Value;
        return new XmlDocumentResult(
            RssFeed.Build(options, options.Name, $"آخر الأخبار من {options.Name}", "/", "/feed", items, now),
            RssFeed.MediaType);
    }

    [HttpGet("/sections/{slug}/feed")]
    [OutputCache(PolicyName = ReaderCache.Policy)]
    public async Task<IActionResult> Section(string slug, CancellationToken ct)
    {
        var section = await db.Sections.AsNoTracking().Where(s => s.Slug == slug)
            .Select(s => new { s.Id, s.Name, s.Description }).SingleOrDefaultAsync(ct);
        if (section is null) return NotFound();

        var now = clock.GetUtcNow().UtcDateTime;
        var items = await db.Articles.AsNoTracking().Published(now).InSection(section.Id).Newest().Take(ItemCount)
            .ToFeedItems().ToListAsync(ct);
        var options = site.Value;
        return new XmlDocumentResult(
            RssFeed.Build(options, $"{section.Name} | {options.Name}", section.Description ?? $"آخر أخبار {section.Name}",
                SiteUrls.SectionPath(slug), SiteUrls.SectionFeedPath(slug), items, now),
            RssFeed.MediaType);
    }
}
