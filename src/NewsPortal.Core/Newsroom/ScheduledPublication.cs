using Microsoft.EntityFrameworkCore;

namespace NewsPortal.Core.Newsroom;

/// <summary>
/// <see cref="Article.PublishIfDue"/> done by the database, for when several instances of the portal
/// look at the same schedule: the change is one conditional update, so whichever instance's update
/// changes the row has published the article, and every other finds it no longer scheduled.
/// </summary>
public static class ScheduledPublication
{
    public static IQueryable<Article> DueForPublication(this IQueryable<Article> articles, DateTime nowUtc) =>
        articles.Where(a => a.Status == ArticleStatus.Scheduled && a.PublishedAt <= nowUtc);

    /// <summary>Publishes the article if it is still scheduled and due; reports whether this call did.</summary>
    public static async Task<bool> TryPublishDueAsync(this IQueryable<Article> articles, int articleId, DateTime nowUtc, CancellationToken ct = default)
    {
        var changed = await articles.Where(a => a.Id == articleId).DueForPublication(nowUtc)
            .ExecuteUpdateAsync(set => set
                .SetProperty(a => a.Status, ArticleStatus.Published)
                .SetProperty(a => a.UpdatedAt, nowUtc), ct);
        return changed == 1;
    }
}
