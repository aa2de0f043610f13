using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NewsPortal.Core.Data;
using NewsPortal.Core.Newsroom;
using NewsPortal.Core.Search;
using NewsPortal.Web.Authorization;

namespace NewsPortal.Web.Areas.Admin.Controllers;

[Authorize(Policy = NewsroomPolicies.Editors)]
[Route("admin/articles/{id:int}/deletion")]
public sealed class ArticleDeletionsController(NewsDbContext db, SearchIndex search) : AdminController
{
    [HttpPost("")]
    public async Task<IActionResult> Create(int id, CancellationToken ct)
    {
        var article = await db.Articles.FindAsync([id], ct);
        if (article is null) return NotFound();
        db.Articles.Remove(article);
        db.AuditLog.Add(Audit(AuditActions.Delete, $"article:{id}", article.Headline));
        await db.SaveChangesAsync(ct);
        await search.RemoveAsync(id, ct);
        await ReaderPagesChangedAsync();
        Flash("حُذف المقال نهائيا.");
        return RedirectToAction("Index", "Articles");
    }
}
