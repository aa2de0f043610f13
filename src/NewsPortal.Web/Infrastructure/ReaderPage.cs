using Microsoft.AspNetCore.Mvc.Razor;

namespace NewsPortal.Web.Infrastructure;

/// <summary>The base of the reader views (Views/_ViewImports.cshtml).</summary>
public abstract class ReaderPage<TModel> : RazorPage<TModel>
{
    /// <summary>
    /// Where the reader's links start: "/en" on English pages, "" on Arabic ones. Written out rather
    /// than through "~/", which costs a tag helper per link.
    /// </summary>
    protected string Root => Context.Request.PathBase.Value ?? "";
}
