using NewsPortal.Core.Reading;

namespace NewsPortal.Web.Models;

public sealed record ArticlePage(
    int Id,
    string Headline,
    string Slug,
    string? Dek,
    string Excerpt,
    string BodyHtml,
    string? ImageUrl,
    string? ImageAlt,
    string? ImageCaption,
    LinkTo Section,
    IReadOnlyList<LinkTo> Authors,
    IReadOnlyList<LinkTo> Tags,
    DateTime PublishedAt,
    DateTime? RevisedAt,
    IReadOnlyList<ArticleCard> Related) : IPageModel
{
    public string Path => $"/articles/{Id}/{Uri.EscapeDataString(Slug)}";

    /// <summary>Shown to staff before publication: marked as such and kept out of search engines.</summary>
    public bool IsPreview { get; init; }

    public PageMeta Meta => new(Headline, Dek ?? Excerpt, Path)
    {
        NoIndex = IsPreview,
        Article = new ArticleMeta(Headline, Dek ?? Excerpt, Path, ImageUrl, ImageAlt, PublishedAt, RevisedAt ?? PublishedAt,
            Section, Authors, Tags),
    };
}

/// <summary>A named thing readers can follow to its archive.</summary>
public sealed record LinkTo(string Name, string Slug);
