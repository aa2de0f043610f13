using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.Newsroom;
using NewsPortal.Core.Reading;
using NewsPortal.Web.Models;

namespace NewsPortal.Web.Controllers;

public sealed class ArticlesController(NewsDbContext db, TimeProvider clock) : Controller
{
    private const int RelatedCount = 6;

    [HttpGet("/articles/{id:int}/{slug?}")]
    public async Task<IActionResult> Show(int id, string? slug, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var article = await db.Articles.AsNoTracking().Published(now)
            .Where(a => a.Id == id)
            .Select(a => new
            {
                a.Id, a.Headline, a.Slug, a.Dek, a.Excerpt, a.BodyHtml,
                a.LeadImageUrl, a.LeadImageAlt, a.LeadImageCaption,
                a.SectionId, SectionName = a.Section.Name, SectionSlug = a.Section.Slug,
                Authors = a.Authors.OrderBy(au => au.DisplayName).Select(au => new LinkTo(au.DisplayName, au.Slug)).ToList(),
                Tags = a.Tags.OrderBy(t => t.Name).Select(t => new { t.Id, t.Name, t.Slug }).ToList(),
                PublishedAt = a.PublishedAt!.Value,
                a.RevisedAt,
            })
            .AsSplitQuery()
            .SingleOrDefaultAsync(ct);
        if (article is null) return NotFound();

        if (slug != article.Slug)
            return RedirectToActionPermanent(nameof(Show), new { id, slug = article.Slug });

        var tagIds = article.Tags.Select(t => t.Id).ToList();
        var related = await db.Articles.AsNoTracking().Published(now)
            .RelatedTo(article.Id, article.SectionId, tagIds)
            .Take(RelatedCount).ToCards().ToListAsync(ct);

        var revised = Article.IsNoticeableRevision(article.PublishedAt, article.RevisedAt) ? article.RevisedAt : null;
        return View(new ArticlePage(
            article.Id, article.Headline, article.Slug, article.Dek, article.Excerpt, article.BodyHtml,
            article.LeadImageUrl, article.LeadImageAlt, article.LeadImageCaption,
            new LinkTo(article.SectionName, article.SectionSlug),
            article.Authors,
            article.Tags.Select(t => new LinkTo(t.Name, t.Slug)).ToList(),
            article.PublishedAt, revised, related));
    }
}
