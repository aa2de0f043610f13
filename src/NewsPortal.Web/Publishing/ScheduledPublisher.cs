using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.Newsroom;
using NewsPortal.Core.Search;

namespace NewsPortal.Web.Publishing;

/// <summary>
/// Publishes scheduled articles when their time comes. The schedule lives in the database, so an
/// article due while the portal was down goes out at the next start. Every instance of the portal
/// runs one of these; each article is claimed by a conditional update, so it is published, audited
/// and indexed once, by whichever instance claims it first.
/// </summary>
public sealed class ScheduledPublisher(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ScheduledPublisher> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await PublishDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Publishing scheduled articles failed; trying again shortly.");
            }
            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Publishes what is due; reports how many articles this instance published.</summary>
    public async Task<int> PublishDueAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var search = scope.ServiceProvider.GetRequiredService<SearchIndex>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Articles.DueForPublication(now).Select(a => a.Id).ToListAsync(ct);
        var published = 0;
        foreach (var id in due)
        {
            if (await PublishAsync(db, search, id, now, ct)) published++;
        }
        if (published > 0)
        {
            await scope.ServiceProvider.GetRequiredService<Infrastructure.ReaderPages>().ChangedAsync(ct);
            logger.LogInformation("Published {Count} scheduled article(s).", published);
        }
        return published;
    }

    // The claim, its audit entry and its search row commit together: an instance that dies half way
    // leaves the article scheduled for the next one, never published without a trace.
    private static Task<bool> PublishAsync(NewsDbContext db, SearchIndex search, int id, DateTime now, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (!await db.Articles.TryPublishDueAsync(id, now, ct)) return false;
            var article = await db.Articles.SingleAsync(a => a.Id == id, ct);
            db.AuditLog.Add(new AuditEntry(now, null, "النظام", AuditActions.ScheduledPublish, $"article:{article.Id}", article.Headline));
            await db.SaveChangesAsync(ct);
            await search.IndexAsync(article, ct);
            await transaction.CommitAsync(ct);
            return true;
        });
}
