using System.Text.RegularExpressions;
using NewsPortal.BrowserTests.Infrastructure;

namespace NewsPortal.BrowserTests.Reading;

[Collection(ReadersCollection.Name)]
public sealed partial class AReaderSearchesInArabic(PortalFixture portal)
{
    private const string Headline = "مكتبة متنقلة تجوب القرى وتوصل الكتب إلى آلاف الأطفال في المناطق النائية";

    // Typed as people often type: haa for taa marbuta, yaa for alef maqsura, bare alef for hamza and madda.
    [Theory]
    [InlineData("مكتبه متنقله")]
    [InlineData("الاطفال القري")]
    public async Task FindsAnArticleSpelledDifferentlyAndOpensIt(string typed)
    {
        await using var reader = await portal.NewVisitorAsync();
        var page = await reader.NewPageAsync();
        await page.GotoAsync("/");

        var search = page.GetByRole(AriaRole.Search).GetByRole(AriaRole.Searchbox);
        await search.FillAsync(typed);
        await search.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(SearchAddress());
        var result = page.Locator(".search-results").GetByRole(AriaRole.Link, new() { Name = Headline });
        await Expect(result).ToBeVisibleAsync();
        await Expect(page.Locator(".search-results mark").First).ToBeVisibleAsync();

        await result.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(Headline);
    }

    [GeneratedRegex(@"/search\?q=")]
    private static partial Regex SearchAddress();
}
