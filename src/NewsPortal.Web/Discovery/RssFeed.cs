using System.Xml.Linq;
using NewsPortal.Core.Reading;
using NewsPortal.Web.Infrastructure;

namespace NewsPortal.Web.Discovery;

/// <summary>RSS 2.0 channels of the newest articles.</summary>
public static class RssFeed
{
    public const string MediaType = "application/rss+xml";

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Media = "http://search.yahoo.com/mrss/";

    /// <param name="title">The channel's title.</param>
    /// <param name="description">What the channel carries.</param>
    /// <param name="pagePath">The page the channel mirrors.</param>
    /// <param name="feedPath">The channel's own address, which feed readers ask for.</param>
    public static XDocument Build(SiteOptions site, string title, string description, string pagePath, string feedPath,
        IReadOnlyList<FeedItem> items, DateTime nowUtc)
    {
        var lastBuild = items.Count == 0 ? nowUtc : items.Max(i => i.RevisedAt ?? i.PublishedAt);
        var channel = new XElement("channel",
            new XElement("title", title),
            new XElement("link", site.Absolute(pagePath)),
            new XElement("description", description),
            new XElement("language", "ar"),
            new XElement("lastBuildDate", XmlDates.Rfc1123(lastBuild)),
            new XElement(Atom + "link",
                new XAttribute("href", site.Absolute(feedPath)),
                new XAttribute("rel", "self"),
                new XAttribute("type", MediaType)),
            items.Select(item => Item(site, item)));

        return new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("rss",
                new XAttribute("version", "2.0"),
                new XAttribute(XNamespace.Xmlns + "atom", Atom),
                new XAttribute(XNamespace.Xmlns + "dc", Dc),
                new XAttribute(XNamespace.Xmlns + "media", Media),
                channel));
    }

    private static XElement Item(SiteOptions site, FeedItem item)
    {
        var url = site.Absolute(SiteUrls.ArticlePath(item.Id, item.Slug));
        return new XElement("item",
            new XElement("title", item.Headline),
            new XElement("link", url),
            new XElement("guid", new XAttribute("isPermaLink", "true"), url),
            new XElement("description", item.Dek ?? item.Excerpt),
            new XElement("category", item.SectionName),
            item.Authors.Select(name => new XElement(Dc + "creator", name)),
            new XElement("pubDate", XmlDates.Rfc1123(item.PublishedAt)),
            item.ImageUrl is null ? null : new XElement(Media + "content",
                new XAttribute("url", site.Absolute(item.ImageUrl)),
                new XAttribute("medium", "image")));
    }
}
