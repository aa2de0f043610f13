using System.Xml.Linq;
using NewsPortal.Core.Reading;
using NewsPortal.Web.Infrastructure;

namespace NewsPortal.Web.Discovery;

/// <summary>Sitemaps in the sitemaps.org protocol, and the Google News extension for fresh articles.</summary>
public static class Sitemaps
{
    public const string MediaType = "application/xml";

    /// <summary>The protocol's limit of addresses in one file.</summary>
    public const int MaxUrlsPerFile = 50_000;

    /// <summary>Google News reads articles of the last two days, at most a thousand of them.</summary>
    public static readonly TimeSpan NewsWindow = TimeSpan.FromHours(48);
    public const int MaxNewsItems = 1_000;

    private static readonly XNamespace Sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly XNamespace News = "http://www.google.com/schemas/sitemap-news/0.9";

    public static string PartPath(int number) => $"/sitemaps/{number}.xml";

    public static XDocument UrlSet(SiteOptions site, IEnumerable<SitemapEntry> entries) =>
        new(new XDeclaration("1.0", "utf-8", null),
            new XElement(Sm + "urlset",
                entries.Select(e => new XElement(Sm + "url",
                    new XElement(Sm + "loc", site.Absolute(PathOf(e))),
                    e.LastModified is { } modified ? new XElement(Sm + "lastmod", XmlDates.W3C(modified)) : null))));

    public static XDocument Index(SiteOptions site, int parts) =>
        new(new XDeclaration("1.0", "utf-8", null),
            new XElement(Sm + "sitemapindex",
                Enumerable.Range(1, parts).Select(n => new XElement(Sm + "sitemap",
                    new XElement(Sm + "loc", site.Absolute(PartPath(n)))))));

    public static XDocument NewsUrlSet(SiteOptions site, IEnumerable<NewsSitemapItem> items) =>
        new(new XDeclaration("1.0", "utf-8", null),
            new XElement(Sm + "urlset",
                new XAttribute(XNamespace.Xmlns + "news", News),
                items.Select(item => new XElement(Sm + "url",
                    new XElement(Sm + "loc", site.Absolute(SiteUrls.ArticlePath(item.Id, item.Slug))),
                    new XElement(News + "news",
                        new XElement(News + "publication",
                            new XElement(News + "name", site.Name),
                            new XElement(News + "language", "ar")),
                        new XElement(News + "publication_date", XmlDates.W3C(item.PublishedAt)),
                        new XElement(News + "title", item.Headline))))));

    private static string PathOf(SitemapEntry entry) => entry.Kind switch
    {
        SitemapEntryKind.Home => "/",
        SitemapEntryKind.Section => SiteUrls.SectionPath(entry.Slug),
        SitemapEntryKind.Tag => SiteUrls.TagPath(entry.Slug),
        SitemapEntryKind.Author => SiteUrls.AuthorPath(entry.Slug),
        _ => SiteUrls.ArticlePath(entry.Id, entry.Slug),
    };
}
