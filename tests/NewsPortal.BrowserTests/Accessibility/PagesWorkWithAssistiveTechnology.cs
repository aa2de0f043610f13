using NewsPortal.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace NewsPortal.BrowserTests.Accessibility;

/// <summary>axe-core finds no serious or critical violation on the pages people use most, as a new visitor sees them (consent banner included).</summary>
[Collection(ReadersCollection.Name)]
public sealed class PagesWorkWithAssistiveTechnology(PortalFixture portal, ITestOutputHelper output)
{
    // One line per page; a page in another UI language is one more line.
    public static TheoryData<string> ReaderPages => new()
    {
        "/",
        "/articles/1",
        "/sections/economy",
        "/search?q=الريحان",
        "/privacy",
        "/admin/account/login",
        "/en",
        "/en/articles/1",
        "/en/sections/economy",
        "/en/search?q=library",
        "/en/privacy",
    };

    public static TheoryData<string> AdminPages => new()
    {
        "/admin",
        "/admin/articles",
        "/admin/articles/new",
        "/admin/articles/1/edit",
    };

    [Theory]
    [MemberData(nameof(ReaderPages))]
    public async Task AReaderPageHasNoSeriousViolation(string path)
    {
        await using var reader = await portal.NewVisitorAsync(bypassContentSecurityPolicy: true);
        var page = await reader.NewPageAsync();
        await OpensAsync(page, path);
        await HasNoSeriousViolationAsync(page, path);
    }

    [Theory]
    [MemberData(nameof(AdminPages))]
    public async Task AnAdminPageHasNoSeriousViolation(string path)
    {
        await using var admin = await portal.SignedInAdminAsync(bypassContentSecurityPolicy: true);
        var page = await admin.NewPageAsync();
        await OpensAsync(page, path);
        await HasNoSeriousViolationAsync(page, path);
    }

    private static async Task OpensAsync(IPage page, string path)
    {
        var response = await page.GotoAsync(path);
        Assert.True(response?.Ok, $"{path} answered {response?.Status}.");
        await Expect(page.Locator("main h1").First).ToBeVisibleAsync();
    }

    private async Task HasNoSeriousViolationAsync(IPage page, string path)
    {
        var violations = await Axe.SeriousViolationsAsync(page);
        foreach (var violation in violations) output.WriteLine(violation.ToString());
        Assert.True(violations.Count == 0, $"{path}: {string.Join("\n", violations)}");
    }
}
