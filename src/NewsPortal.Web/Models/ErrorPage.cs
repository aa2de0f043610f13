namespace NewsPortal.Web.Models;

public sealed record ErrorPage(int StatusCode, string Title) : IPageModel
{
    public PageMeta Meta => new(Title);
}
