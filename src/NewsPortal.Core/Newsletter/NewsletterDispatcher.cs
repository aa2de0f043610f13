using System.Collections.Concurrent;
using System.Threading.Channels;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using NewsPortal.Core.Data;
using NewsPortal.Core.Mail;

namespace NewsPortal.Core.Newsletter;

/// <summary>
/// Sends what the newsletter owes: confirmation emails, then the issues whose time has come.
/// An issue becomes one delivery row per confirmed subscriber; rows are claimed in batches under a
/// lease, sent over a few kept-open connections in parallel, and each outcome is saved as soon as the
/// server has answered. The database is the only memory: after a restart the dispatcher carries on
/// from the rows, and after a crash it takes over the rows whose lease ran out.
/// </summary>
public sealed class NewsletterDispatcher(
    IServiceScopeFactory scopes,
    IMailTransport transport,
    NewsletterComposer composer,
    ConfirmationTokens confirmationTokens,
    IOptions<NewsletterOptions> options,
    TimeProvider clock,
    ILogger<NewsletterDispatcher> logger) : BackgroundService
{
    private const int ConfirmationsPerRound = 50;

    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentDictionary<int, IssueContent> _contents = new();

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Names this dispatcher on the rows it claims; unique per start, so a restarted process never mistakes a dead one's claims for its own.</summary>
    public string InstanceId { get; } = NewInstanceId();

    private static string NewInstanceId()
    {
        var host = Environment.MachineName;
        if (host.Length > 60) host = host[..60];
        return $"{host}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..12]}";
    }

    // Primary constructor parameters are not visible to the nested lanes.
    private IServiceScopeFactory Scopes => scopes;
    private IMailTransport Transport => transport;
    private NewsletterComposer Composer => composer;
    private ILogger Logger => logger;
    private TimeSpan LeaseLength => TimeSpan.FromSeconds(options.Value.LeaseSeconds);

    /// <summary>Something changed (a sign-up, an issue to send): look now instead of at the next poll.</summary>
    public void Wake() => Interlocked.Exchange(ref _signal, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var lanes = Enumerable.Range(0, options.Value.Connections).Select(_ => new Lane(this)).ToArray();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var signal = Volatile.Read(ref _signal).Task;
                var started = Now;
                var busy = false;
                try
                {
                    busy = await RunOnceAsync(lanes, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(e, "The newsletter dispatcher failed a round; it tries again shortly.");
                }
                if (busy) continue;
                // Nothing to do: let connections go rather than hold them open idle.
                foreach (var lane in lanes) await lane.CloseAsync();
                // Counted from the start of the round, so time that passed during it is not waited again;
                // cut short when a retry, a scheduled issue or a dead dispatcher's lease falls due sooner.
                var wake = started + TimeSpan.FromSeconds(options.Value.PollSeconds);
                try
                {
                    if (await NextDueAsync(stoppingToken) is { } due && due < wake) wake = due;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogError(e, "The newsletter dispatcher could not look up its next due time.");
                }
                var wait = wake - Now;
                if (wait > TimeSpan.Zero) await Task.WhenAny(signal, Task.Delay(wait, clock, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var lane in lanes) await lane.CloseAsync();
        }
    }

    /// <summary>One round of work; true when there may be more right away.</summary>
    private async Task<bool> RunOnceAsync(IReadOnlyList<Lane> lanes, CancellationToken ct)
    {
        var confirmations = await SendOwedConfirmationsAsync(ct);
        await StartDueIssuesAsync(ct);
        var (batch, lostRace) = await ClaimAsync(ct);
        if (batch.Count == 0)
        {
            await FinishDrainedIssuesAsync(ct);
            // Rows were there but another dispatcher took them first: look again for the next ones.
            return lostRace || confirmations == ConfirmationsPerRound;
        }
        await SendAsync(batch, lanes, ct);
        return true;
    }

    private async Task<int> SendOwedConfirmationsAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var owed = await db.Subscribers.Where(s => s.Status == SubscriberStatus.Pending && s.ConfirmationSentAt == null)
            .OrderBy(s => s.Id).Take(ConfirmationsPerRound).ToListAsync(ct);
        if (owed.Count == 0) return 0;
        await using var session = await transport.OpenSessionAsync(ct);
        var sent = 0;
        foreach (var subscriber in owed)
        {
            try
            {
                await session.SendAsync(composer.Confirmation(subscriber.Email, confirmationTokens.Create(subscriber, Now)), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The mail server is unwell; the confirmation stays owed and goes at a later round.
                logger.LogWarning(e, "Could not send a newsletter confirmation email.");
                break;
            }
            subscriber.RecordConfirmationSent(Now);
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
                sent++;
            }
            catch (DbUpdateConcurrencyException)
            {
                // The address signed up again meanwhile; that newer request gets its own email.
                db.ChangeTracker.Clear();
            }
        }
        return sent;
    }

    /// <summary>
    /// Turns each due issue into its delivery rows, exactly once however many dispatchers see it due
    /// at the same moment: a conditional update of the issue opens the transaction and takes the
    /// row's write lock; a second dispatcher's update waits for it and then finds the issue no longer
    /// scheduled, changes nothing and moves on. A crash before the commit leaves the issue scheduled.
    /// </summary>
    private async Task StartDueIssuesAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var now = Now;
        var due = await db.NewsletterIssues.AsNoTracking().Where(i => i.Status == IssueStatus.Scheduled && i.ScheduledAt <= now)
            .OrderBy(i => i.ScheduledAt).Select(i => i.Id).ToListAsync(ct);
        foreach (var id in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var won = await db.NewsletterIssues.Where(i => i.Id == id && i.Status == IssueStatus.Scheduled && i.ScheduledAt <= now)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.UpdatedAt, now), ct);
            if (won == 0) continue;
            var issue = await db.NewsletterIssues.SingleAsync(i => i.Id == id, ct);
            var articles = await db.ArticlesForAsync(issue, now, ct);
            // One standard INSERT ... SELECT for every recipient (the same on SQLite and PostgreSQL), not
            // thousands of tracked entities; the unique (issue, subscriber) index stands behind "once".
            var recipients = await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Deliveries" ("IssueId", "SubscriberId", "Status", "Attempts", "NextAttemptAt")
                SELECT {issue.Id}, "Id", {(int)DeliveryStatus.Waiting}, 0, {now} FROM "Subscribers" WHERE "Status" = {(int)SubscriberStatus.Confirmed}
                """, ct);
            issue.Start(articles.Select(a => a.Id).ToList(), recipients, now);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            logger.LogInformation("Newsletter issue {Issue} started for {Recipients} subscriber(s).", issue.Id, recipients);
        }
    }

    /// <summary>
    /// Takes the next due rows under a lease in two portable steps: pick candidates, then claim them
    /// with one conditional update that repeats the "claimable" test, so a row another dispatcher
    /// claimed in between is not taken again (its status or lease no longer match). The rows that
    /// now carry this instance's name are the batch. LostRace: there were candidates, all taken.
    /// </summary>
    private async Task<(List<Delivery> Batch, bool LostRace)> ClaimAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var now = Now;
        var until = now.AddSeconds(options.Value.LeaseSeconds);
        var candidates = await db.Deliveries.AsNoTracking().ClaimableAt(now)
            .Where(d => db.NewsletterIssues.Any(i => i.Id == d.IssueId && i.Status == IssueStatus.Sending))
            .OrderBy(d => d.Id).Select(d => d.Id).Take(options.Value.BatchSize).ToListAsync(ct);
        if (candidates.Count == 0) return ([], false);
        var instance = InstanceId;
        await db.Deliveries.Where(d => candidates.Contains(d.Id)).ClaimableAt(now)
            .ExecuteUpdateAsync(s => s
                .SetProperty(d => d.Status, DeliveryStatus.Sending)
                .SetProperty(d => d.ClaimedBy, instance)
                .SetProperty(d => d.ClaimedUntil, until), ct);
        var batch = await db.Deliveries.AsNoTracking()
            .Where(d => candidates.Contains(d.Id) && d.Status == DeliveryStatus.Sending && d.ClaimedBy == instance)
            .OrderBy(d => d.Id).ToListAsync(ct);
        return (batch, batch.Count == 0);
    }

    /// <summary>The earliest moment something becomes claimable or due without anyone waking the dispatcher.</summary>
    private async Task<DateTime?> NextDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var sending = db.Deliveries.AsNoTracking().Where(d => db.NewsletterIssues.Any(i => i.Id == d.IssueId && i.Status == IssueStatus.Sending));
        var retry = await sending.Where(d => d.Status == DeliveryStatus.Waiting).MinAsync(d => (DateTime?)d.NextAttemptAt, ct);
        var lease = await sending.Where(d => d.Status == DeliveryStatus.Sending).MinAsync(d => d.ClaimedUntil, ct);
        var scheduled = await db.NewsletterIssues.AsNoTracking().Where(i => i.Status == IssueStatus.Scheduled).MinAsync(i => i.ScheduledAt, ct);
        return new[] { retry, lease, scheduled }.Where(t => t is not null).Min();
    }

    private async Task FinishDrainedIssuesAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        var drained = await db.NewsletterIssues
            .Where(i => i.Status == IssueStatus.Sending
                && !db.Deliveries.Any(d => d.IssueId == i.Id && (d.Status == DeliveryStatus.Waiting || d.Status == DeliveryStatus.Sending)))
            .ToListAsync(ct);
        foreach (var issue in drained)
        {
            issue.Finish(Now);
            _contents.TryRemove(issue.Id, out _);
            logger.LogInformation("Newsletter issue {Issue} finished.", issue.Id);
        }
        if (drained.Count > 0) await db.SaveChangesAsync(ct);
    }

    private async Task SendAsync(List<Delivery> batch, IReadOnlyList<Lane> lanes, CancellationToken stopping)
    {
        Dictionary<int, Recipient> recipients;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            var ids = batch.Select(d => d.SubscriberId).Distinct().ToList();
            recipients = await db.Subscribers.AsNoTracking().Where(s => ids.Contains(s.Id))
                .Select(s => new Recipient(s.Id, s.Email, s.UnsubscribeToken, s.Status))
                .ToDictionaryAsync(r => r.Id, stopping);
            foreach (var issueId in batch.Select(d => d.IssueId).Distinct())
            {
                if (_contents.ContainsKey(issueId)) continue;
                var issue = await db.NewsletterIssues.AsNoTracking().SingleAsync(i => i.Id == issueId, stopping);
                _contents[issueId] = composer.Render(issue.Subject, issue.Intro, await db.ArticlesForAsync(issue, Now, stopping));
            }
        }

        var queue = Channel.CreateUnbounded<Delivery>();
        foreach (var delivery in batch) queue.Writer.TryWrite(delivery);
        queue.Writer.Complete();
        var done = new ConcurrentBag<long>();
        var lease = new Lease(batch.Min(d => d.ClaimedUntil) ?? Now);
        using (var drained = CancellationTokenSource.CreateLinkedTokenSource(stopping))
        {
            var renewing = RenewAsync(batch.Select(d => d.Id).ToList(), lease, drained.Token);
            await using (var outcomes = new OutcomeWriter(this))
            {
                await Task.WhenAll(lanes.Select(lane => lane.DrainAsync(queue.Reader, recipients, outcomes, done, lease, stopping)));
            }
            await drained.CancelAsync();
            await renewing;
        }

        // Stopping, or a lease that could not be renewed: what this dispatcher claimed but did not try
        // goes back at once, for the next round or the next start.
        var untried = batch.Select(d => d.Id).Except(done).ToList();
        if (untried.Count > 0)
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            var instance = InstanceId;
            await db.Deliveries.Where(d => untried.Contains(d.Id) && d.Status == DeliveryStatus.Sending && d.ClaimedBy == instance)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Waiting).SetProperty(d => d.ClaimedUntil, (DateTime?)null), CancellationToken.None);
        }
    }

    private sealed record Recipient(int Id, string Email, string UnsubscribeToken, SubscriberStatus Status);

    /// <summary>Until when this dispatcher's claim on its batch is known to hold in the database.</summary>
    private sealed class Lease(DateTime until)
    {
        private long _until = until.Ticks;

        public DateTime Until
        {
            get => new(Interlocked.Read(ref _until), DateTimeKind.Utc);
            set => Interlocked.Exchange(ref _until, value.Ticks);
        }
    }

    /// <summary>
    /// Keeps the batch's rows claimed while its messages go out, however slow the mail server: every
    /// third of a lease the rows still being sent get a full lease again. A lease that ran out before a
    /// renewal got through stays out: its rows may belong to another dispatcher by then.
    /// </summary>
    private async Task RenewAsync(List<long> ids, Lease lease, CancellationToken ct)
    {
        var length = LeaseLength;
        var instance = InstanceId;
        // Renewals keep their beat: the wait for the next one starts before this one is written, so
        // a slow write does not push every later renewal back, and whoever sees a renewal in the
        // database knows the timer of the next one is already running.
        var tick = Task.Delay(length / 3, clock, ct);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await tick;
                tick = Task.Delay(length / 3, clock, ct);
                var now = Now;
                // Lapsed (renewals failed for a whole lease): the lanes have stopped, and a row another
                // dispatcher may have taken meanwhile is not claimed back.
                if (now >= lease.Until) return;
                var until = now + length;
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
                await db.Deliveries.Where(d => ids.Contains(d.Id) && d.Status == DeliveryStatus.Sending && d.ClaimedBy == instance && d.ClaimedUntil > now)
                    .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedUntil, until), ct);
                lease.Until = until;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The lanes stop on their own before the lease they know of runs out.
                logger.LogWarning(e, "Could not renew the lease on a newsletter batch.");
            }
        }
    }

    /// <summary>
    /// The one writer of outcomes: whatever the connections report while it is saving goes into its
    /// next transaction (group commit). SQLite takes one writer at a time, and each commit waits
    /// for the disk, so one commit for several outcomes is much faster than one each, and no less
    /// durable: every connection waits for its outcome to be saved before it sends again.
    /// </summary>
    private sealed class OutcomeWriter : IAsyncDisposable
    {
        private readonly NewsletterDispatcher _dispatcher;
        private readonly Channel<(Delivery Delivery, int? Bounced, TaskCompletionSource Saved)> _pending = Channel.CreateUnbounded<(Delivery, int?, TaskCompletionSource)>();
        private readonly Task _writing;

        public OutcomeWriter(NewsletterDispatcher dispatcher)
        {
            _dispatcher = dispatcher;
            _writing = WriteAsync();
        }

        public Task RecordAsync(Delivery delivery, int? bouncedSubscriberId)
        {
            var saved = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _pending.Writer.TryWrite((delivery, bouncedSubscriberId, saved));
            return saved.Task;
        }

        private async Task WriteAsync()
        {
            await using var scope = _dispatcher.Scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
            var group = new List<(Delivery Delivery, int? Bounced, TaskCompletionSource Saved)>();
            while (await _pending.Reader.WaitToReadAsync())
            {
                while (_pending.Reader.TryRead(out var outcome)) group.Add(outcome);
                try
                {
                    foreach (var (delivery, bounced, _) in group)
                    {
                        db.Deliveries.Update(delivery);
                        if (bounced is { } id && await db.Subscribers.FindAsync(id) is { } subscriber) subscriber.Bounce(_dispatcher.Now);
                    }
                    await db.SaveChangesAsync(CancellationToken.None);
                    foreach (var outcome in group) outcome.Saved.TrySetResult();
                }
                catch (Exception e)
                {
                    foreach (var outcome in group) outcome.Saved.TrySetException(e);
                }
                db.ChangeTracker.Clear();
                group.Clear();
            }
        }

        public async ValueTask DisposeAsync()
        {
            _pending.Writer.Complete();
            await _writing;
        }
    }

    /// <summary>One SMTP connection and the database context that records what went through it.</summary>
    private sealed class Lane(NewsletterDispatcher dispatcher)
    {
        private IMailSession? _session;

        internal async Task DrainAsync(ChannelReader<Delivery> queue, Dictionary<int, Recipient> recipients, OutcomeWriter outcomes,
            ConcurrentBag<long> done, Lease lease, CancellationToken stopping)
        {
            var margin = dispatcher.LeaseLength / 3;
            var next = Take(queue, recipients);
            while (next is (var delivery, var recipient, var message) && !stopping.IsCancellationRequested)
            {
                // A message starts only with a third of a lease still ahead: past its end another
                // dispatcher may take the row over, and a message sent then could go out twice.
                if (dispatcher.Now > lease.Until - margin) break;
                var bounced = false;
                if (message is null) delivery.Skip();
                else bounced = await SendOneAsync(delivery, message);
                var saved = outcomes.RecordAsync(delivery, bounced ? recipient!.Id : null);
                // The next message is built while this outcome is committed: work for the processor only,
                // nothing leaves before the commit, so a crash can still repeat at most the one in flight.
                next = stopping.IsCancellationRequested ? null : Take(queue, recipients);
                await saved;
                done.Add(delivery.Id);
            }
        }

        /// <summary>The next delivery and its message; no message when the subscriber left before their turn.</summary>
        private (Delivery Delivery, Recipient? Recipient, MimeMessage? Message)? Take(ChannelReader<Delivery> queue, Dictionary<int, Recipient> recipients)
        {
            if (!queue.TryRead(out var delivery)) return null;
            if (!recipients.TryGetValue(delivery.SubscriberId, out var recipient) || recipient.Status != SubscriberStatus.Confirmed)
            {
                return (delivery, null, null);
            }
            return (delivery, recipient, dispatcher.Composer.ForRecipient(dispatcher._contents[delivery.IssueId], recipient.Email, recipient.UnsubscribeToken));
        }

        /// <summary>Sends one message and applies the outcome to the delivery; true when the address bounced.</summary>
        private async Task<bool> SendOneAsync(Delivery delivery, MimeMessage message)
        {
            try
            {
                _session ??= await dispatcher.Transport.OpenSessionAsync();
                // Not cancelled on shutdown: a message cut off after the server took it would be sent again.
                await _session.SendAsync(message, CancellationToken.None);
                delivery.MarkSent(dispatcher.Now);
                return false;
            }
            catch (SmtpCommandException e) when (IsPermanent(e))
            {
                delivery.Fail($"{(int)e.StatusCode} {e.Message}");
                dispatcher.Logger.LogInformation("Newsletter delivery {Delivery} refused for good: {Status}.", delivery.Id, (int)e.StatusCode);
                return true;
            }
            catch (Exception e)
            {
                var error = e is SmtpCommandException command ? $"{(int)command.StatusCode} {e.Message}" : $"{e.GetType().Name}: {e.Message}";
                delivery.Retry(error, dispatcher.Now);
                dispatcher.Logger.LogWarning("Newsletter delivery {Delivery} failed for now ({Error}); attempt {Attempts}.", delivery.Id, error, delivery.Attempts);
                return false;
            }
        }

        /// <summary>A 5xx answer about this recipient or this message; a refused sender is the portal's problem, not theirs.</summary>
        private static bool IsPermanent(SmtpCommandException e) =>
            (int)e.StatusCode >= 500 && e.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted;

        public async Task CloseAsync()
        {
            if (_session is null) return;
            var session = _session;
            _session = null;
            await session.DisposeAsync();
        }
    }
}
