using Ganss.Xss;
using Markdig;

namespace NewsPortal.Core.Text;

/// <summary>
/// Markdown through Markdig, then an allow-list sanitiser: whatever an editor pastes, only
/// text-level markup, headings, lists, quotes, tables, images and http(s)/mailto links survive.
/// </summary>
public sealed class MarkdownArticleRenderer : IArticleRenderer
{
    private static readonly string[] AllowedTags =
    [
        "p", "br", "hr", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "s", "del", "ins", "mark",
        "small", "sub", "sup", "blockquote", "q", "cite", "code", "pre", "ul", "ol", "li", "dl", "dt", "dd",
        "a", "img", "figure", "figcaption", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
        "abbr", "span", "bdi", "bdo",
    ];

    private static readonly string[] AllowedAttributes =
    [
        "href", "title", "src", "alt", "width", "height", "id", "dir", "lang", "colspan", "rowspan", "align",
        "start", "reversed", "cite", "datetime", "data-embed",
    ];

    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .UseAutoLinks()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public string ToSafeHtml(string markdown)
    {
        var html = Markdown.ToHtml(Embeds.MarkPlaceholders(markdown ?? ""), _pipeline);
        return _sanitizer.Sanitize(html);
    }

    public string ToPlainText(string markdown) =>
        TextTools.NormaliseLine(Markdown.ToPlainText(markdown ?? "", _pipeline));

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedTags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(AllowedAttributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src", "cite"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        };
        var sanitizer = new HtmlSanitizer(options);
        // Links written by the newsroom leave the site without handing it the reader's referrer or window.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Html.Dom.IHtmlAnchorElement anchor && anchor.GetAttribute("href") is { } href
                && (href.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || href.StartsWith("https://", StringComparison.OrdinalIgnoreCase)))
            {
                anchor.SetAttribute("rel", "noopener noreferrer nofollow");
            }
            if (e.Node is AngleSharp.Dom.IElement { } element && element.GetAttribute("data-embed") is { } embed
                && !Embeds.IsPlaceholderValue(embed))
            {
                element.RemoveAttribute("data-embed");
            }
            if (e.Node is AngleSharp.Html.Dom.IHtmlImageElement image)
            {
                image.SetAttribute("loading", "lazy");
            }
        };
        return sanitizer;
    }
}
