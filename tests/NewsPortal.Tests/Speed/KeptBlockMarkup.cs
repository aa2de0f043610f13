using System.Globalization;
using System.Text.Encodings.Web;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Tests.Infrastructure;
using NewsPortal.Web.Infrastructure;

namespace NewsPortal.Tests.Speed;

/// <summary>The markup of a kept block is made once for each block object and variant, never shared beyond them.</summary>
public class KeptBlockMarkup
{
    private sealed record Sections(string First, string Second);

    private int _renders;

    private async Task<string> RenderAsync(object block, string name = "nav", string language = "ar", string pathBase = "",
        string? fill = null, Func<string, string>? markup = null)
    {
        var previous = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            var context = new DefaultHttpContext();
            context.Request.PathBase = pathBase;
            var helper = new KeptHtmlTagHelper(HtmlEncoder.Default)
            {
                For = block,
                Name = name,
                Fill = fill,
                ViewContext = new ViewContext { HttpContext = context },
            };
            var output = new TagHelperOutput("kept-html", [], (_, _) =>
            {
                _renders++;
                var html = markup is null ? $"<ul>{_renders} {block}</ul>" : markup(HtmlEncoder.Default.Encode(fill ?? ""));
                return Task.FromResult<TagHelperContent>(new DefaultTagHelperContent().SetHtmlContent(html));
            });
            await helper.ProcessAsync(new TagHelperContext([], new Dictionary<object, object>(), "kept"), output);
            Assert.Null(output.TagName);
            return output.Content.GetContent();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = previous;
        }
    }

    [Fact]
    public async Task TheSameBlockInTheSameVariantIsRenderedOnce()
    {
        var block = new Sections("اقتصاد", "رياضة");

        var first = await RenderAsync(block);
        var second = await RenderAsync(block);

        Assert.Equal(1, _renders);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task EachLanguageMarkupAndLinkRootGetsItsOwnRendering()
    {
        var block = new Sections("اقتصاد", "رياضة");

        await RenderAsync(block);
        await RenderAsync(block, language: "en");
        await RenderAsync(block, pathBase: "/en");
        await RenderAsync(block, name: "footer");
        await RenderAsync(block, language: "en", pathBase: "/en");
        Assert.Equal(5, _renders);

        await RenderAsync(block, language: "en", pathBase: "/en");
        await RenderAsync(block);
        Assert.Equal(5, _renders);
    }

    [Fact]
    public async Task ABlockLoadedAgainIsRenderedAgainEvenWhenItsContentIsEqual()
    {
        // A block loaded again after a change or its minute is a new object; equal content is no reason to keep old markup.
        await RenderAsync(new Sections("اقتصاد", "رياضة"));
        var again = await RenderAsync(new Sections("اقتصاد", "رياضة"));

        Assert.Equal(2, _renders);
        Assert.StartsWith("<ul>2 ", again);
    }

    private static string Form(string encodedAddress) =>
        $"<form action=\"/consent\"><input type=\"hidden\" name=\"returnUrl\" value=\"{encodedAddress}\"><a href=\"/privacy\">اقرأ</a></form>";

    [Fact]
    public async Task EachPagesOwnAddressIsWrittenIntoMarkupRenderedOnce()
    {
        var site = new object();

        var first = await RenderAsync(site, "banner", fill: "/articles/7/خبر?a=1&b=2", markup: Form);
        var second = await RenderAsync(site, "banner", fill: "/sections/economy", markup: Form);

        Assert.Equal(1, _renders);
        Assert.Equal(Form(HtmlEncoder.Default.Encode("/articles/7/خبر?a=1&b=2")), first);
        Assert.Equal(Form("/sections/economy"), second);
    }

    [Fact]
    public async Task MarkupInWhichThePagesAddressAlsoAppearsElsewhereIsNotKeptFromThatPage()
    {
        var site = new object();

        // "/privacy" is also the link's address: this page cannot tell where its own goes.
        Assert.Equal(Form("/privacy"), await RenderAsync(site, "banner", fill: "/privacy", markup: Form));
        Assert.Equal(Form("/privacy"), await RenderAsync(site, "banner", fill: "/privacy", markup: Form));
        Assert.Equal(2, _renders);

        await RenderAsync(site, "banner", fill: "/tags/x", markup: Form);
        Assert.Equal(Form("/"), await RenderAsync(site, "banner", fill: "/", markup: Form));
        Assert.Equal(Form("/privacy"), await RenderAsync(site, "banner", fill: "/privacy", markup: Form));
        Assert.Equal(3, _renders);
    }

    [Fact]
    public async Task WithoutABlockTheContentIsLeftAsItIs()
    {
        var helper = new KeptHtmlTagHelper(HtmlEncoder.Default) { Name = "nav", ViewContext = new ViewContext { HttpContext = new DefaultHttpContext() } };
        var output = new TagHelperOutput("kept-html", [], (_, _) => throw new InvalidOperationException("asked for content"));

        await helper.ProcessAsync(new TagHelperContext([], new Dictionary<object, object>(), "kept"), output);

        Assert.False(output.IsContentModified);
        Assert.Null(output.TagName);
    }
}

