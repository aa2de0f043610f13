using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace NewsPortal.Web.Infrastructure;

/// <summary>
/// Markup made from one object, kept exactly as long as that object: a kept reader block
/// (<see cref="ReaderBlocks"/>), the site's settings or the day (<see cref="NewsPortal.Core.Time.LocalDay"/>).
/// The section list, the most-read lists, an article's related stories, the layout's stylesheets,
/// search form, footer links and masthead date, and (but for the page's own address) the consent
/// banner and the sign-up box look the same on every page that
/// shows them from the same object in the same language, so each is rendered once per object
/// instead of once per page. The markup hangs on the object itself: a block retired
/// and loaded again is a new object with no markup yet, and the old markup goes with the old object.
/// </summary>
public static class KeptHtml
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<Variant, Markup>> Made = new();

    /// <summary>What the markup depends on besides its object: which markup, the language and where links start.</summary>
    public readonly record struct Variant(string Name, string UiCulture, string Culture, string LinkRoot)
    {
        public static Variant Of(HttpContext context, string name) => new(
            name, CultureInfo.CurrentUICulture.Name, CultureInfo.CurrentCulture.Name, context.Request.PathBase.Value ?? "");
    }

    /// <summary>
    /// Kept markup, whole or around one hole: the single value that differs from page to page (the
    /// page's own address in a form), written where the markup wrote it.
    /// </summary>
    public sealed class Markup(string before, string? after = null)
    {
        private readonly HtmlString _whole = new(before);

        public bool HasHole => after is not null;

        public IHtmlContent With(string? encodedFill) => after is null
            ? _whole
            : new HtmlContentBuilder(3).AppendHtml(before).AppendHtml(encodedFill ?? "").AppendHtml(after);

        /// <summary>
        /// The markup cut where <paramref name="encodedFill"/> was written, or null when it appears
        /// there more than once (or not at all): then this page cannot tell where the hole is.
        /// </summary>
        public static Markup? Around(string html, string encodedFill)
        {
            var at = html.IndexOf(encodedFill, StringComparison.Ordinal);
            if (encodedFill.Length == 0 || at < 0 || html.IndexOf(encodedFill, at + 1, StringComparison.Ordinal) >= 0) return null;
            return new Markup(html[..at], html[(at + encodedFill.Length)..]);
        }
    }

    public static Markup? Find(object source, Variant variant) =>
        Made.TryGetValue(source, out var made) && made.TryGetValue(variant, out var markup) ? markup : null;

    public static Markup Keep(object source, Variant variant, Markup markup)
    {
        Made.GetOrCreateValue(source)[variant] = markup;
        return markup;
    }
}

/// <summary>
/// <c>&lt;kept-html for="@source" name="..."&gt;</c>: its content, made from <c>source</c>, rendered once per
/// source and variant. With <c>fill="@value"</c>, the one value that differs from page to page is cut
/// out of the kept markup and each page's own written in its place. Without a source the content is
/// rendered as usual.
/// </summary>
[HtmlTargetElement("kept-html", Attributes = "name")]
public sealed class KeptHtmlTagHelper(HtmlEncoder encoder) : TagHelper
{
    public object? For { get; set; }

    public string Name { get; set; } = "";

    public string? Fill { get; set; }

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        if (For is null) return;
        var variant = KeptHtml.Variant.Of(ViewContext.HttpContext, Name);
        var fill = Fill is null ? null : encoder.Encode(Fill);
        if (KeptHtml.Find(For, variant) is not { } markup || markup.HasHole != (fill is not null))
        {
            var html = (await output.GetChildContentAsync()).GetContent(encoder);
            var made = fill is null ? new KeptHtml.Markup(html) : KeptHtml.Markup.Around(html, fill);
            if (made is null)
            {
                output.Content.SetHtmlContent(html);
                return;
            }
            markup = KeptHtml.Keep(For, variant, made);
        }
        output.Content.SetHtmlContent(markup.With(fill));
    }
}
