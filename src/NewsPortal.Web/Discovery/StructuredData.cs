using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
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
    private static readonly JsonWriterOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(ArabicTextEncoding.Settings()),
    };

    public static string NewsArticle(ArticleMeta article, SiteOptions site, NewsDates dates)
    {
        // Written straight out: every uncached article page asks for it, and a tree of JSON nodes
        // built only to be serialised made a few dozen objects per page.
        var url = site.Absolute(article.Path);
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var json = new Utf8JsonWriter(buffer, Json))
        {
            json.WriteStartObject();
            json.WriteString("@context", "https://schema.org");
            json.WriteString("@type", "NewsArticle");
            json.WriteStartObject("mainEntityOfPage");
            json.WriteString("@type", "WebPage");
            json.WriteString("@id", url);
            json.WriteEndObject();
            json.WriteString("url", url);
            json.WriteString("headline", article.Headline);
            json.WriteString("description", article.Description);
            json.WriteString("inLanguage", "ar");
            json.WriteString("datePublished", dates.Iso(article.PublishedAt));
            json.WriteString("dateModified", dates.Iso(article.ModifiedAt));
            json.WriteString("articleSection", article.Section.Name);
            json.WriteStartArray("author");
            foreach (var author in article.Authors)
            {
                json.WriteStartObject();
                json.WriteString("@type", "Person");
                json.WriteString("name", author.Name);
                json.WriteString("url", site.Absolute(SiteUrls.AuthorPath(author.Slug)));
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartObject("publisher");
            json.WriteString("@type", "Organization");
            json.WriteString("name", site.Name);
            json.WriteString("url", site.Absolute("/"));
            json.WriteEndObject();
            if (article.ImageUrl is not null)
            {
                json.WriteStartArray("image");
                json.WriteStringValue(site.Absolute(article.ImageUrl));
                json.WriteEndArray();
            }
            if (article.Tags.Count > 0)
            {
                json.WriteStartArray("keywords");
                foreach (var tag in article.Tags) json.WriteStringValue(tag.Name);
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
