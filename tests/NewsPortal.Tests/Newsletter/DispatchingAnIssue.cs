using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using NewsPortal.Core.Mail;
using NewsPortal.Core.Newsletter;
using NewsPortal.Tests.Infrastructure;

namespace NewsPortal.Tests.Newsletter;

/// <summary>The dispatcher against a mail server that refuses, stalls, dies and comes back, and a portal that stops mid-issue.</summary>
public class DispatchingAnIssue
{
    private static string[] Addresses(string prefix, int count) =>
        Enumerable.Range(1, count).Select(i => $"{prefix}-{i}@example.com").ToArray();

    private static Dictionary<string, int> CopiesPerAddress(TestSmtpServer smtp, string subject) =>
        smtp.Messages().Where(m => m.Subject == subject)
            .GroupBy(m => m.To.Mailboxes.Single().Address).ToDictionary(g => g.Key, g => g.Count());

    [Fact]
    public async Task TemporaryRefusalsAreRetriedAfterABackoffAndArrive()
    {
        await using var smtp = await TestSmtpServer.StartAsync(new SmtpBehaviour(SoftFail: "^soft-"));
        await using var portal = await NewsletterPortal.StartAsync(smtp);
        var soft = Addresses("soft", 3);
        var fine = Addresses("fine", 3);
        await portal.ConfirmedSubscribersAsync([.. soft, .. fine]);

        var issue = await portal.SendIssueAsync();
        await Eventually.HoldsAsync(async () =>
        {
            var rows = await portal.DeliveriesAsync(issue);
            return rows.Count(d => d.Status == DeliveryStatus.Waiting && d.Attempts == 1) == 3 && rows.Count(d => d.Status == DeliveryStatus.Sent) == 3;
        });
        Assert.All(fine, a => Assert.Single(smtp.MessagesTo(a)));
        Assert.All(soft, a => Assert.Empty(smtp.MessagesTo(a)));
        var waiting = (await portal.DeliveriesAsync(issue)).Where(d => d.Status == DeliveryStatus.Waiting).ToList();
        Assert.All(waiting, d => Assert.Equal(portal.Clock.GetUtcNow().UtcDateTime + Delivery.Backoff(1), d.NextAttemptAt));
        Assert.All(waiting, d => Assert.StartsWith("451", d.LastError));

        portal.Advance(Delivery.Backoff(1) + TimeSpan.FromSeconds(1));
        await portal.WaitUntilSentAsync(issue);
        Assert.All(soft, a => Assert.Single(smtp.MessagesTo(a)));
        Assert.All(soft, a => Assert.Equal(2, smtp.AttemptsFor(a)));
        Assert.All(await portal.DeliveriesAsync(issue), d => Assert.Equal(DeliveryStatus.Sent, d.Status));
    }

    [Fact]
    public async Task ARetryGoesOutWhenItFallsDueNotAtTheNextPoll()
    {
        await using var smtp = await TestSmtpServer.StartAsync(new SmtpBehaviour(SoftFail: "^soft-"));
        await using var portal = await NewsletterPortal.StartAsync(smtp, settings: new() { ["Newsletter:PollSeconds"] = "3600" });
        await portal.ConfirmedSubscribersAsync("soft-1@example.com", "fine-1@example.com");

        var issue = await portal.SendIssueAsync();
        await Eventually.HoldsAsync(async () => (await portal.DeliveriesAsync(issue)).Any(d => d.Status == DeliveryStatus.Waiting && d.Attempts == 1));
        // Exactly the backoff, an hour before the next poll, and no wake-up call: only the retry's own time can start it.
        portal.Clock.Advance(Delivery.Backoff(1));
        await portal.WaitUntilSentAsync(issue);
        Assert.Single(smtp.MessagesTo("soft-1@example.com"));
    }

