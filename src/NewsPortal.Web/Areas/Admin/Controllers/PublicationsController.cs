using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NewsPortal.Core.Data;
using NewsPortal.Core.Newsroom;
using NewsPortal.Core.Search;
using NewsPortal.Web.Authorization;

namespace NewsPortal.Web.Areas.Admin.Controllers;

/// <summary>Publishing an article makes it public now; deleting the publication takes it down.</summary>
[Authorize(Policy = NewsroomPolicies.Editors)]
[Route("admin/articles/{id:int}/publication")]
public sealed class PublicationsController(NewsDbContext db, SearchIndex search) : AdminController
{
    [HttpPost("")]
    public async Task<IActionResult> Create(int id, CancellationToken ct)
    {
        var article = await db.Articles.FindAsync([id], ct);
        if (article is null) return NotFound();
        article.Publish(Now);
        db.AuditLog.Add(Audit(AuditActions.Publish, $"article:{id}", article.Headline));
        await db.SaveChangesAsync(ct);
        await search.IndexAsync(article, ct);
        await ReaderPagesChangedAsync();
        Flash("نُشر المقال.");
        return RedirectToAction("Edit", "Articles", new { id });
    }

    [HttpPost("delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken ct)
    {
        var article = await db.Articles.FindAsync([id], ct);
        if (article is null) return NotFound();
        article.Unpublish(Now);
        db.AuditLog.Add(Audit(AuditActions.Unpublish, $"article:{id}", article.Headline));
        await db.SaveChangesAsync(ct);
        await search.IndexAsync(article, ct);
        await ReaderPagesChangedAsync();
        Flash("أُلغي نشر المقال؛ لم يعد ظاهرا للقراء.");
        return RedirectToAction("Edit", "Articles", new { id });
    }
}
