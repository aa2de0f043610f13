namespace NewsPortal.Core.Reading;

/// <summary>What the reader's article page shows of the article itself; the related list comes apart.</summary>
public sealed record ArticlePageRow(
    int Id, string Headline, string Slug, string? Dek, string Excerpt, string BodyHtml,
    string? LeadImageUrl, string? LeadImageAlt, string? LeadImageCaption,
    int SectionId, string SectionName, string SectionSlug,
    List<ArticlePageRow.Credit> Authors, List<ArticlePageRow.TagRow> Tags,
    DateTime? PublishedAt, DateTime UpdatedAt, DateTime? RevisedAt)
{
    /// <summary>An author of the byline, in the byline's order.</summary>
    public sealed record Credit(string Name, string Slug);

    public sealed record TagRow(int Id, string Name, string Slug);
}
