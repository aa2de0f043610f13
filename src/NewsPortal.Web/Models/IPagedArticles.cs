using NewsPortal.Core.Reading;

namespace NewsPortal.Web.Models;

/// <summary>A page model with a paged list of articles: what the shared pager links between.</summary>
public interface IPagedArticles
{
    IPageInfo Articles { get; }

    string PathOfPage(int number);
}
