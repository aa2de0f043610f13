using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace NewsPortal.Web.Infrastructure;

/// <summary>
/// Markup made from one object, kept exactly as long as that object: a kept reader block
/// (<see cref="ReaderBlocks"/>) or the site's settings. The section list, the most-read lists, an
/// article's related stories and the layout's stylesheets, search form and footer links look the
/// same on every page that shows them from the same object in the same language, so each is rendered
/// once per object instead of once per page. The markup hangs on the object itself: a block retired
/// and loaded again is a new object with no markup yet, and the old markup goes with the old object.
/// </summary>
public static class KeptHtml
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<Variant, IHtmlContent>> Made = new();

    /// <summary>What the markup depends on besides the block: which markup, the language and where links start.</summary>
    public readonly record struct Variant(string Name, string UiCulture, string Culture, string LinkRoot)
    {
        public static Variant Of(HttpContext context, string name) => new(
            name, CultureInfo.CurrentUICulture.Name, CultureInfo.CurrentCulture.Name, context.Request.PathBase.Value ?? "");
    }

    public static IHtmlContent? Find(object block, Variant variant) =>
        Made.TryGetValue(block, out var made) && made.TryGetValue(variant, out var html) ? html : null;

    public static IHtmlContent Keep(object block, Variant variant, string html)
    {
        var content = new HtmlString(html);
        Made.GetOrCreateValue(block)[variant] = content;
        return content;
    }
}

/// <summary>A view component's view of a kept block, rendered the first time it is asked for in each variant.</summary>
public sealed class KeptViewResult(object block, ViewViewComponentResult view) : IViewComponentResult
{
    public void Execute(ViewComponentContext context) => ExecuteAsync(context).GetAwaiter().GetResult();

    public async Task ExecuteAsync(ViewComponentContext context)
    {
        var variant = KeptHtml.Variant.Of(context.ViewContext.HttpContext, view.ViewName ?? "Default");
        if (KeptHtml.Find(block, variant) is not { } html)
        {
            await using var writer = new StringWriter(CultureInfo.InvariantCulture);
            await view.ExecuteAsync(new ViewComponentContext(
                context.ViewComponentDescriptor, context.Arguments, context.HtmlEncoder, context.ViewContext, writer));
            html = KeptHtml.Keep(block, variant, writer.ToString());
        }
        html.WriteTo(context.Writer, context.HtmlEncoder);
    }
}

/// <summary>
/// <c>&lt;kept-html for="@block" name="..."&gt;</c>: its content, made from <c>block</c>, rendered once per
/// block and variant. Without a block the content is rendered as usual.
/// </summary>
[HtmlTargetElement("kept-html", Attributes = "name")]
public sealed class KeptHtmlTagHelper(HtmlEncoder encoder) : TagHelper
{
    public object? For { get; set; }

    public string Name { get; set; } = "";

    [ViewContext, HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override async Task ProcessAsync(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = null;
        if (For is null) return;
        var variant = KeptHtml.Variant.Of(ViewContext.HttpContext, Name);
        if (KeptHtml.Find(For, variant) is not { } html)
        {
            var content = await output.GetChildContentAsync();
            html = KeptHtml.Keep(For, variant, content.GetContent(encoder));
        }
        output.Content.SetHtmlContent(html);
    }
}
