using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.Newsroom;
using NewsPortal.Web.Areas.Admin.Models;
using NewsPortal.Web.Authorization;

namespace NewsPortal.Web.Areas.Admin.Controllers;

[Route("admin")]
public sealed class DashboardController(NewsDbContext db) : AdminController
{
    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var ownOnly = !(User.IsInRole(NewsroomRoles.Admin) || User.IsInRole(NewsroomRoles.Editor));
        IQueryable<Article> articles = db.Articles.AsNoTracking();
        if (ownOnly) articles = articles.Where(a => a.OwnerId == CurrentUserId);

        var counts = await articles.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        int Count(ArticleStatus s) => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0;
        var recent = await articles.OrderByDescending(a => a.UpdatedAt).Take(10)
            .Select(a => new ArticleRow(a.Id, a.Headline, a.Status, a.Section.Name, a.UpdatedAt, a.PublishedAt,
                string.Join("، ", a.Authors.Select(au => au.DisplayName))))
            .ToListAsync(ct);
        return View(new DashboardPage(Count(ArticleStatus.Draft), Count(ArticleStatus.InReview), Count(ArticleStatus.Scheduled),
            Count(ArticleStatus.Published), recent, ownOnly));
    }
}
