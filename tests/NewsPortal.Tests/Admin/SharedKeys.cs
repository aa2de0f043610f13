using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Tests.Infrastructure;

namespace NewsPortal.Tests.Admin;

/// <summary>Two portals on one database, as two instances or a redeployed container would be.</summary>
public class SharedKeys
{
    private sealed class Instance(string databasePath) : AdminPortal(databasePath);

    [Fact]
    public async Task ASignInOnOneInstanceIsHonouredByAnotherOnTheSameDatabase()
    {
        var databasePath = TestDatabase.NewPath("newsportal-shared");
        try
        {
            using var first = new Instance(databasePath);
            await first.InitializeAsync();
            var browser = Staff.Browser(first);
            var signIn = await Staff.SignInAsync(browser, AdminPortal.AdminEmail, AdminPortal.AdminPassword);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("np-auth=")).Split(';')[0];

            var keys = await new Infrastructure.Newsroom(first).WithDbAsync(db => db.DataProtectionKeys.CountAsync());
            Assert.True(keys >= 1, "no data-protection key was stored in the database");

            using var second = new Instance(databasePath);
            var other = second.CreateReader();
            other.DefaultRequestHeaders.Add("Cookie", cookie);
            Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/admin")).StatusCode);

            var stranger = second.CreateReader();
            stranger.DefaultRequestHeaders.Add("Cookie", "np-auth=not-a-real-ticket");
            Assert.Equal(HttpStatusCode.Redirect, (await stranger.GetAsync("/admin")).StatusCode);
        }
        finally
        {
            await TestDatabase.DeleteAsync(databasePath);
        }
    }
}
