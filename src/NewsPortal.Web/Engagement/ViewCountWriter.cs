using NewsPortal.Core.Data;
using NewsPortal.Core.Newsroom;
using NewsPortal.Core.Reading;

namespace NewsPortal.Web.Engagement;

/// <summary>
/// Drains the reads the <see cref="ViewCounter"/> queued and adds them to hourly buckets. Each pass
/// takes everything waiting, so under load one database write carries many reads.
/// </summary>
public sealed class ViewCountWriter(ViewCounter counter, IServiceScopeFactory scopes, ILogger<ViewCountWriter> logger) : BackgroundService
{
    /// <summary>Most distinct article-hours one transaction writes.</summary>
    public const int BatchSize = 500;

    /// <summary>
    /// How long reads gather before a pass writes them. Every write makes each of the portal's other
    /// SQLite connections drop its page cache (at its next read it sees the database changed), so a
    /// write per page read made every reader page read its pages from the file again.
    /// </summary>
    public static readonly TimeSpan Gathering = TimeSpan.FromSeconds(1);

    // A pass and a flush never interleave, so a flush returns only once every earlier read is stored.
    private readonly SemaphoreSlim _writing = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await counter.Pending.WaitToReadAsync(stoppingToken))
            {
                await Task.Delay(Gathering, stoppingToken);
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Writes every read queued so far; returns how many reads it stored.</summary>
    public async Task<int> FlushAsync(CancellationToken ct = default)
    {
        await _writing.WaitAsync(ct);
        try
        {
            var stored = 0;
            while (true)
            {
                var batch = TakeBatch(out var reads);
                if (batch.Count == 0) return stored;
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<NewsDbContext>().AddViewsAsync(batch, ct);
                    stored += reads;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Counts are an estimate; losing one batch beats retrying into a failing database.
                    logger.LogError(e, "Storing {Count} article reads failed; they are not counted.", reads);
                }
            }
        }
        finally
        {
            _writing.Release();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // Reads queued before shutdown are still worth keeping.
        try
        {
            await FlushAsync(cancellationToken);
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException)
        {
            logger.LogWarning("Shut down before the last article reads were stored.");
        }
    }

    private List<ArticleViewCount> TakeBatch(out int reads)
    {
        reads = 0;
        var buckets = new Dictionary<ArticleRead, int>();
        while (buckets.Count < BatchSize && counter.Pending.TryRead(out var read))
        {
            buckets[read] = buckets.GetValueOrDefault(read) + 1;
            reads++;
        }
        return buckets.Select(b => new ArticleViewCount(b.Key.ArticleId, b.Key.HourStartUtc, b.Value)).ToList();
    }
}
