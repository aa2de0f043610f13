using NewsPortal.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace NewsPortal.BrowserTests.Reading;

/// <summary>Screenshots for a person to look at, plus the checks a screenshot cannot make on its own.</summary>
[Collection(ReadersCollection.Name)]
public sealed class HomeAndArticleLookRightOnPhoneAndDesktop(PortalFixture portal, ITestOutputHelper output)
{
    public static TheoryData<string, int, int> Screens => new()
    {
        { "phone", PortalFixture.Phone.Width, PortalFixture.Phone.Height },
        { "desktop", PortalFixture.Desktop.Width, PortalFixture.Desktop.Height },
    };

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task ReadsRightToLeftInArabicTypeWithoutSidewaysScrolling(string screen, int width, int height)
    {
        await using var reader = await portal.NewVisitorAsync(new ViewportSize { Width = width, Height = height });
        var page = await reader.NewPageAsync();

        await page.GotoAsync("/");
        await ReadsWellAsync(page);
        await SaveAsync(page, $"home-{screen}");

        await page.Locator(".lead-story").GetByRole(AriaRole.Heading).GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        await ReadsWellAsync(page);
        await SaveAsync(page, $"article-{screen}");
    }

    private static async Task ReadsWellAsync(IPage page)
    {
        await page.EvaluateAsync("document.fonts.ready");
        Assert.Equal("rtl", await page.EvaluateAsync<string>("getComputedStyle(document.body).direction"));
        // The first family the stylesheet asks for is the site's own Arabic font, not a fallback of the machine's.
        var bodyFont = await page.EvaluateAsync<string>("getComputedStyle(document.body).fontFamily.split(',')[0].trim().replace(/[\"']/g, '')");
        Assert.True(await page.EvaluateAsync<bool>(
            "font => [...document.fonts].some(face => face.family.replace(/[\"']/g, '') === font && face.status === 'loaded')", bodyFont),
            $"The Arabic body font {bodyFont} did not load.");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"),
            "The page scrolls sideways.");
    }

    /// <summary>What fits on the screen first, and the whole page.</summary>
    private async Task SaveAsync(IPage page, string name)
    {
        var screen = Path.Combine(Locations.Screenshots, $"{name}.png");
        await page.ScreenshotAsync(new() { Path = screen });
        var whole = Path.Combine(Locations.Screenshots, $"{name}-full.png");
        await page.ScreenshotAsync(new() { Path = whole, FullPage = true });
        output.WriteLine($"Screenshots: {screen}, {whole}");
    }
}