/// <summary>Reader pages built from kept markup, through the portal (each request on its own address, so the output cache cannot answer).</summary>
public class KeptMarkupOnReaderPages(PortalFactory portal) : IClassFixture<PortalFactory>
{
    private readonly HttpClient _reader = portal.CreateReader();

    /// <summary>What an editor's change announces; the newsroom helper writes to the database directly.</summary>
    private ValueTask ChangedAsync() => portal.Services.GetRequiredService<ReaderPages>().ChangedAsync();

    private static string[] LinksOf(IElement? element) =>
        element?.QuerySelectorAll("a").Select(a => $"{a.Text()} {a.GetAttribute("href")}").ToArray() ?? [];

    [Fact]
    public async Task ArabicAndEnglishPagesInTurnEachShowTheirOwnNavigationListsAndCards()
    {
        var newsroom = new Infrastructure.Newsroom(portal);
        var section = await newsroom.SectionAsync("قسم اللغتين", "kept-languages");
        var tags = await newsroom.TagsAsync("وسم اللغتين");
        var story = await newsroom.PublishedAsync("خبر بلغتين", section, 1, tags: tags);
        await newsroom.PublishedAsync("خبر ذو صلة بلغتين", section, 2, tags: tags);
        var path = $"/articles/{story.Id}/{Uri.EscapeDataString(story.Slug)}";
        await ChangedAsync();

        for (var round = 1; round <= 2; round++)
        {
            foreach (var english in new[] { false, true })
            {
                var root = english ? "/en" : "";
                var page = await _reader.GetDocumentAsync($"{root}{path}?kept-language={round}");
                var header = LinksOf(page.QuerySelector(".section-nav"));
                Assert.Contains(english ? "Home /en/" : "الرئيسية /", header);
                Assert.Contains($"قسم اللغتين {root}/sections/kept-languages", header);
                Assert.Contains($"قسم اللغتين {root}/sections/kept-languages", LinksOf(page.QuerySelector(".site-footer nav")));
                var related = page.QuerySelector(".related");
                Assert.NotNull(related);
                Assert.Equal(english ? "You may also like" : "قد يعجبك أيضا", related.QuerySelector("h2").Text());
                Assert.All(related.QuerySelectorAll(".card-story-title a"), a => Assert.StartsWith($"{root}/articles/", a.GetAttribute("href")));
                Assert.Contains(english ? "March" : "مارس", related.QuerySelector("time").Text());

                // Kept around a hole: each page's own address in the consent banner and the sign-up box.
                Assert.Equal($"{root}/articles/{story.Id}/{Uri.EscapeDataString(story.Slug)}?kept-language={round}",
                    page.QuerySelector(".consent-banner input[name=returnUrl]")?.GetAttribute("value"));
                Assert.Equal(path, page.QuerySelector(".newsletter-box input[name=source]")?.GetAttribute("value"));

                // The layout's kept pieces: each language's stylesheet, search form and footer links.
                var stylesheets = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")).ToArray();
                Assert.Contains(stylesheets, href => href!.Contains(english ? "/bootstrap.min." : "/bootstrap.rtl.min."));
                Assert.Equal($"{root}/search", page.QuerySelector("form.site-search")?.GetAttribute("action"));
                Assert.Equal(english ? "Search" : "بحث", page.QuerySelector("form.site-search button").Text());
                Assert.Contains(english ? $"Privacy {root}/privacy" : "الخصوصية /privacy", LinksOf(page.QuerySelector(".footer-meta")));

                var home = await _reader.GetDocumentAsync($"{root}/?kept-language={round}");
                Assert.All(home.QuerySelectorAll(".front a[href*='/articles/'], .section-block a[href*='/articles/']"),
                    a => Assert.StartsWith($"{root}/articles/", a.GetAttribute("href")));
                Assert.Contains($"قسم اللغتين {root}/sections/kept-languages", LinksOf(home.QuerySelector(".section-nav")));
            }
        }
    }

