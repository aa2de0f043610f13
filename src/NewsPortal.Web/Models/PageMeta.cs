namespace NewsPortal.Web.Models;

/// <summary>What the layout needs to know about the page it wraps.</summary>
public sealed record PageMeta(string? Title, string? Description = null, string? CanonicalPath = null)
{
    /// <summary>Pages of no use in a search engine (search results) ask not to be indexed.</summary>
    public bool NoIndex { get; init; }

    /// <summary>For an article: what link previews and search engines are told about the story.</summary>
    public ArticleMeta? Article { get; init; }

    /// <summary>A feed of this page's own articles, offered beside the site's feed.</summary>
    public FeedLink? Feed { get; init; }
}

/// <summary>An RSS feed the page announces in its head.</summary>
public sealed record FeedLink(string Title, string Path);
