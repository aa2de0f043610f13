using NewsPortal.Core.Reading;

namespace NewsPortal.Web.Models;

public sealed record HomePage(ArticleCard? Lead, IReadOnlyList<ArticleCard> Latest, IReadOnlyList<SectionBlock> Sections) : IPageModel
{
    public static readonly NewsletterBox SignUpBox = new("/");

    public PageMeta Meta { get; } = new(Title: null, CanonicalPath: "/");
}

public sealed record SectionBlock(string Name, string Slug, IReadOnlyList<ArticleCard> Articles);
