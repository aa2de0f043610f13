using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Data;
using NewsPortal.Core.Newsroom;

namespace NewsPortal.Tests.Infrastructure;

/// <summary>Newsroom accounts for tests, and browsers signed in as them.</summary>
public static partial class Staff
{
    public const string Password = "a long test passphrase";

    public static async Task<NewsUser> CreateAsync(PortalFactory portal, string role, string? email = null)
    {
        email ??= $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@newsroom.example";
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NewsUser>>();
        var user = new NewsUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"{role} {email[..6]}" };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var author = new Author(user.DisplayName, $"author-{Guid.NewGuid():N}");
        author.LinkTo(user);
        db.Authors.Add(author);
        await db.SaveChangesAsync();
        return user;
    }

    public static HttpClient Browser(PortalFactory portal) =>
        portal.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A browser signed in as a new account with the role.</summary>
    public static async Task<(HttpClient Browser, NewsUser User)> SignedInAsync(PortalFactory portal, string role)
    {
        var user = await CreateAsync(portal, role);
        var browser = Browser(portal);
        var response = await SignInAsync(browser, user.Email!, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin", response.Headers.Location?.OriginalString);
        return (browser, user);
    }

    public static Task<HttpResponseMessage> SignInAsync(HttpClient browser, string email, string password, string? returnUrl = null) =>
        browser.SubmitAsync("/admin/account/login" + (returnUrl is null ? "" : $"?returnUrl={Uri.EscapeDataString(returnUrl)}"),
            "/admin/account/login", new() { ["Email"] = email, ["Password"] = password, ["ReturnUrl"] = returnUrl ?? "" });

    /// <summary>Opens a page as a person would, takes its antiforgery token, and posts a form.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient browser, string pageUrl, string actionUrl, Dictionary<string, string> fields)
    {
        var token = await TokenAsync(browser, pageUrl);
        var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await browser.PostAsync(actionUrl, content);
    }

    public static async Task<HttpResponseMessage> SubmitMultipartAsync(this HttpClient browser, string pageUrl, string actionUrl,
        Dictionary<string, string> fields, (string Name, string FileName, byte[] Bytes)? file = null)
    {
        var token = await TokenAsync(browser, pageUrl);
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        content.Add(new StringContent(token), "__RequestVerificationToken");
        if (file is { } f) content.Add(new ByteArrayContent(f.Bytes), f.Name, f.FileName);
        return await browser.PostAsync(actionUrl, content);
    }

    public static async Task<string> TokenAsync(HttpClient browser, string pageUrl)
    {
        var page = await browser.GetAsync(pageUrl);
        var html = await page.Content.ReadAsStringAsync();
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, $"No antiforgery token on {pageUrl} ({(int)page.StatusCode}).");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
