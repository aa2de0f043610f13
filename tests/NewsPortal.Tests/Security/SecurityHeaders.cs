using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using NewsPortal.Tests.Admin;
using NewsPortal.Tests.Infrastructure;
using NewsPortal.Web.Authorization;

namespace NewsPortal.Tests.Security;

public class SecurityHeaders(AdminPortal portal) : IClassFixture<AdminPortal>
{
    public static TheoryData<string> Paths => new("/", "/no-such-page", "/admin/account/login", "/css/site.css", "/feed", "/error");

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task EveryResponseCarriesTheSecurityHeaders(string path)
    {
        var response = await portal.CreateReader().GetAsync(path);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        var directives = csp.Split(';', StringSplitOptions.TrimEntries).ToDictionary(d => d.Split(' ')[0], d => d);

        Assert.Equal("object-src 'none'", directives["object-src"]);
        Assert.Equal("base-uri 'none'", directives["base-uri"]);
        Assert.Equal("frame-ancestors 'none'", directives["frame-ancestors"]);
        Assert.DoesNotContain("unsafe-inline", directives["script-src"]);
        Assert.DoesNotContain("unsafe-eval", directives["script-src"]);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("camera=()", response.Headers.GetValues("Permissions-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task AdminPagesCarryTheHeadersAndAreNeverStored()
    {
        var (editor, _) = await Staff.SignedInAsync(portal, NewsroomRoles.Editor);
        var response = await editor.GetAsync("/admin/articles");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task PagesHaveNoInlineScriptsOrStyles()
    {
        foreach (var path in new[] { "/", "/privacy", "/admin/account/login" })
        {
            var document = await Html.ParseAsync(await portal.CreateReader().GetAsync(path));
            Assert.All(document.QuerySelectorAll("script:not([type='application/ld+json'])"), s => Assert.False(string.IsNullOrEmpty(s.GetAttribute("src")), $"inline script on {path}"));
            Assert.Empty(document.QuerySelectorAll("style"));
            Assert.Empty(document.QuerySelectorAll("[style]"));
            Assert.DoesNotContain(document.All, e => e.Attributes.Any(a => a.Name.StartsWith("on")));
        }
    }
}

/// <summary>The same portal as operators run it in Production: HTTPS only, strict cookies, admins with two factors.</summary>
public sealed class ProductionAdminPortal : AdminPortal
{
    protected override string EnvironmentName => "Production";

    // Behind a real server the HTTPS port comes from its endpoints; the test host has none.
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings) { ["https_port"] = "443" };
}

public class InProduction(ProductionAdminPortal portal) : IClassFixture<ProductionAdminPortal>
{
    private HttpClient Https() => portal.CreateClient(new WebApplicationFactoryClientOptions
    {
        AllowAutoRedirect = false,
        BaseAddress = new Uri("https://news.example"),
    });

    [Fact]
    public async Task HttpIsRedirectedToHttpsAndHstsLastsAYear()
    {
        var plain = await portal.CreateReader().GetAsync("/");
        Assert.True(plain.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect or HttpStatusCode.Redirect or HttpStatusCode.MovedPermanently);
        Assert.Equal("https", plain.Headers.Location?.Scheme);

        var secure = await Https().GetAsync("/");
        var hsts = secure.Headers.GetValues("Strict-Transport-Security").Single();
        var maxAge = int.Parse(hsts.Split(';')[0].Split('=')[1]);
        Assert.True(maxAge >= 31_536_000, hsts);
    }

    [Fact]
    public async Task TheSignInCookieIsHostPrefixedSecureAndHttpOnly()
    {
        var browser = Https();
        var response = await browser.SubmitAsync("/admin/account/login", "/admin/account/login",
            new() { ["Email"] = AdminPortal.AdminEmail, ["Password"] = AdminPortal.AdminPassword });
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-np-auth="));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnAdminWithoutTwoFactorSignInIsSentToSetItUp()
    {
        var browser = Https();
        await browser.SubmitAsync("/admin/account/login", "/admin/account/login",
            new() { ["Email"] = AdminPortal.AdminEmail, ["Password"] = AdminPortal.AdminPassword });
        foreach (var path in new[] { "/admin", "/admin/users", "/admin/articles/new" })
        {
            var response = await browser.GetAsync(path);
            Assert.Equal("/admin/account/two-factor-setup", response.Headers.Location?.OriginalString);
        }
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin/account/two-factor-setup")).StatusCode);

        var (editor, _) = (Https(), 0);
        var user = await Staff.CreateAsync(portal, NewsroomRoles.Editor);
        await editor.SubmitAsync("/admin/account/login", "/admin/account/login", new() { ["Email"] = user.Email!, ["Password"] = Staff.Password });
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/admin")).StatusCode);
    }
}
