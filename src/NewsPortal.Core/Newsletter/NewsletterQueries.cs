using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.Reading;

namespace NewsPortal.Core.Newsletter;

/// <summary>The named questions the newsletter asks of the database.</summary>
public static class NewsletterQueries
{
    /// <summary>A first issue, with no previous one to count from, looks back this far.</summary>
    public static readonly TimeSpan FirstIssueLookBack = TimeSpan.FromDays(7);

    public static IQueryable<Subscriber> WithStatus(this IQueryable<Subscriber> subscribers, SubscriberStatus? status) =>
        status is null ? subscribers : subscribers.Where(s => s.Status == status);

    public static IQueryable<Subscriber> Matching(this IQueryable<Subscriber> subscribers, string? search)
    {
        search = search?.Trim().ToLowerInvariant();
        return string.IsNullOrEmpty(search) ? subscribers : subscribers.Where(s => s.Email.Contains(search));
    }

    /// <summary>Issues that never started sending (drafts, and scheduled ones whose time has not come): they may still be deleted.</summary>
    public static IQueryable<NewsletterIssue> Unsent(this IQueryable<NewsletterIssue> issues) =>
        issues.Where(i => i.Status == IssueStatus.Draft || i.Status == IssueStatus.Scheduled);

    /// <summary>
    /// Rows a dispatcher may claim now: waiting ones whose time has come, and claimed ones whose lease
    /// ran out (their dispatcher died). Used both to pick rows and, again, as the condition of the
    /// claiming update, so a row another dispatcher took in between is left alone.
    /// </summary>
    public static IQueryable<Delivery> ClaimableAt(this IQueryable<Delivery> deliveries, DateTime nowUtc) =>
        deliveries.Where(d => (d.Status == DeliveryStatus.Waiting && d.NextAttemptAt <= nowUtc)
            || (d.Status == DeliveryStatus.Sending && d.ClaimedUntil <= nowUtc));

    /// <summary>The articles an issue carries, as readers may see them now, in the issue's order.</summary>
    public static async Task<IReadOnlyList<ArticleCard>> ArticlesForAsync(this NewsDbContext db, NewsletterIssue issue, DateTime nowUtc, CancellationToken ct = default)
    {
        var published = db.Articles.AsNoTracking().Published(nowUtc);
        if (issue.Selection == ArticleSelection.SinceLastIssue && issue.Status is IssueStatus.Draft or IssueStatus.Scheduled)
        {
            var since = await db.NewsletterIssues.AsNoTracking()
                .Where(i => i.Id != issue.Id && i.StartedAt != null)
                .MaxAsync(i => i.StartedAt, ct) ?? nowUtc - FirstIssueLookBack;
            return await published.Where(a => a.PublishedAt > since).Newest().Take(NewsletterIssue.MaxArticles).ToCards().ToListAsync(ct);
        }
        var ids = issue.ArticleIds;
        var cards = await published.Where(a => ids.Contains(a.Id)).ToCards().ToListAsync(ct);
        return cards.OrderBy(c => ids.IndexOf(c.Id)).ToList();
    }

    /// <summary>Where an issue stands: the numbers behind the admin's progress bar.</summary>
    public static async Task<IssueProgress> ProgressAsync(this NewsDbContext db, NewsletterIssue issue, DateTime nowUtc, CancellationToken ct = default)
    {
        var counts = await db.Deliveries.AsNoTracking().Where(d => d.IssueId == issue.Id)
            .GroupBy(d => d.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(ct);
        int Count(DeliveryStatus status) => counts.FirstOrDefault(c => c.Status == status)?.Count ?? 0;
        var recent = nowUtc - IssueProgress.RateWindow;
        var sentRecently = await db.Deliveries.AsNoTracking().CountAsync(d => d.IssueId == issue.Id && d.Status == DeliveryStatus.Sent && d.SentAt >= recent, ct);
        var elapsed = issue.StartedAt is { } started ? nowUtc - started : TimeSpan.Zero;
        var window = elapsed > TimeSpan.Zero && elapsed < IssueProgress.RateWindow ? elapsed : IssueProgress.RateWindow;
        return new IssueProgress(issue.Status, issue.Recipients, Count(DeliveryStatus.Sent), Count(DeliveryStatus.Failed),
            Count(DeliveryStatus.Waiting) + Count(DeliveryStatus.Sending), Count(DeliveryStatus.Skipped),
            sentRecently / Math.Max(1, window.TotalSeconds));
    }
}

public sealed record IssueProgress(IssueStatus Status, int Total, int Sent, int Failed, int Waiting, int Skipped, double PerSecond)
{
    public static readonly TimeSpan RateWindow = TimeSpan.FromSeconds(30);

    public int Done => Sent + Failed + Skipped;

    public int Percent => Total == 0 ? (Status == IssueStatus.Sent ? 100 : 0) : (int)Math.Round(100.0 * Done / Total);

    /// <summary>Seconds left at the current pace; null while there is no pace to go by.</summary>
    public int? SecondsLeft => Waiting == 0 ? 0 : PerSecond > 0 ? (int)Math.Ceiling(Waiting / PerSecond) : null;
}
