using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Tests.Infrastructure;
using NewsPortal.Web.Authorization;

namespace NewsPortal.Tests.Admin;

/// <summary>Every admin endpoint, found from the app's own routing table, refuses whoever lacks the right role.</summary>
public class AdminAccess(AdminPortal portal) : IClassFixture<AdminPortal>
{
    private sealed record AdminEndpoint(string Method, string Url, string[] Policies, bool Anonymous);

    private IReadOnlyList<AdminEndpoint> Endpoints()
    {
        _ = portal.Server; // starts the app so its endpoints exist
        var sources = portal.Services.GetServices<EndpointDataSource>();
        var found = sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("admin", StringComparison.OrdinalIgnoreCase) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(method => new AdminEndpoint(
                method,
                Url(e.RoutePattern.RawText!),
                e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Distinct().ToArray(),
                e.Metadata.GetMetadata<IAllowAnonymous>() is not null)))
            .ToList();
        Assert.True(found.Count >= 30, $"only {found.Count} admin endpoints found");
        return found;
    }

    private static string Url(string pattern) =>
        "/" + System.Text.RegularExpressions.Regex.Replace(pattern.TrimStart('/'), @"\{[^}]+\}", "1");

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, AdminEndpoint endpoint) =>
        client.SendAsync(new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Url)
        {
            Content = endpoint.Method == "GET" ? null : new FormUrlEncodedContent([]),
        });

    [Fact]
    public async Task AnonymousVisitorsAreSentToSignInEverywhereButTheSignInPages()
    {
        var anonymous = Staff.Browser(portal);
        var anonymousAllowed = new List<string>();
        foreach (var endpoint in Endpoints())
        {
            if (endpoint.Anonymous)
            {
                anonymousAllowed.Add(endpoint.Url);
                continue;
            }
            var response = await SendAsync(anonymous, endpoint);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{endpoint.Method} {endpoint.Url} answered {(int)response.StatusCode}");
            Assert.StartsWith("http://localhost/admin/account/login", response.Headers.Location?.ToString());
        }
        Assert.All(anonymousAllowed, url => Assert.StartsWith("/admin/account/", url));
    }

    [Fact]
    public async Task WritersAreRefusedWhatEditorsMayDo()
    {
        var (writer, _) = await Staff.SignedInAsync(portal, NewsroomRoles.Writer);
        var checkedCount = 0;
        foreach (var endpoint in Endpoints().Where(e => e.Policies.Contains(NewsroomPolicies.Editors) || e.Policies.Contains(NewsroomPolicies.Admins)))
        {
            var response = await SendAsync(writer, endpoint);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{endpoint.Method} {endpoint.Url} answered {(int)response.StatusCode}");
            Assert.StartsWith("http://localhost/admin/account/denied", response.Headers.Location?.ToString());
            checkedCount++;
        }
        Assert.True(checkedCount >= 15, $"{checkedCount} editor endpoints");
    }

    [Fact]
    public async Task EditorsAreRefusedWhatOnlyAdminsMayDo()
    {
        var (editor, _) = await Staff.SignedInAsync(portal, NewsroomRoles.Editor);
        var adminOnly = Endpoints().Where(e => e.Policies.Contains(NewsroomPolicies.Admins)).ToList();
        Assert.Contains(adminOnly, e => e.Url.StartsWith("/admin/users"));
        Assert.Contains(adminOnly, e => e.Url.StartsWith("/admin/audit"));
        foreach (var endpoint in adminOnly)
        {
            var response = await SendAsync(editor, endpoint);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{endpoint.Method} {endpoint.Url} answered {(int)response.StatusCode}");
            Assert.StartsWith("http://localhost/admin/account/denied", response.Headers.Location?.ToString());
        }

        foreach (var page in new[] { "/admin/sections", "/admin/tags", "/admin/articles", "/admin/subscribers", "/admin/newsletters" })
        {
            Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync(page)).StatusCode);
        }
    }

    [Fact]
    public async Task AdminsReachEveryAdminPage()
    {
        var admin = Staff.Browser(portal);
        await Staff.SignInAsync(admin, AdminPortal.AdminEmail, AdminPortal.AdminPassword);
        foreach (var page in new[] { "/admin", "/admin/users", "/admin/users/invite", "/admin/audit", "/admin/sections", "/admin/sections/new", "/admin/tags", "/admin/articles", "/admin/articles/new", "/admin/account/two-factor-setup", "/admin/subscribers", "/admin/subscribers/export", "/admin/newsletters", "/admin/newsletters/new" })
        {
            var response = await admin.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task StateChangingRequestsWithoutAnAntiforgeryTokenAreRefused()
    {
        var (editor, _) = await Staff.SignedInAsync(portal, NewsroomRoles.Editor);
        var response = await editor.PostAsync("/admin/tags", new FormUrlEncodedContent([new("Name", "وسم بلا رمز")]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
