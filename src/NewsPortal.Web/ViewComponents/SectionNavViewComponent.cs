using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Web.Models;

namespace NewsPortal.Web.ViewComponents;

/// <summary>The sections in their editorial order, for the header and footer navigation.</summary>
public sealed class SectionNavViewComponent(NewsDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string view = "Default")
    {
        // The header and the footer both list the sections: one query serves the page.
        if (HttpContext.Items[typeof(SectionNavViewComponent)] is not List<LinkTo> sections)
        {
            sections = await db.Sections.AsNoTracking()
                .OrderBy(s => s.Position).ThenBy(s => s.Name)
                .Select(s => new LinkTo(s.Name, s.Slug))
                .ToListAsync(HttpContext.RequestAborted);
            HttpContext.Items[typeof(SectionNavViewComponent)] = sections;
        }
        return View(view, sections);
    }
}
