using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using NewsPortal.Core.Search;
using NewsPortal.Web.Localization;
using NewsPortal.Web.Models;
using NewsPortal.Web.Security;

namespace NewsPortal.Web.Controllers;

public sealed class SearchController(SearchIndex index, TimeProvider clock, IStringLocalizer<ReaderText> text) : Controller
{
    public const int PageSize = 12;

    [HttpGet("/search")]
    [EnableRateLimiting(RateLimits.Search)]
    public async Task<IActionResult> Index(string? q, int? page, CancellationToken ct)
    {
        var query = SearchQuery.Parse(q);
        var title = query.Text.Length == 0 ? text["البحث"] : text["نتائج البحث عن: {0}", query.Text];
        if (!query.CanRun) return View(SearchPage.Unanswered(query, title));
        var results = await index.SearchAsync(query, page ?? 1, PageSize, clock.GetUtcNow().UtcDateTime, ct);
        return View(new SearchPage(query, results, title));
    }
}
