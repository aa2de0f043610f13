using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Web.Infrastructure;
using NewsPortal.Web.Models;

namespace NewsPortal.Web.ViewComponents;

/// <summary>The sections in their editorial order, for the header and footer navigation.</summary>
public sealed class SectionNavViewComponent(NewsDbContext db, ReaderBlocks blocks) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string view = "Default")
    {
        // The header and the footer both list the sections: one lookup serves the page. Section changes
        // empty the blocks, so the list is asked of the database about once a minute, not per page.
        if (HttpContext.Items[typeof(SectionNavViewComponent)] is not List<LinkTo> sections)
        {
            var ct = HttpContext.RequestAborted;
            sections = await blocks.GetAsync("sections", () => db.Sections.AsNoTracking()
                .OrderBy(s => s.Position).ThenBy(s => s.Name)
                .Select(s => new LinkTo(s.Name, s.Slug))
                .ToListAsync(ct));
            HttpContext.Items[typeof(SectionNavViewComponent)] = sections;
        }
        return new KeptViewResult(sections, View(view, sections));
    }
}
