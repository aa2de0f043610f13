using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using NewsPortal.Web.Infrastructure;
using NewsPortal.Core.Data;
using NewsPortal.Core.Reading;
using NewsPortal.Web.Engagement;
using NewsPortal.Web.Models;

namespace NewsPortal.Web.Controllers;

public sealed class ArticlesController(NewsDbContext db, TimeProvider clock, ReaderBlocks blocks, SqliteArticleReads? prepared = null) : Controller
{
    [HttpGet("/articles/{id:int}/{slug?}")]
    [OutputCache(PolicyName = ReaderCache.Policy)]
    [HttpHead("/articles/{id:int}/{slug?}")]
    [CountsArticleReads]
    [OpensItsOwnConnection]
    public async Task<IActionResult> Show(int id, string? slug, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var article = await ArticlePageQuery.LoadPublishedAsync(db, prepared, id, now, blocks, ct);
        if (article is null) return NotFound();

        if (slug != article.Slug)
            return RedirectToActionPermanent(nameof(Show), new { id, slug = article.Slug });

        return View(article);
    }
}
