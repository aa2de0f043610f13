using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Newsroom;
using NewsPortal.Core.Reading;
using NewsPortal.Tests.Infrastructure;
using NewsPortal.Web.Engagement;

namespace NewsPortal.Tests.Engagement;

/// <summary>A portal of its own per test: these tests move the clock.</summary>
public class ReadCountingPortal : PortalFactory
{
    public Infrastructure.Newsroom Newsroom => new(this);

    public Task<int> FlushReadsAsync() => Services.GetRequiredService<ViewCountWriter>().FlushAsync();

    public async Task ReadAsync(Article article, int times, string userAgent = "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0")
    {
        var reader = CreateReader();
        reader.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        for (var i = 0; i < times; i++)
        {
            var response = await reader.GetAsync(ArticlePath(article));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    /// <summary>What the cache lifetime does in real time: the lists shown follow the counts.</summary>
    public ValueTask ExpireCachedPagesAsync() => Services.GetRequiredService<NewsPortal.Web.Infrastructure.ReaderPages>().ChangedAsync();

    public static string ArticlePath(Article a) => $"/articles/{a.Id}/{Uri.EscapeDataString(a.Slug)}";

    public Task<int> StoredReadsAsync(int articleId) =>
        Newsroom.WithDbAsync(db => db.ArticleViewCounts.Where(v => v.ArticleId == articleId).SumAsync(v => v.Count));

    public Task<List<string>> MostReadAsync(TimeSpan window) =>
        Newsroom.WithDbAsync(db => db.MostRead(window, Newsroom.Now).Select(a => a.Headline).ToListAsync());
}

/// <summary>Tests that leave the clock alone share one portal; each reads articles of its own.</summary>
public class CountingReads(ReadCountingPortal portal) : IClassFixture<ReadCountingPortal>
{
    private async Task<Core.Newsroom.Article> ArticleAsync(string headline)
    {
        var section = await portal.Newsroom.SectionAsync("اقتصاد", $"economy-{Guid.NewGuid():N}"[..16]);
        return await portal.Newsroom.PublishedAsync(headline, section);
    }

    [Fact]
    public async Task ReadsOfTheSameHourAddUpAcrossBatches()
    {
        var article = await ArticleAsync("خبر يقرأ مرارا");

        for (var batch = 0; batch < 3; batch++)
        {
            await portal.ReadAsync(article, 4);
            await portal.FlushReadsAsync();
        }

        Assert.Equal(12, await portal.StoredReadsAsync(article.Id));
        Assert.Equal(1, await portal.Newsroom.WithDbAsync(db => db.ArticleViewCounts.CountAsync(v => v.ArticleId == article.Id)));
    }

    [Theory]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")]
    [InlineData("Mozilla/5.0 (compatible; bingbot/2.0)")]
    [InlineData("SomeCrawler/1.0")]
    [InlineData("Baiduspider/2.0")]
    public async Task CrawlersAreNotCounted(string userAgent)
    {
        var article = await ArticleAsync("خبر يزوره الزاحف");

        await portal.ReadAsync(article, 2, userAgent);
        await portal.ReadAsync(article, 1);
        await portal.FlushReadsAsync();

        Assert.Equal(1, await portal.StoredReadsAsync(article.Id));
    }

    [Fact]
    public async Task HeadRequestsAreAnsweredButNotCounted()
    {
        var article = await ArticleAsync("خبر يفحصه برنامج");

        var head = await portal.CreateReader().SendAsync(new HttpRequestMessage(HttpMethod.Head, ReadCountingPortal.ArticlePath(article)));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        await portal.FlushReadsAsync();

        Assert.Equal(0, await portal.StoredReadsAsync(article.Id));
    }

    [Fact]
    public async Task RedirectsAndMissingArticlesAreNotCounted()
    {
        var article = await ArticleAsync("خبر بعنوان طويل");
        var draft = await portal.Newsroom.DraftAsync("مسودة", await portal.Newsroom.WithDbAsync(db => db.Sections.FirstAsync()));
        var reader = portal.CreateReader();

        Assert.Equal(HttpStatusCode.MovedPermanently, (await reader.GetAsync($"/articles/{article.Id}/wrong-slug")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync($"/articles/{draft.Id}/{draft.Slug}")).StatusCode);
        await portal.FlushReadsAsync();

        Assert.Equal(0, await portal.StoredReadsAsync(article.Id));
        Assert.Equal(0, await portal.StoredReadsAsync(draft.Id));
    }

    [Fact]
    public async Task CountingSetsNoCookieAndKeepsNothingAboutTheReader()
    {
        var article = await ArticleAsync("خبر للقراء");

        var response = await portal.CreateReader().GetAsync(ReadCountingPortal.ArticlePath(article));
        await portal.FlushReadsAsync();

        Assert.False(response.Headers.Contains("Set-Cookie"), string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var c) ? c : []));
        // The only columns are the article, the hour and the number.
        var columns = await portal.Newsroom.WithDbAsync(db => Task.FromResult(
            db.Model.FindEntityType(typeof(ArticleViewCount))!.GetProperties().Select(p => p.Name).Order().ToList()));
        Assert.Equal(["ArticleId", "Count", "HourStartUtc"], columns);
    }

    [Fact]
    public async Task ReadsOfAnArticleDeletedBeforeTheyAreStoredAreDroppedWithoutLosingTheRest()
    {
        var kept = await ArticleAsync("خبر باق");
        var deleted = await ArticleAsync("خبر سيحذف");
        await portal.Newsroom.WithDbAsync(db => db.Articles.Where(a => a.Id == deleted.Id).ExecuteDeleteAsync());

        await portal.Newsroom.WithDbAsync(async db =>
        {
            await db.AddViewsAsync([
                new ArticleViewCount(deleted.Id, PortalFactory.Start.UtcDateTime, 5),
                new ArticleViewCount(kept.Id, PortalFactory.Start.UtcDateTime, 2),
            ]);
            return 0;
        });

        Assert.Equal(2, await portal.StoredReadsAsync(kept.Id));
        Assert.Equal(0, await portal.StoredReadsAsync(deleted.Id));
    }
}
