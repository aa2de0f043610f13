using Microsoft.AspNetCore.Mvc;
using NewsPortal.Core.Search;
using NewsPortal.Web.Models;

namespace NewsPortal.Web.Controllers;

public sealed class SearchController(SearchIndex index, TimeProvider clock) : Controller
{
    public const int PageSize = 12;

    [HttpGet("/search")]
    [Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(NewsPortal.Web.Security.RateLimits.Search)]
    public async Task<IActionResult> Index(string? q, int? page, CancellationToken ct)
    {
        var query = SearchQuery.Parse(q);
        if (!query.CanRun) return View(SearchPage.Unanswered(query));
        var results = await index.SearchAsync(query, page ?? 1, PageSize, clock.GetUtcNow().UtcDateTime, ct);
        return View(new SearchPage(query, results));
    }
}
