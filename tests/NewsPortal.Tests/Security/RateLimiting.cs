using System.Net;
using NewsPortal.Tests.Admin;
using NewsPortal.Tests.Infrastructure;

namespace NewsPortal.Tests.Security;

public sealed class TightlyLimitedPortal : AdminPortal
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
    {
        ["RateLimits:SignInPerMinute"] = "3",
        ["RateLimits:PasswordResetPerHour"] = "2",
        ["RateLimits:SearchPerMinute"] = "4",
        ["RateLimits:PublicFormsPerMinute"] = "2",
    };

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The base sets generous limits for every other test; these come last and win.
        foreach (var (key, value) in Settings.Where(s => s.Key.StartsWith("RateLimits:"))) builder.UseSetting(key, value);
    }
}

public class RateLimiting(TightlyLimitedPortal portal) : IClassFixture<TightlyLimitedPortal>
{
    private static async Task AssertTooManyAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter is not null || response.Headers.Contains("Retry-After"));
        var document = await Html.ParseAsync(response);
        Assert.Equal("طلبات كثيرة", document.QuerySelector("h1").Text());
        Assert.Equal("rtl", document.DocumentElement.GetAttribute("dir"));
    }

    [Fact]
    public async Task SignInAttemptsBeyondTheLimitGetALocalised429()
    {
        var browser = Staff.Browser(portal);
        var token = await Staff.TokenAsync(browser, "/admin/account/login");
        HttpResponseMessage last = null!;
        for (var i = 0; i < 4; i++)
        {
            last = await browser.PostAsync("/admin/account/login", new FormUrlEncodedContent(
                [new("Email", "x@newsroom.example"), new("Password", "wrong passphrase"), new("__RequestVerificationToken", token)]));
            if (i < 3) Assert.Equal(HttpStatusCode.OK, last.StatusCode);
        }
        await AssertTooManyAsync(last);
    }

    [Fact]
    public async Task PasswordResetRequestsAreLimited()
    {
        var browser = Staff.Browser(portal);
        var token = await Staff.TokenAsync(browser, "/admin/account/forgot-password");
        HttpResponseMessage last = null!;
        for (var i = 0; i < 3; i++)
        {
            last = await browser.PostAsync("/admin/account/forgot-password", new FormUrlEncodedContent(
                [new("Email", "x@newsroom.example"), new("__RequestVerificationToken", token)]));
        }
        await AssertTooManyAsync(last);
    }

    [Fact]
    public async Task SearchIsLimited()
    {
        var reader = portal.CreateReader();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 5; i++) last = await reader.GetAsync($"/search?q=خبر{i}");
        await AssertTooManyAsync(last);
    }

    [Fact]
    public async Task TheConsentFormIsLimited()
    {
        var reader = portal.CreateReader();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 3; i++) last = await reader.PostAsync("/consent", new FormUrlEncodedContent([new("choice", "reject")]));
        await AssertTooManyAsync(last);
    }
}
