using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Tests.Infrastructure;

namespace NewsPortal.Tests.Engagement;

/// <summary>A read-counting portal that notes every statement written to the read counts.</summary>
public sealed class GatheringReadsPortal : ReadCountingPortal
{
    public CountWrites Writes { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IInterceptor>(Writes));
    }

    public sealed class CountWrites : DbCommandInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void Clear() => Interlocked.Exchange(ref _count, 0);

        public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("INSERT INTO \"ArticleViewCounts\"", StringComparison.Ordinal)) Interlocked.Increment(ref _count);
            return ValueTask.FromResult(result);
        }
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
        portal.Writes.Clear();

        await portal.ReadAsync(article, 10);
        await Eventually.HoldsAsync(async () => await portal.StoredReadsAsync(article.Id) == 11);

        // One write, or two if the reads straddled the end of a gathering.
        Assert.InRange(portal.Writes.Count, 1, 2);
    }
}
