using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.Newsroom;
using NewsPortal.Core.Search;

namespace NewsPortal.Web.Publishing;

/// <summary>
/// Publishes scheduled articles when their time comes. The schedule lives in the database, so an
/// article due while the portal was down goes out at the next start.
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

    public async Task<int> PublishDueAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Articles.Where(a => a.Status == ArticleStatus.Scheduled && a.PublishedAt <= now).ToListAsync(ct);
        foreach (var article in due)
        {
            if (article.PublishIfDue(now))
            {
                db.AuditLog.Add(new AuditEntry(now, null, "النظام", AuditActions.ScheduledPublish, $"article:{article.Id}", article.Headline));
            }
        }
        if (due.Count > 0)
        {
            await db.SaveChangesAsync(ct);
            var search = scope.ServiceProvider.GetRequiredService<SearchIndex>();
            foreach (var article in due) await search.IndexAsync(article, ct);
            await scope.ServiceProvider.GetRequiredService<Infrastructure.ReaderPages>().ChangedAsync(ct);
            logger.LogInformation("Published {Count} scheduled article(s).", due.Count);
        }
        return due.Count;
    }
}
