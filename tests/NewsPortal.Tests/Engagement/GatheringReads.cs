using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Tests.Infrastructure;
using NewsPortal.Tests.Speed;

namespace NewsPortal.Tests.Engagement;

/// <summary>A read-counting portal that notes every statement it runs.</summary>
public sealed class GatheringReadsPortal : ReadCountingPortal
{
    public StatementLog Statements { get; } = new();

    /// <summary>The writes to the read counts since the log was last cleared.</summary>
    public int CountWrites => Statements.Containing("INSERT INTO \"ArticleViewCounts\"").Count;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IInterceptor>(Statements));
    }
}

/// <summary>
/// The portal's own writer stores the reads (nothing here flushes them), and reads that arrive
/// together are stored together: a write per page read would make every other connection drop its
/// page cache on each page.
/// </summary>
public class GatheringReads(GatheringReadsPortal portal) : IClassFixture<GatheringReadsPortal>
{
    [Fact]
    public async Task ReadsArrivingTogetherAreStoredInOneWrite()
    {
        var section = await portal.Newsroom.SectionAsync("اقتصاد", "economy");
        var article = await portal.Newsroom.PublishedAsync("خبر يقرؤه كثيرون معا", section);
        // The first read wakes the writer and warms the page; it is stored on its own.
        await portal.ReadAsync(article, 1);
        await Eventually.HoldsAsync(async () => await portal.StoredReadsAsync(article.Id) == 1);
        portal.Statements.Clear();

        await portal.ReadAsync(article, 10);
        await Eventually.HoldsAsync(async () => await portal.StoredReadsAsync(article.Id) == 11);

        // One write, or two if the reads straddled the end of a gathering.
        Assert.InRange(portal.CountWrites, 1, 2);
    }
}
