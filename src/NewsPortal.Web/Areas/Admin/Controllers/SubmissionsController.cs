using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using NewsPortal.Core.Data;
using NewsPortal.Web.Authorization;

namespace NewsPortal.Web.Areas.Admin.Controllers;

/// <summary>A writer hands a draft to the editors.</summary>
[Route("admin/articles/{id:int}/submission")]
public sealed class SubmissionsController(NewsDbContext db, IAuthorizationService authorization) : AdminController
{
    [HttpPost("")]
    public async Task<IActionResult> Create(int id, CancellationToken ct)
    {
        var article = await db.Articles.FindAsync([id], ct);
        if (article is null) return NotFound();
        if (!(await authorization.AuthorizeAsync(User, article, ArticleOperations.Edit)).Succeeded) return Forbid();
        try
        {
            article.SubmitForReview(Now);
            await db.SaveChangesAsync(ct);
            Flash("أُرسل المقال إلى المحررين للمراجعة.");
        }
        catch (InvalidOperationException)
        {
            Flash("لا يمكن إرسال هذا المقال للمراجعة في حالته الحالية.");
        }
        return RedirectToAction("Edit", "Articles", new { id });
    }
}
