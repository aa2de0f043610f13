using NewsPortal.Core.Reading;

namespace NewsPortal.Web.Models;

public enum ArchiveKind { Section, Tag, Author }

public sealed record ArchivePage(ArchiveKind Kind, string Title, string Slug, string? Description, Page<ArticleCard> Articles) : IPageModel, IPagedArticles
{
    public string Path => Kind switch
    {
        ArchiveKind.Section => "/sections/",
        ArchiveKind.Tag => "/tags/",
        _ => "/authors/",
    } + Uri.EscapeDataString(Slug);

    public string PathOfPage(int number) => number <= 1 ? Path : $"{Path}?page={number}";

    IPageInfo IPagedArticles.Articles => Articles;

    public PageMeta Meta => new(Title, Description, PathOfPage(Articles.Number))
    {
        Feed = Kind == ArchiveKind.Section ? new FeedLink(Title, $"{Path}/feed") : null,
    };
}