    [Fact]
    public async Task PermanentRefusalsBounceTheAddressWhichIsNeverTriedAgain()
    {
        await using var smtp = await TestSmtpServer.StartAsync(new SmtpBehaviour(HardFail: "^gone-"));
        await using var portal = await NewsletterPortal.StartAsync(smtp);
        var gone = Addresses("gone", 2);
        var fine = Addresses("fine", 4);
        await portal.ConfirmedSubscribersAsync([.. gone, .. fine]);

        var first = await portal.SendIssueAsync("العدد الأول");
        await portal.WaitUntilSentAsync(first);
        Assert.All(fine, a => Assert.Single(smtp.MessagesTo(a)));
        var deliveries = await portal.DeliveriesAsync(first);
        Assert.Equal(2, deliveries.Count(d => d.Status == DeliveryStatus.Failed && d.Attempts == 1 && d.LastError!.StartsWith("550")));
        var statuses = await portal.WithDbAsync(db => db.Subscribers.Where(s => s.Email.StartsWith("gone-")).Select(s => s.Status).ToListAsync());
        Assert.All(statuses, s => Assert.Equal(SubscriberStatus.Bounced, s));

        portal.Advance(TimeSpan.FromDays(1));
        var second = await portal.SendIssueAsync("العدد الثاني");
        await portal.WaitUntilSentAsync(second);
        Assert.All(gone, a => Assert.Equal(1, smtp.AttemptsFor(a)));
        Assert.All(fine, a => Assert.Equal(2, smtp.MessagesTo(a).Count));
        Assert.Equal(4, (await portal.IssueAsync(second)).Recipients);
    }

    [Fact]
    public async Task WhenTheMailServerGoesDownMidIssueItWaitsRetriesAndFinishesOnceItIsBack()
    {
        await using var smtp = await TestSmtpServer.StartAsync(new SmtpBehaviour(DelayMs: 25));
        await using var portal = await NewsletterPortal.StartAsync(smtp);
        var everyone = Addresses("reader", 30);
        await portal.ConfirmedSubscribersAsync(everyone);

        var issue = await portal.SendIssueAsync();
        await Eventually.HoldsAsync(() => Task.FromResult(smtp.Count >= 4));
        await smtp.StopAsync();
        await Eventually.HoldsAsync(async () =>
        {
            var rows = await portal.DeliveriesAsync(issue);
            return rows.All(d => d.Status != DeliveryStatus.Sending) && rows.Any(d => d.Status == DeliveryStatus.Waiting && d.Attempts > 0);
        }, because: "the failed attempts were not recorded for a retry");
        Assert.Equal(IssueStatus.Sending, (await portal.IssueAsync(issue)).Status);

        await smtp.RestartAsync(new SmtpBehaviour());
        portal.Advance(Delivery.Backoff(1) + TimeSpan.FromSeconds(1));
        await portal.WaitUntilSentAsync(issue);

        var copies = CopiesPerAddress(smtp, "نشرة الصباح");
        Assert.All(everyone, a => Assert.True(copies.GetValueOrDefault(a) >= 1, $"{a} got nothing"));
        // A server killed between storing a message and answering for it makes the only possible repeats.
        Assert.True(copies.Values.Sum(c => c - 1) <= 2, "more repeats than open connections");
    }

    [Fact]
    public async Task AfterAGracefulStopMidIssueARestartSendsEveryoneExactlyOneCopy()
    {
        var database = TestDatabase.NewPath("newsportal-restart");
        await using var smtp = await TestSmtpServer.StartAsync(new SmtpBehaviour(DelayMs: 30));
        var everyone = Addresses("reader", 60);
        try
        {
            int issue;
            await using (var first = await NewsletterPortal.StartAsync(smtp, database))
            {
                await first.ConfirmedSubscribersAsync(everyone);
                issue = await first.SendIssueAsync();
                await Eventually.HoldsAsync(() => Task.FromResult(smtp.Count >= 5));
            }
            var afterStop = smtp.Count;
            Assert.True(afterStop < everyone.Length, "the issue finished before the stop; nothing was tested");

            await using (var second = await NewsletterPortal.StartAsync(smtp, database))
            {
                await second.WaitUntilSentAsync(issue);
            }
            var copies = CopiesPerAddress(smtp, "نشرة الصباح");
            Assert.All(everyone, a => Assert.Equal(1, copies.GetValueOrDefault(a)));
        }
        finally
        {
            await TestDatabase.DeleteAsync(database);
        }
    }

    [Fact]
    public async Task TheSendingSocketHasNaglesAlgorithmOff()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var portal = await NewsletterPortal.StartAsync(smtp);
        var transport = portal.Services.GetRequiredService<IMailTransport>();

        await using var session = await transport.OpenSessionAsync();
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("newsletter@news.example"));
        message.To.Add(MailboxAddress.Parse("socket@example.com"));
        message.Subject = "اختبار";
        message.Body = new TextPart("plain") { Text = "نص" };
        await session.SendAsync(message);

        var socket = Assert.IsType<SmtpMailSession>(session).Socket;
        Assert.NotNull(socket);
        Assert.True(socket.Connected);
        Assert.True(socket.NoDelay, "Nagle's algorithm is on: every SMTP command would wait for a delayed ACK");
        Assert.Single(smtp.MessagesTo("socket@example.com"));
    }
}
