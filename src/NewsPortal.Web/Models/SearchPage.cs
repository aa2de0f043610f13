using NewsPortal.Core.Reading;
using NewsPortal.Core.Search;

namespace NewsPortal.Web.Models;

/// <summary>The search page: the reader's query, and either the results or why there are none.</summary>
public sealed record SearchPage(SearchQuery Query, Page<SearchResult> Results, string Title) : IPageModel, IPagedArticles
{
    public const string Path = "/search";

    public static SearchPage Unanswered(SearchQuery query, string title) => new(query, new Page<SearchResult>([], 1, 1, 0), title);

    public IPageInfo Articles => Results;

    public string PathOfPage(int number) =>
        $"{Path}?q={Uri.EscapeDataString(Query.Text)}" + (number <= 1 ? "" : $"&page={number}");

    public PageMeta Meta => new(Title) { NoIndex = true };
}
