namespace NewsPortal.Web.Infrastructure;

/// <summary>Absolute addresses, for everything read away from the site: feeds, sitemaps, link previews.</summary>
public static class SiteUrls
{
    /// <summary>
    /// The address of a site path under <see cref="SiteOptions.BaseUrl"/>; an address that is
    /// already absolute (an image on another host) is returned as it is.
    /// </summary>
    public static string Absolute(this SiteOptions site, string pathOrUrl)
    {
        // A site path (the usual case) needs no parsing, which escapes every Arabic letter of a slug
        // on the way. On Unix "/images/a.png" parses as an absolute file: URI, hence the scheme check.
        if (pathOrUrl.StartsWith('/') && !pathOrUrl.StartsWith("//", StringComparison.Ordinal))
            return site.BaseUrl.TrimEnd('/') + pathOrUrl;
        if (Uri.TryCreate(pathOrUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
            return pathOrUrl;
        return site.BaseUrl.TrimEnd('/') + "/" + pathOrUrl.TrimStart('/');
    }

    public static string ArticlePath(int id, string slug) => $"/articles/{id}/{Uri.EscapeDataString(slug)}";

    public static string SectionPath(string slug) => $"/sections/{Uri.EscapeDataString(slug)}";

    public static string SectionFeedPath(string slug) => $"{SectionPath(slug)}/feed";

    public static string TagPath(string slug) => $"/tags/{Uri.EscapeDataString(slug)}";

    public static string AuthorPath(string slug) => $"/authors/{Uri.EscapeDataString(slug)}";
}