    /// <summary>Each reader page names its layout itself (there is no _ViewStart): every kind must have it.</summary>
    [Fact]
    public async Task EveryKindOfReaderPageIsInTheSitesLayout()
    {
        var newsroom = new Infrastructure.Newsroom(portal);
        var section = await newsroom.SectionAsync("قسم الصفحات", "kept-layout");
        var story = await newsroom.PublishedAsync("خبر الصفحات", section, 1);
        await ChangedAsync();
        string[] paths =
        [
            "/", $"/articles/{story.Id}/{Uri.EscapeDataString(story.Slug)}", "/sections/kept-layout", "/search?q=خبر",
            "/privacy", "/newsletter/subscribed", "/articles/999999", "/error", "/en/articles/999999",
        ];
        foreach (var path in paths)
        {
            var page = await Html.ParseAsync(await _reader.GetAsync(path));
            Assert.True(page.QuerySelector("header.site-header .section-nav a") is not null, $"{path}: no header");
            Assert.True(page.QuerySelector("footer.site-footer .copyright") is not null, $"{path}: no footer");
            Assert.Single(page.QuerySelectorAll("main#main"));
        }
    }

    [Fact]
    public async Task TheMastheadDateTurnsOverAtTheSitesMidnight()
    {
        var dates = portal.Services.GetRequiredService<NewsPortal.Core.Time.NewsDates>();
        var local = dates.ToLocal(portal.Clock.GetUtcNow().UtcDateTime);
        var day = local.Date;
        // A minute before midnight in the site's time zone, then a minute after it.
        portal.Clock.Advance(day.AddDays(1) - local - TimeSpan.FromMinutes(1));
        var before = await _reader.GetDocumentAsync("/?kept-day=1");
        portal.Clock.Advance(TimeSpan.FromMinutes(2));
        var after = await _reader.GetDocumentAsync("/?kept-day=2");

        Assert.Equal(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), before.QuerySelector(".today time")?.GetAttribute("datetime"));
        Assert.Equal(day.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), after.QuerySelector(".today time")?.GetAttribute("datetime"));
        Assert.NotEqual(before.QuerySelector(".today time")!.Text(), after.QuerySelector(".today time")!.Text());
        Assert.NotEqual(before.QuerySelector(".today .hijri")!.Text(), after.QuerySelector(".today .hijri")!.Text());
    }

    [Fact]
    public async Task ARenamedSectionShowsInBothNavigationsAndOnTheFrontPageAtOnce()
    {
        var newsroom = new Infrastructure.Newsroom(portal);
        var section = await newsroom.SectionAsync("قسم قبل التغيير", "kept-rename");
        await newsroom.PublishedAsync("خبر في القسم", section, 1);
        await ChangedAsync();
        var before = await _reader.GetDocumentAsync("/?kept-rename=1");
        Assert.Contains("قسم قبل التغيير /sections/kept-rename", LinksOf(before.QuerySelector(".section-nav")));

        await newsroom.WithDbAsync(async db =>
        {
            (await db.Sections.FindAsync(section.Id))!.Rename("قسم بعد التغيير", "kept-renamed");
            return await db.SaveChangesAsync();
        });
        await ChangedAsync();

        var after = await _reader.GetDocumentAsync("/?kept-rename=2");
        Assert.Contains("قسم بعد التغيير /sections/kept-renamed", LinksOf(after.QuerySelector(".section-nav")));
        Assert.Contains("قسم بعد التغيير /sections/kept-renamed", LinksOf(after.QuerySelector(".site-footer nav")));
        Assert.Contains(after.QuerySelectorAll(".section-block h2"), h => h.Text() == "قسم بعد التغيير");
        Assert.DoesNotContain("قسم قبل التغيير", after.Body!.TextContent);
    }
}
