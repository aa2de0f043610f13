using System.Text.RegularExpressions;
using NewsPortal.BrowserTests.Infrastructure;

namespace NewsPortal.BrowserTests.Reading;

[Collection(ReadersCollection.Name)]
public sealed partial class AReaderFollowsTheNews(PortalFixture portal)
{
    [Fact]
    public async Task OpensTheHomePageReadsTheLeadStoryAndFollowsARelatedArticle()
    {
        await using var reader = await portal.NewVisitorAsync();
        var page = await reader.NewPageAsync();

        await page.GotoAsync("/");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("dir", "rtl");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "ar");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "نيوز بورتال" })).ToBeVisibleAsync();

        var lead = page.Locator(".lead-story").GetByRole(AriaRole.Heading).GetByRole(AriaRole.Link);
        var leadHeadline = (await lead.InnerTextAsync()).Trim();
        await lead.ClickAsync();
        await Expect(page).ToHaveURLAsync(ArticleAddress());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(leadHeadline);
        await Expect(page.Locator(".story-body p").First).ToBeVisibleAsync();

        var related = page.GetByRole(AriaRole.Region, new() { Name = "قد يعجبك أيضا" });
        var next = related.GetByRole(AriaRole.Heading, new() { Level = 3 }).First.GetByRole(AriaRole.Link);
        var nextHeadline = (await next.InnerTextAsync()).Trim();
        Assert.NotEqual(leadHeadline, nextHeadline);
        await next.ClickAsync();
        await Expect(page).ToHaveURLAsync(ArticleAddress());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(nextHeadline);
    }

    [GeneratedRegex(@"/articles/\d+/[^/]+$")]
    private static partial Regex ArticleAddress();
}
