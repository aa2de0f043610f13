using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Newsletter;
using NewsPortal.Tests.Infrastructure;

namespace NewsPortal.Tests.Newsletter;

/// <summary>Portals sharing one database, each with its own dispatcher, as several instances behind a load balancer.</summary>
public class SeveralDispatchers
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Newsletter:Connections"] = "2",
        ["Newsletter:BatchSize"] = "20",
    };

    /// <summary>One SMTP connection and a five-minute lease: with the server holding a message, one batch is in flight while time passes.</summary>
    private static readonly Dictionary<string, string?> OneConnectionFiveMinuteLease = new()
    {
        ["Newsletter:Connections"] = "1",
        ["Newsletter:BatchSize"] = "20",
        ["Newsletter:LeaseSeconds"] = "300",
    };

    [Fact]
    public async Task TwoPortalsSendingOneIssueTogetherGiveEverySubscriberExactlyOneCopy()
    {
        var database = TestDatabase.NewPath("newsportal-shared");
        // Every message is held unanswered at first: once four are held, both portals' two connections
        // are busy at once on rows each claimed for itself.
        await using var smtp = await TestSmtpServer.StartAsync(new SmtpBehaviour(HoldAfter: 0));
        var everyone = Enumerable.Range(1, 300).Select(i => $"shared-{i}@example.com").ToArray();
        try
        {
            await using var first = await NewsletterPortal.StartAsync(smtp, database, Settings);
            await using var second = await NewsletterPortal.StartAsync(smtp, database, Settings);
            await first.ConfirmedSubscribersAsync(everyone);
            var issue = await first.WithDbAsync(async db =>
            {
                var now = first.Clock.GetUtcNow().UtcDateTime;
                var made = new NewsletterIssue("نشرة مشتركة", null, ArticleSelection.Chosen, [], now, "test");
                made.SendNow(now);
                db.NewsletterIssues.Add(made);
                await db.SaveChangesAsync();
                return made.Id;
            });
            // Both see the issue due at the same moment; only one may make its delivery rows.
            var dispatchers = new[] { first, second }.Select(p => p.Services.GetRequiredService<NewsletterDispatcher>()).ToArray();
            foreach (var dispatcher in dispatchers) dispatcher.Wake();

            await Eventually.HoldsAsync(() => Task.FromResult(smtp.Held == 4), TimeSpan.FromSeconds(60),
                "the two portals did not both send at once");
            await smtp.ReleaseAsync();
            await first.WaitUntilSentAsync(issue, TimeSpan.FromSeconds(90));

            var copies = smtp.Messages().GroupBy(m => m.To.Mailboxes.Single().Address).ToDictionary(g => g.Key, g => g.Count());
            Assert.All(everyone, a => Assert.Equal(1, copies.GetValueOrDefault(a)));
            var deliveries = await first.DeliveriesAsync(issue);
            Assert.Equal(everyone.Length, deliveries.Count);
            Assert.Equal(everyone.Length, (await first.IssueAsync(issue)).Recipients);
            Assert.All(deliveries, d => Assert.Equal(DeliveryStatus.Sent, d.Status));
            Assert.Equal(dispatchers.Select(d => d.InstanceId).Order(), deliveries.Select(d => d.ClaimedBy!).Distinct().Order());
        }
        finally
        {
            await TestDatabase.DeleteAsync(database);
        }
    }

    [Fact]
    public async Task RowsClaimedByADeadDispatcherAreTakenOverOnceTheirLeaseRunsOutAndNotBefore()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var portal = await NewsletterPortal.StartAsync(smtp);
        var free = Enumerable.Range(1, 3).Select(i => $"free-{i}@example.com").ToArray();
        var orphaned = Enumerable.Range(1, 3).Select(i => $"orphaned-{i}@example.com").ToArray();
        var subscribers = await portal.ConfirmedSubscribersAsync([.. orphaned, .. free]);
        var orphanedIds = subscribers.Where(s => s.Email.StartsWith("orphaned-")).Select(s => s.Id).ToList();
        var lease = TimeSpan.FromMinutes(5);

        // An issue a dispatcher that has since died was sending: half its rows still claimed by it.
        var issue = await portal.WithDbAsync(async db =>
        {
            var now = portal.Clock.GetUtcNow().UtcDateTime;
            await using var transaction = await db.Database.BeginTransactionAsync();
            var made = new NewsletterIssue("نشرة يتيمة", null, ArticleSelection.Chosen, [], now, "test");
            made.SendNow(now);
            made.Start([], subscribers.Count, now);
            db.NewsletterIssues.Add(made);
            await db.SaveChangesAsync();
            db.Deliveries.AddRange(subscribers.Select(s => new Delivery(made.Id, s.Id, now)));
            await db.SaveChangesAsync();
            var until = now + lease;
            await db.Deliveries.Where(d => d.IssueId == made.Id && orphanedIds.Contains(d.SubscriberId))
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Sending)
                    .SetProperty(d => d.ClaimedBy, "dead-host/1/000000000000").SetProperty(d => d.ClaimedUntil, until));
            await transaction.CommitAsync();
            return made.Id;
        });
        portal.Services.GetRequiredService<NewsletterDispatcher>().Wake();

        // The free rows come after the claimed ones, so the rounds that sent them passed the claimed rows by.
        await Eventually.HoldsAsync(async () => (await portal.DeliveriesAsync(issue)).Count(d => d.Status == DeliveryStatus.Sent) == free.Length);
        var waiting = (await portal.DeliveriesAsync(issue)).Where(d => d.Status != DeliveryStatus.Sent).ToList();
        Assert.Equal(orphaned.Length, waiting.Count);
        Assert.All(waiting, d => Assert.Equal("dead-host/1/000000000000", d.ClaimedBy));
        Assert.All(orphaned, a => Assert.Equal(0, smtp.AttemptsFor(a)));
        Assert.Equal(IssueStatus.Sending, (await portal.IssueAsync(issue)).Status);

        portal.Advance(lease);
        await portal.WaitUntilSentAsync(issue);
        Assert.All([.. orphaned, .. free], a => Assert.Single(smtp.MessagesTo(a)));
        var instance = portal.Services.GetRequiredService<NewsletterDispatcher>().InstanceId;
        Assert.All(await portal.DeliveriesAsync(issue), d => Assert.Equal(instance, d.ClaimedBy));
    }

    [Fact]
    public async Task ABatchStillGoingOutKeepsItsRowsPastTheLeaseItWasClaimedFor()
    {
        // One message goes through, the next is left unanswered: the batch is in flight while time passes.
        await using var smtp = await TestSmtpServer.StartAsync(new SmtpBehaviour(HoldAfter: 1));
        await using var portal = await NewsletterPortal.StartAsync(smtp, settings: OneConnectionFiveMinuteLease);
        var everyone = Enumerable.Range(1, 5).Select(i => $"slow-{i}@example.com").ToArray();
        await portal.ConfirmedSubscribersAsync(everyone);
        var issue = await portal.SendIssueAsync("نشرة على خادم بطيء");
        await Eventually.HoldsAsync(() => Task.FromResult(smtp.Held == 1), TimeSpan.FromSeconds(30), "no message was held");
        var claimedAt = portal.Clock.GetUtcNow().UtcDateTime;
        var inFlight = (await portal.DeliveriesAsync(issue)).Where(d => d.Status == DeliveryStatus.Sending).ToList();
        Assert.Equal(4, inFlight.Count);
        Assert.All(inFlight, d => Assert.Equal(claimedAt.AddSeconds(300), d.ClaimedUntil));

        // A third of a lease at a time, past the end of the first one.
        for (var step = 1; step <= 4; step++)
        {
            portal.Advance(TimeSpan.FromSeconds(100));
            var renewedUntil = claimedAt.AddSeconds(100 * step + 300);
            await Eventually.HoldsAsync(async () => (await portal.DeliveriesAsync(issue))
                .Where(d => d.Status == DeliveryStatus.Sending).All(d => d.ClaimedUntil == renewedUntil),
                TimeSpan.FromSeconds(30), $"the lease was not renewed at step {step}");
        }
        var now = portal.Clock.GetUtcNow().UtcDateTime;
        Assert.True(now > claimedAt.AddSeconds(300));
        Assert.Empty(await portal.WithDbAsync(db => db.Deliveries.AsNoTracking().Where(d => d.IssueId == issue).ClaimableAt(now).ToListAsync()));

        await smtp.ReleaseAsync();
        await portal.WaitUntilSentAsync(issue);
        Assert.All(everyone, a => Assert.Single(smtp.MessagesTo(a)));
    }

    [SqliteConfigurationFact]
    public async Task ABatchWhoseLeaseCannotBeRenewedStartsNoMessageInItsLastThirdAndHandsItsRowsBack()
    {
        await using var smtp = await TestSmtpServer.StartAsync(new SmtpBehaviour(HoldAfter: 1));
        await using var portal = await NewsletterPortal.StartAsync(smtp, settings: OneConnectionFiveMinuteLease);
        var everyone = Enumerable.Range(1, 5).Select(i => $"cut-off-{i}@example.com").ToArray();
        await portal.ConfirmedSubscribersAsync(everyone);
        // The database refuses to move a claim's end later, as for a dispatcher that can no longer
        // reach it; and it notes every row handed back from Sending to Waiting.
        await portal.WithDbAsync(async db =>
        {
            await db.Database.ExecuteSqlRawAsync("""
                CREATE TRIGGER "RefuseRenewals" BEFORE UPDATE OF "ClaimedUntil" ON "Deliveries"
                WHEN OLD."Status" = 1 AND NEW."Status" = 1 AND NEW."ClaimedUntil" > OLD."ClaimedUntil"
                BEGIN SELECT RAISE(ABORT, 'renewal refused'); END
                """);
            await db.Database.ExecuteSqlRawAsync("""CREATE TABLE "HandedBack" ("DeliveryId" INTEGER NOT NULL)""");
            return await db.Database.ExecuteSqlRawAsync("""
                CREATE TRIGGER "NoteHandedBack" AFTER UPDATE OF "Status" ON "Deliveries"
                WHEN OLD."Status" = 1 AND NEW."Status" = 0
                BEGIN INSERT INTO "HandedBack" VALUES (NEW."Id"); END
                """);
        });

        var issue = await portal.SendIssueAsync("نشرة بلا تجديد");
        await Eventually.HoldsAsync(() => Task.FromResult(smtp.Held == 1), TimeSpan.FromSeconds(30), "no message was held");
        // Into the lease's last third, with its renewals refused: the message in flight finishes,
        // and the three not yet begun are not started under this claim.
        portal.Advance(TimeSpan.FromSeconds(201));
        await smtp.ReleaseAsync();
        await portal.WaitUntilSentAsync(issue);

        var handedBack = await portal.WithDbAsync(db => db.Database.SqlQueryRaw<long>("""SELECT "DeliveryId" AS "Value" FROM "HandedBack" """).ToListAsync());
        Assert.Equal(3, handedBack.Count);
        // Claimed again at once with a lease of their own, they went out: everyone got one copy.
        Assert.All(everyone, a => Assert.Single(smtp.MessagesTo(a)));
        Assert.All(await portal.DeliveriesAsync(issue), d => Assert.Equal(DeliveryStatus.Sent, d.Status));
    }
}
