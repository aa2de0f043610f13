using System.ComponentModel.DataAnnotations;
using NewsPortal.Web.Discovery;

namespace NewsPortal.Web.Infrastructure;

public sealed class SitemapOptions
{
    public const string SectionName = "Sitemap";

    /// <summary>Above this many addresses /sitemap.xml becomes an index of numbered sitemap files.</summary>
    [Range(1, Sitemaps.MaxUrlsPerFile)] public int UrlsPerFile { get; set; } = Sitemaps.MaxUrlsPerFile;
}
