using NewsPortal.BrowserTests.Infrastructure;

namespace NewsPortal.BrowserTests.Reading;

[Collection(ReadersCollection.Name)]
public sealed class AReaderDecidesAboutCookies(PortalFixture portal)
{
    [Fact]
    public async Task AcceptsAndIsNotAskedAgainOnOtherPages()
    {
        await using var reader = await portal.NewVisitorAsync();
        var page = await reader.NewPageAsync();
        await page.GotoAsync("/");
        Assert.Empty(await reader.CookiesAsync());

        await Banner(page).GetByRole(AriaRole.Button, new() { Name = "قبول" }).ClickAsync();

        await Expect(Banner(page)).ToHaveCountAsync(0);
        await Expect(page).ToHaveURLAsync(new Uri(portal.BaseUrl, "/").ToString());
        Assert.Equal(["np-consent"], (await reader.CookiesAsync()).Select(c => c.Name));
        await IsNotAskedAgainAsync(page);
        await Expect(page.Locator(".consent-state")).ToHaveTextAsync("لقد قبلت ملفات تعريف الارتباط غير الضرورية.");
    }

    [Fact]
    public async Task RejectsAsEasilyAndIsNotAskedAgainOnOtherPages()
    {
        await using var reader = await portal.NewVisitorAsync();
        var page = await reader.NewPageAsync();
        await page.GotoAsync("/sections/culture");

        await Banner(page).GetByRole(AriaRole.Button, new() { Name = "رفض" }).ClickAsync();

        await Expect(Banner(page)).ToHaveCountAsync(0);
        await Expect(page).ToHaveURLAsync(new Uri(portal.BaseUrl, "/sections/culture").ToString());
        Assert.Equal(["np-consent"], (await reader.CookiesAsync()).Select(c => c.Name));
        await IsNotAskedAgainAsync(page);
        await Expect(page.Locator(".consent-state")).ToHaveTextAsync("لقد رفضت ملفات تعريف الارتباط غير الضرورية.");
    }

    [Fact]
    public async Task CanReadMoreBeforeChoosing()
    {
        await using var reader = await portal.NewVisitorAsync();
        var page = await reader.NewPageAsync();
        await page.GotoAsync("/");

        await Banner(page).GetByRole(AriaRole.Link, new() { Name = "اقرأ المزيد" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("الخصوصية وملفات تعريف الارتباط");
        await Expect(Banner(page)).ToBeVisibleAsync();
        Assert.Empty(await reader.CookiesAsync());
    }

    private static ILocator Banner(IPage page) => page.GetByRole(AriaRole.Region, new() { Name = "ملفات تعريف الارتباط", Exact = true });

    /// <summary>Goes on to an article and then the privacy page; the banner stays away on both.</summary>
    private static async Task IsNotAskedAgainAsync(IPage page)
    {
        await page.GotoAsync("/");
        await page.Locator(".lead-story").GetByRole(AriaRole.Heading).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await Expect(Banner(page)).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Contentinfo).GetByRole(AriaRole.Link, new() { Name = "الخصوصية", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("الخصوصية وملفات تعريف الارتباط");
        await Expect(Banner(page)).ToHaveCountAsync(0);
    }
}
