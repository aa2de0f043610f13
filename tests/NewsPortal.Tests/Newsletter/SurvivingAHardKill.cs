using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.Newsletter;
using NewsPortal.Tests.Infrastructure;

namespace NewsPortal.Tests.Newsletter;

/// <summary>The portal as a real process, killed without warning in the middle of an issue, then started again.</summary>
public class SurvivingAHardKill
{
    private const int Connections = 2;

    [Fact]
    public async Task NobodyIsMissedAndRepeatsAreAtMostOnePerOpenConnection()
    {
        const int acceptedBeforeTheKill = 20;
        var work = Directory.CreateTempSubdirectory("newsportal-kill-").FullName;
        var database = Path.Combine(work, "portal.db");
        var connectionString = TestDatabase.ConnectionStringFor(database);
        // The server takes 20 messages, then leaves each connection waiting for its answer: the kill
        // lands with a message in flight on every connection and the issue certainly unfinished. The generous
        // limits only bound a portal that starts slowly on a crowded machine; nothing here is timed.
        await using var smtp = await TestSmtpServer.StartAsync(new SmtpBehaviour(HoldAfter: acceptedBeforeTheKill));
        var everyone = Enumerable.Range(1, 60).Select(i => $"reader-{i}@example.com").ToArray();
        var issue = await PrepareAsync(database, everyone);
        Process? portal = null;
        var log = new ConcurrentQueue<string>();
        try
        {
            portal = StartPortal(work, connectionString, smtp.Port, log);
            await Eventually.HoldsAsync(() => Task.FromResult(smtp.Count == acceptedBeforeTheKill && smtp.Held == Connections), TimeSpan.FromMinutes(5),
                () => $"the portal did not reach a message in flight on every connection: {smtp.Count} accepted, {smtp.Held} held; the portal's last words: {string.Join('\n', log.TakeLast(30))}");
            portal.Kill();
            await portal.WaitForExitAsync();
            Assert.Equal(IssueStatus.Sending, await StatusAsync(database, issue));

            await smtp.ReleaseAsync();
            portal = StartPortal(work, connectionString, smtp.Port, log);
            // Claims of the killed process are taken over once their lease (two seconds here) runs out.
            await Eventually.HoldsAsync(async () => await StatusAsync(database, issue) == IssueStatus.Sent, TimeSpan.FromMinutes(5),
                () => $"the restarted portal did not finish the issue: {smtp.Count} messages received, exited: {portal.HasExited}; the portal's last words: {string.Join('\n', log.TakeLast(30))}");
        }
        finally
        {
            if (portal is { HasExited: false })
            {
                portal.Kill();
                await portal.WaitForExitAsync();
            }
        }

        var copies = smtp.Messages().GroupBy(m => m.To.Mailboxes.Single().Address).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(everyone, a => Assert.True(copies.GetValueOrDefault(a) >= 1, $"{a} got nothing"));
        Assert.True(copies.Values.Sum(c => c - 1) <= Connections, $"{copies.Values.Sum(c => c - 1)} repeats for {Connections} connections");
        await TestDatabase.DeleteAsync(database);
        try { Directory.Delete(work, recursive: true); } catch (IOException) { }
    }

    private static NewsDbContext Open(string database) => TestDatabase.Open(database);

    private static async Task<int> PrepareAsync(string database, string[] addresses)
    {
        await using var db = Open(database);
        await db.Database.MigrateAsync();
        var now = DateTime.UtcNow;
        foreach (var address in addresses)
        {
            Assert.True(SubscriberEmail.TryParse(address, out var email, out _));
            var subscriber = new Subscriber(email!, "/", "test", now);
            subscriber.RecordConfirmationSent(now);
            subscriber.Confirm(subscriber.RequestedAt, now);
            db.Subscribers.Add(subscriber);
        }
        var issue = new NewsletterIssue("نشرة الصباح", null, ArticleSelection.Chosen, [], now, "test");
        issue.SendNow(now);
        db.NewsletterIssues.Add(issue);
        await db.SaveChangesAsync();
        return issue.Id;
    }

    private static async Task<IssueStatus> StatusAsync(string database, int issue)
    {
        await using var db = Open(database);
        return await db.NewsletterIssues.Where(i => i.Id == issue).Select(i => i.Status).SingleAsync();
    }

    private static Process StartPortal(string work, string connectionString, int smtpPort, ConcurrentQueue<string> log)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = work,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "NewsPortal.Web.dll"));
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            ["Database__Provider"] = TestDatabase.Provider,
            ["ConnectionStrings__NewsPortal"] = connectionString,
            ["Site__BaseUrl"] = "https://news.example",
            ["Demo__Seed"] = "false",
            ["Mail__PickupDirectory"] = Path.Combine(work, "mail"),
            ["Uploads__Directory"] = Path.Combine(work, "uploads"),
            ["Smtp__Host"] = "127.0.0.1",
            ["Smtp__Port"] = smtpPort.ToString(),
            ["Smtp__Security"] = "None",
            ["Newsletter__Connections"] = Connections.ToString(),
            ["Newsletter__BatchSize"] = "10",
            ["Newsletter__LeaseSeconds"] = "2",
            ["Newsletter__PollSeconds"] = "1",
        };
        foreach (var (key, value) in settings) start.Environment[key] = value;
        var process = Process.Start(start) ?? throw new InvalidOperationException("The portal did not start.");
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }
}
