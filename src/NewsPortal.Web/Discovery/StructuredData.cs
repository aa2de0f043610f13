using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using NewsPortal.Core.Time;
using NewsPortal.Web.Infrastructure;
using NewsPortal.Web.Models;

namespace NewsPortal.Web.Discovery;

/// <summary>schema.org descriptions of pages, written into a &lt;script type="application/ld+json"&gt;.</summary>
public static class StructuredData
{
    /// <summary>
    /// Arabic stays readable in the page source, while &lt; &gt; &amp; and quotes are still written as
    /// \u escapes, so no headline can close the script element it sits in.
    /// </summary>
    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(ArabicTextEncoding.Settings()),
    };

    public static string NewsArticle(ArticleMeta article, SiteOptions site, NewsDates dates)
    {
        var url = site.Absolute(article.Path);
        var json = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["mainEntityOfPage"] = new JsonObject { ["@type"] = "WebPage", ["@id"] = url },
            ["url"] = url,
            ["headline"] = article.Headline,
            ["description"] = article.Description,
            ["inLanguage"] = "ar",
            ["datePublished"] = dates.Iso(article.PublishedAt),
            ["dateModified"] = dates.Iso(article.ModifiedAt),
            ["articleSection"] = article.Section.Name,
            ["author"] = new JsonArray(article.Authors.Select(a => (JsonNode)new JsonObject
            {
                ["@type"] = "Person",
                ["name"] = a.Name,
                ["url"] = site.Absolute(SiteUrls.AuthorPath(a.Slug)),
            }).ToArray()),
            ["publisher"] = new JsonObject
            {
                ["@type"] = "Organization",
                ["name"] = site.Name,
                ["url"] = site.Absolute("/"),
            },
        };
        if (article.ImageUrl is not null) json["image"] = new JsonArray(site.Absolute(article.ImageUrl));
        if (article.Tags.Count > 0) json["keywords"] = new JsonArray(article.Tags.Select(t => (JsonNode)JsonValue.Create(t.Name)).ToArray());
        return json.ToJsonString(Json);
    }
}
