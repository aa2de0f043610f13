using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Reading;
using NewsPortal.Tests.Infrastructure;

namespace NewsPortal.Tests.Engagement;

/// <summary>Each test runs its own portal: they move the clock.</summary>
public class MostRead
{
    [Fact]
    public async Task EveryReadOfAnArticlePageIsCountedInTheHourItHappened()
    {
        using var portal = new ReadCountingPortal();
        var section = await portal.Newsroom.SectionAsync("اقتصاد", "economy");
        var article = await portal.Newsroom.PublishedAsync("الميناء يستقبل أول سفينة", section);

        await portal.ReadAsync(article, 3);
        await portal.FlushReadsAsync();
        portal.Clock.Advance(TimeSpan.FromHours(1));
        await portal.ReadAsync(article, 2);
        await portal.FlushReadsAsync();

        var buckets = await portal.Newsroom.WithDbAsync(db => db.ArticleViewCounts.Where(v => v.ArticleId == article.Id)
            .OrderBy(v => v.HourStartUtc).Select(v => new { v.HourStartUtc, v.Count }).ToListAsync());
        Assert.Equal([3, 2], buckets.Select(b => b.Count));
        Assert.Equal(Core.Newsroom.ArticleViewCount.HourOf(PortalFactory.Start.UtcDateTime), buckets[0].HourStartUtc);
    }


    [Fact]
    public async Task TheLastDayAndTheLastWeekAreRankedByTheirOwnReads()
    {
        using var portal = new ReadCountingPortal();
        var section = await portal.Newsroom.SectionAsync("اقتصاد", "economy");
        var lastWeek = await portal.Newsroom.PublishedAsync("قصة الأسبوع", section, hoursAgo: 1);
        var today = await portal.Newsroom.PublishedAsync("قصة اليوم", section, hoursAgo: 1);
        var quiet = await portal.Newsroom.PublishedAsync("قصة هادئة", section, hoursAgo: 1);
        var old = await portal.Newsroom.PublishedAsync("قصة قديمة", section, hoursAgo: 1);

        await portal.ReadAsync(old, 9);
        portal.Clock.Advance(TimeSpan.FromDays(5));
        await portal.ReadAsync(lastWeek, 6);
        portal.Clock.Advance(TimeSpan.FromDays(2));
        await portal.ReadAsync(today, 3);
        await portal.ReadAsync(quiet, 1);
        await portal.FlushReadsAsync();

        Assert.Equal(["قصة اليوم", "قصة هادئة"], await portal.MostReadAsync(MostReadQueries.Day));
        Assert.Equal(["قصة الأسبوع", "قصة اليوم", "قصة هادئة"], await portal.MostReadAsync(MostReadQueries.Week));
    }

    [Fact]
    public async Task AnHourCountsWhileItBeganWithinTheWindow()
    {
        using var portal = new ReadCountingPortal();
        var section = await portal.Newsroom.SectionAsync("اقتصاد", "economy");
        var article = await portal.Newsroom.PublishedAsync("قصة", section);

        await portal.ReadAsync(article, 1);
        await portal.FlushReadsAsync();
        portal.Clock.Advance(TimeSpan.FromHours(23) + TimeSpan.FromMinutes(59));
        Assert.Equal(["قصة"], await portal.MostReadAsync(MostReadQueries.Day));
        portal.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Empty(await portal.MostReadAsync(MostReadQueries.Day));
        Assert.Equal(["قصة"], await portal.MostReadAsync(MostReadQueries.Week));
    }

    [Fact]
    public async Task ArticlesNoLongerPublishedLeaveTheLists()
    {
        using var portal = new ReadCountingPortal();
        var section = await portal.Newsroom.SectionAsync("اقتصاد", "economy");
        var withdrawn = await portal.Newsroom.PublishedAsync("قصة سحبت", section);
        var standing = await portal.Newsroom.PublishedAsync("قصة باقية", section);
        await portal.ReadAsync(withdrawn, 5);
        await portal.ReadAsync(standing, 1);
        await portal.FlushReadsAsync();

        await portal.Newsroom.ChangeAsync(withdrawn.Id, a => a.Unpublish(portal.Newsroom.Now));

        Assert.Equal(["قصة باقية"], await portal.MostReadAsync(MostReadQueries.Day));
    }

    [Fact]
    public async Task TheHomeAndArticlePagesShowBothListsWithoutScript()
    {
        using var portal = new ReadCountingPortal();
        var section = await portal.Newsroom.SectionAsync("اقتصاد", "economy");
        var older = await portal.Newsroom.PublishedAsync("قصة قرئت قبل أيام", section, hoursAgo: 2);
        var fresh = await portal.Newsroom.PublishedAsync("قصة تقرأ الآن", section, hoursAgo: 1);
        await portal.ReadAsync(older, 4);
        portal.Clock.Advance(TimeSpan.FromDays(3));
        await portal.ReadAsync(fresh, 2);
        await portal.FlushReadsAsync();
        await portal.ExpireCachedPagesAsync();

        var reader = portal.CreateReader();
        foreach (var path in new[] { "/", ReadCountingPortal.ArticlePath(fresh) })
        {
            var page = await reader.GetDocumentAsync(path);
            Assert.Equal("الأكثر قراءة", page.QuerySelector("#most-read-heading").Text());
            Assert.Equal(["قصة تقرأ الآن"], page.QuerySelectorAll("#most-read-day li a").Select(a => a.Text()));
            Assert.Equal(["قصة قرئت قبل أيام", "قصة تقرأ الآن"], page.QuerySelectorAll("#most-read-week li a").Select(a => a.Text()));
            Assert.Equal($"/articles/{older.Id}/{Uri.EscapeDataString(older.Slug)}",
                page.QuerySelector("#most-read-week li a")?.GetAttribute("href"));
            Assert.Null(page.QuerySelector(".most-read [hidden]"));
        }
    }

    [Fact]
    public async Task ASiteNobodyHasReadYetShowsNoBlock()
    {
        using var portal = new ReadCountingPortal();
        var section = await portal.Newsroom.SectionAsync("اقتصاد", "economy");
        await portal.Newsroom.PublishedAsync("قصة لم تقرأ", section);

        var home = await portal.CreateReader().GetDocumentAsync("/");
        Assert.Null(home.QuerySelector(".most-read"));
    }
}
