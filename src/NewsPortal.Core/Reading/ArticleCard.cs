namespace NewsPortal.Core.Reading;

/// <summary>What a list shows of an article: enough for a teaser, nothing of the body.</summary>
public sealed record ArticleCard(
    int Id,
    string Headline,
    string Slug,
    string? Dek,
    string Excerpt,
    string? ImageUrl,
    string? ImageAlt,
    string SectionName,
    string SectionSlug,
    DateTime PublishedAt);
