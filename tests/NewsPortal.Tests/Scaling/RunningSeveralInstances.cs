using System.Net;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Newsroom;
using NewsPortal.Tests.Infrastructure;
using NewsPortal.Web.Authorization;
using NewsPortal.Web.Publishing;

namespace NewsPortal.Tests.Scaling;

public class RunningSeveralInstances(TwoInstances instances) : IClassFixture<TwoInstances>
{
    private TwoInstances.Instance A => instances.A;
    private TwoInstances.Instance B => instances.B;

    private static bool FromCache(HttpResponseMessage response) => response.Headers.Age is not null;

    [Fact]
    public async Task AnEditorsChangeOnOneInstanceReplacesTheCachedPageOnTheOther()
    {
        var newsroom = new Infrastructure.Newsroom(A);
        var article = await newsroom.PublishedAsync("خبر تقرؤه نسختان من الموقع", A.Section, 1);
        var path = $"/articles/{article.Id}/{Uri.EscapeDataString(article.Slug)}";
        var readerOnB = B.CreateReader();
        await readerOnB.GetAsync(path);
        Assert.True(FromCache(await readerOnB.GetAsync(path)), "B did not serve the page from the cache");
        // One cache for both: A serves the page B made without ever rendering it.
        Assert.True(FromCache(await A.CreateReader().GetAsync(path)), "A did not find B's page in the shared cache");

        var (editorOnA, _) = await Staff.SignedInAsync(A, NewsroomRoles.Editor);
        var edit = await editorOnA.SubmitMultipartAsync($"/admin/articles/{article.Id}/edit", $"/admin/articles/{article.Id}/edit", new()
        {
            ["Headline"] = article.Headline, ["Body"] = "نص عدّله محرر على النسخة الأولى", ["SectionId"] = A.Section.Id.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        var fresh = await readerOnB.GetAsync(path);
        Assert.False(FromCache(fresh));
        Assert.Contains("نص عدّله محرر على النسخة الأولى", await fresh.Content.ReadAsStringAsync());

        await readerOnB.GetAsync("/");
        Assert.True(FromCache(await readerOnB.GetAsync("/")));
        var draft = await newsroom.DraftAsync("خبر ينشر على الأولى ويظهر على الثانية", A.Section);
        var publish = await editorOnA.SubmitAsync($"/admin/articles/{draft.Id}/edit", $"/admin/articles/{draft.Id}/publication", []);
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        var home = await readerOnB.GetAsync("/");
        Assert.False(FromCache(home));
        Assert.Contains("خبر ينشر على الأولى ويظهر على الثانية", await home.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OnceAChangeIsAnnouncedOnOneInstanceTheOtherNeverServesTheOldPage()
    {
        var article = await new Infrastructure.Newsroom(A).PublishedAsync("خبر يتغير مرارا", A.Section, 1);
        var path = $"/articles/{article.Id}/{Uri.EscapeDataString(article.Slug)}";
        var readerOnB = B.CreateReader();
        var pages = A.Services.GetRequiredService<NewsPortal.Web.Infrastructure.ReaderPages>();
        // The shared store's deletions are not answered one by one; a race lost once in a while is
        // still lost, so the change is announced many times over.
        for (var round = 1; round <= 100; round++)
        {
            await readerOnB.GetAsync(path);
            Assert.True(FromCache(await readerOnB.GetAsync(path)), $"round {round}: B did not keep the page");
            await pages.ChangedAsync();
            Assert.False(FromCache(await readerOnB.GetAsync(path)), $"round {round}: B served the page from before the change");
        }
    }

    [Fact]
    public async Task APageKeptFromBeforeAChangeIsNotFoundAfterItEvenWhereTheEvictionMissedIt()
    {
        var article = await new Infrastructure.Newsroom(A).PublishedAsync("خبر حُفظت صفحته متأخرة", A.Section, 1);
        var path = $"/articles/{article.Id}/{Uri.EscapeDataString(article.Slug)}";
        var readerOnB = B.CreateReader();
        await readerOnB.GetAsync(path);
        Assert.True(FromCache(await readerOnB.GetAsync(path)));

        // As when a page whose rendering began before the change is stored after the eviction ran:
        // the content moved on, and nothing deleted the page.
        await A.Services.GetRequiredService<NewsPortal.Web.Infrastructure.ReaderGeneration>().AdvanceAsync();

        Assert.False(FromCache(await readerOnB.GetAsync(path)));
        Assert.True(FromCache(await readerOnB.GetAsync(path)));
    }

    [Fact]
    public async Task ASignInAndTheFormsOfOneInstanceAreHonouredByTheOther()
    {
        var user = await Staff.CreateAsync(A, NewsroomRoles.Editor);
        // One browser whose requests a load balancer sends now to A, now to B.
        var cookies = new CookieContainer();
        var onA = A.CreateDefaultClient(new CookieContainerHandler(cookies));
        var onB = B.CreateDefaultClient(new CookieContainerHandler(cookies));

        var signIn = await Staff.SignInAsync(onA, user.Email!, Staff.Password);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/admin", signIn.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync("/admin")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await B.CreateReader().GetAsync("/admin")).StatusCode);

        // The form comes from A, its post goes to B.
        var draft = await new Infrastructure.Newsroom(A).DraftAsync("مسودة تنشر من نسخة أخرى", A.Section);
        var token = await Staff.TokenAsync(onA, $"/admin/articles/{draft.Id}/edit");
        var withoutToken = await onB.PostAsync($"/admin/articles/{draft.Id}/publication", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        var publish = await onB.PostAsync($"/admin/articles/{draft.Id}/publication",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        var status = await new Infrastructure.Newsroom(B).WithDbAsync(db => db.Articles.Where(a => a.Id == draft.Id).Select(a => a.Status).SingleAsync());
        Assert.Equal(ArticleStatus.Published, status);
    }

    [Fact]
    public async Task AScheduledArticleDueOnBothInstancesIsPublishedAndAuditedOnce()
    {
        var newsroom = new Infrastructure.Newsroom(A);
        // Scheduled an hour ago for a minute ago: due now, on both instances' clocks.
        var article = await newsroom.ArticleAsync("خبر مجدول تراه نسختان", A.Section, null, null, null, null, null,
            a => a.Schedule(newsroom.Now.AddMinutes(-1), newsroom.Now.AddHours(-1)));

        // Both read the schedule before either writes, the worst moment for a check-then-write.
        var published = await Task.WhenAll(PublishDueOn(A), PublishDueOn(B));
        Assert.Equal(1, published.Sum());

        var audits = await newsroom.WithDbAsync(db => db.AuditLog
            .CountAsync(e => e.Action == AuditActions.ScheduledPublish && e.Subject == $"article:{article.Id}"));
        Assert.Equal(1, audits);
        var status = await newsroom.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).Select(a => a.Status).SingleAsync());
        Assert.Equal(ArticleStatus.Published, status);
        Assert.Contains("خبر مجدول تراه نسختان", await B.CreateReader().GetStringAsync("/"));
    }

    private static Task<int> PublishDueOn(TwoInstances.Instance instance) => Task.Run(() =>
    {
        MeetingPoint.Join();
        return instance.Services.GetRequiredService<ScheduledPublisher>().PublishDueAsync();
    });

    [Fact]
    public async Task BothInstancesKeepTheirPagesInRedisWhichTheHealthCheckCovers()
    {
        Assert.Equal("Microsoft.AspNetCore.OutputCaching.StackExchangeRedis",
            B.Services.GetRequiredService<IOutputCacheStore>().GetType().Assembly.GetName().Name);
        Assert.Equal(HttpStatusCode.OK, (await B.CreateReader().GetAsync("/healthz")).StatusCode);
    }

    [Fact]
    public async Task AnInstanceWhoseRedisIsAwayServesReadersUncachedAndReportsItselfUnhealthy()
    {
        using var redisAway = new TwoInstances.Instance($"127.0.0.1:{TestRedisServer.FreePort()}", new MeetingPoint());
        var reader = redisAway.CreateReader();
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/")).StatusCode);
        var again = await reader.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.False(FromCache(again));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await reader.GetAsync("/healthz")).StatusCode);
    }
}

public class LosingRedis
{
    private static bool FromCache(HttpResponseMessage response) => response.Headers.Age is not null;

    [Fact]
    public async Task AnInstanceServesReadersUncachedWhileRedisIsDownAndCachesAgainWhenItIsBack()
    {
        await using var redis = await TestRedisServer.StartAsync();
        using var portal = new TwoInstances.Instance(redis.Configuration, new MeetingPoint());
        var reader = portal.CreateReader();
        await reader.GetAsync("/");
        Assert.True(FromCache(await reader.GetAsync("/")));

        await redis.StopAsync();
        var meanwhile = await reader.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, meanwhile.StatusCode);
        Assert.False(FromCache(meanwhile));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await reader.GetAsync("/healthz")).StatusCode);

