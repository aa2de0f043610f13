namespace NewsPortal.Web.Models;

/// <summary>The facts about an article that Open Graph, Twitter cards and schema.org NewsArticle describe.</summary>
public sealed record ArticleMeta(
    string Headline,
    string Description,
    string Path,
    string? ImageUrl,
    string? ImageAlt,
    DateTime PublishedAt,
    DateTime ModifiedAt,
    LinkTo Section,
    IReadOnlyList<LinkTo> Authors,
    IReadOnlyList<LinkTo> Tags);
