using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsPortal.Core.Data;
using NewsPortal.Core.Reading;
using NewsPortal.Web.Discovery;
using NewsPortal.Web.Infrastructure;

namespace NewsPortal.Web.Controllers;

/// <summary>What crawlers read: robots.txt, the sitemap (split into numbered files when large) and the news sitemap.</summary>
public sealed class SitemapsController(NewsDbContext db, TimeProvider clock, IOptions<SiteOptions> site, IOptions<SitemapOptions> sitemap)
    : Controller
{
    [HttpGet("/sitemap.xml")]
    [OutputCache(PolicyName = ReaderCache.Policy)]
    public async Task<IActionResult> Sitemap(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var perFile = sitemap.Value.UrlsPerFile;
        var total = await db.CountSitemapEntriesAsync(now, ct);
        if (total > perFile)
            return new XmlDocumentResult(Sitemaps.Index(site.Value, (total + perFile - 1) / perFile), Sitemaps.MediaType);

        var entries = await db.SitemapEntriesAsync(now, 0, perFile, ct);
        return new XmlDocumentResult(Sitemaps.UrlSet(site.Value, entries), Sitemaps.MediaType);
    }

    [HttpGet("/sitemaps/{number:int}.xml")]
    [OutputCache(PolicyName = ReaderCache.Policy)]
    public async Task<IActionResult> Part(int number, CancellationToken ct)
    {
        if (number < 1) return NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        var perFile = sitemap.Value.UrlsPerFile;
        var entries = await db.SitemapEntriesAsync(now, (int)Math.Min(int.MaxValue, (long)(number - 1) * perFile), perFile, ct);
        if (entries.Count == 0) return NotFound();
        return new XmlDocumentResult(Sitemaps.UrlSet(site.Value, entries), Sitemaps.MediaType);
    }

    [HttpGet("/news-sitemap.xml")]
    [OutputCache(PolicyName = ReaderCache.Policy)]
    public async Task<IActionResult> News(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var items = await db.Articles.AsNoTracking().Published(now).PublishedSince(now - Sitemaps.NewsWindow)
            .Newest().Take(Sitemaps.MaxNewsItems).ToNewsSitemapItems().ToListAsync(ct);
        return new XmlDocumentResult(Sitemaps.NewsUrlSet(site.Value, items), Sitemaps.MediaType);
    }

    [HttpGet("/robots.txt")]
    [OutputCache(PolicyName = ReaderCache.Policy)]
    public IActionResult Robots()
    {
        var robots = new StringBuilder()
            .AppendLine("User-agent: *")
            .AppendLine("Disallow: /admin/")
            // Result pages are endless variations of the articles themselves.
            .AppendLine("Disallow: /search")
            .AppendLine()
            .AppendLine($"Sitemap: {site.Value.Absolute("/sitemap.xml")}")
            .AppendLine($"Sitemap: {site.Value.Absolute("/news-sitemap.xml")}");
        return Content(robots.ToString(), "text/plain; charset=utf-8");
    }
}