        await redis.RestartAsync();
        await Eventually.HoldsAsync(async () => (await reader.GetAsync("/healthz")).StatusCode == HttpStatusCode.OK,
            TimeSpan.FromSeconds(60), "The portal did not reconnect to Redis.");
        await reader.GetAsync("/");
        Assert.True(FromCache(await reader.GetAsync("/")));
    }
}

public class RunningOneInstance(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public void KeepsItsPagesInItsOwnMemoryWhenNoRedisIsConfigured()
    {
        var store = portal.Services.GetRequiredService<IOutputCacheStore>();
        Assert.Equal("Microsoft.AspNetCore.OutputCaching", store.GetType().Assembly.GetName().Name);
    }

    [Fact]
    public void RefusesToStartWithARedisConfigurationItCannotRead()
    {
        using var misconfigured = new MisconfiguredRedis();
        var failure = Assert.ThrowsAny<Exception>(() => misconfigured.Services);
        Assert.Contains("Redis:Configuration", failure.ToString());
        Assert.DoesNotContain("hunter2", failure.ToString());
    }

    private sealed class MisconfiguredRedis : PortalFactory
    {
        protected override IDictionary<string, string?> Settings =>
            new Dictionary<string, string?> { ["Redis:Configuration"] = "password=hunter2,nonsense=yes" };
    }
}
