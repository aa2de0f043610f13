using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.Search;
using NewsPortal.Core.Text;
using NewsPortal.Web.Areas.Admin.Models;
using NewsPortal.Web.Authorization;

namespace NewsPortal.Web.Areas.Admin.Controllers;

/// <summary>Every save of an article, and restoring one of them (which is itself a new save).</summary>
[Route("admin/articles/{id:int}/revisions")]
public sealed class RevisionsController(NewsDbContext db, IArticleRenderer renderer, IAuthorizationService authorization, SearchIndex search) : AdminController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(int id, CancellationToken ct)
    {
        var article = await db.Articles.FindAsync([id], ct);
        if (article is null) return NotFound();
        var canEdit = (await authorization.AuthorizeAsync(User, article, ArticleOperations.Edit)).Succeeded;
        if (!canEdit && article.OwnerId != CurrentUserId) return Forbid();

        var revisions = await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == id)
            .OrderByDescending(r => r.SavedAt).ThenByDescending(r => r.Id)
            .Select(r => new RevisionRow(r.Id, r.SavedAt, r.SavedByName, r.Headline, r.BodyMarkdown.Length))
            .ToListAsync(ct);
        return View(new RevisionsPage(id, article.Headline, revisions, canEdit));
    }

    [HttpPost("{revisionId:int}/restore")]
    public async Task<IActionResult> Restore(int id, int revisionId, CancellationToken ct)
    {
        var article = await db.Articles.FindAsync([id], ct);
        var revision = await db.ArticleRevisions.SingleOrDefaultAsync(r => r.Id == revisionId && r.ArticleId == id, ct);
        if (article is null || revision is null) return NotFound();
        if (!(await authorization.AuthorizeAsync(User, article, ArticleOperations.Edit)).Succeeded) return Forbid();

        article.Restore(revision, renderer, Now);
        db.ArticleRevisions.Add(article.Revise(CurrentUserId, CurrentUserName, Now));
        await db.SaveChangesAsync(ct);
        await search.IndexAsync(article, ct);
        await ReaderPagesChangedAsync();
        Flash("استُعيدت المراجعة المختارة وحُفظت مراجعة جديدة.");
        return RedirectToAction("Edit", "Articles", new { id });
    }
}
