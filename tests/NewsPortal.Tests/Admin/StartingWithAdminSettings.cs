using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Newsroom;
using NewsPortal.Tests.Infrastructure;

namespace NewsPortal.Tests.Admin;

public class StartingWithAdminSettings
{
    private sealed class WeakAdminPortal : PortalFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["Admin:Email"] = "weak@newsroom.example",
            ["Admin:Password"] = "12345",
        };
    }

    private sealed class RestartedPortal(string databasePath) : AdminPortal(databasePath);

    [Fact]
    public void AWeakAdminPasswordStopsThePortalFromStarting()
    {
        using var portal = new WeakAdminPortal();
        var failure = Assert.ThrowsAny<Exception>(() => portal.CreateClient());
        Assert.Contains("Admin:Password is too weak", failure.ToString());
    }

    [Fact]
    public async Task AnArticleDueWhileThePortalWasDownIsPublishedWhenItStarts()
    {
        var databasePath = TestDatabase.NewPath("newsportal-restart");
        int id;
        using (var first = new RestartedPortal(databasePath))
        {
            await first.InitializeAsync();
            var newsroom = new Infrastructure.Newsroom(first);
            id = (await newsroom.ScheduledAsync("خبر مجدول قبل إعادة التشغيل", first.Section, TimeSpan.FromHours(2))).Id;
        }

        using var restarted = new RestartedPortal(databasePath);
        restarted.Clock.Advance(TimeSpan.FromHours(3));
        var again = new Infrastructure.Newsroom(restarted);
        _ = restarted.Server;
        await Eventually.HoldsAsync(async () =>
            await again.WithDbAsync(db => db.Articles.AnyAsync(a => a.Id == id && a.Status == ArticleStatus.Published)));
        var slug = await again.WithDbAsync(db => db.Articles.Where(a => a.Id == id).Select(a => a.Slug).SingleAsync());
        var response = await restarted.CreateReader().GetAsync($"/articles/{id}/{Uri.EscapeDataString(slug)}");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        restarted.Dispose();
        await TestDatabase.DeleteAsync(databasePath);
    }
}
