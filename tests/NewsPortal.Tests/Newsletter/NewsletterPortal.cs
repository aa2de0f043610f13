using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Data;
using NewsPortal.Core.Newsletter;
using NewsPortal.Tests.Infrastructure;

namespace NewsPortal.Tests.Newsletter;

/// <summary>A portal that sends its mail to a real SMTP server of its own.</summary>
public class NewsletterPortal : PortalFactory, IAsyncLifetime
{
    private readonly SmtpBehaviour _behaviour;
    private readonly Dictionary<string, string?> _extra;

    public NewsletterPortal() : this(new SmtpBehaviour()) { }

    internal NewsletterPortal(SmtpBehaviour behaviour, Dictionary<string, string?>? settings = null, string? databasePath = null, TestSmtpServer? smtp = null)
        : base(databasePath)
    {
        _behaviour = behaviour;
        _extra = settings ?? [];
        Smtp = smtp!;
        _ownsSmtp = smtp is null;
    }

    private readonly bool _ownsSmtp;

    public TestSmtpServer Smtp { get; private set; }

    /// <summary>A started portal for one test, on the given SMTP server and (for a restart) an existing database.</summary>
    public static async Task<NewsletterPortal> StartAsync(TestSmtpServer smtp, string? databasePath = null, Dictionary<string, string?>? settings = null)
    {
        var portal = new NewsletterPortal(new SmtpBehaviour(), settings, databasePath, smtp);
        await portal.InitializeAsync();
        return portal;
    }

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(_extra)
    {
        ["Smtp:Host"] = "127.0.0.1",
        ["Smtp:Port"] = Smtp.Port.ToString(),
        ["Smtp:Security"] = "None",
        ["Newsletter:Connections"] = _extra.GetValueOrDefault("Newsletter:Connections") ?? "2",
        ["Newsletter:BatchSize"] = _extra.GetValueOrDefault("Newsletter:BatchSize") ?? "10",
    };

    public virtual async Task InitializeAsync()
    {
        Smtp ??= await TestSmtpServer.StartAsync(_behaviour);
        _ = Server; // start the app, and with it the dispatcher
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        // The portal first, so its dispatcher is not left talking to a server that went away.
        await base.DisposeAsync();
        if (_ownsSmtp) await Smtp.DisposeAsync();
    }

    public Task<T> WithDbAsync<T>(Func<NewsDbContext, Task<T>> work) => new Infrastructure.Newsroom(this).WithDbAsync(work);

    /// <summary>Confirmed subscribers put straight into the database.</summary>
    public Task<IReadOnlyList<Subscriber>> ConfirmedSubscribersAsync(params string[] emails) => WithDbAsync<IReadOnlyList<Subscriber>>(async db =>
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var made = emails.Select(e =>
        {
            Assert.True(SubscriberEmail.TryParse(e, out var email, out _));
            var subscriber = new Subscriber(email!, "/", "test", now);
            subscriber.RecordConfirmationSent(now);
            subscriber.Confirm(subscriber.RequestedAt, now);
            return subscriber;
        }).ToList();
        db.Subscribers.AddRange(made);
        await db.SaveChangesAsync();
        return made;
    });

    /// <summary>An issue handed to the dispatcher, as the admin's "send now" does.</summary>
    public async Task<int> SendIssueAsync(string subject = "نشرة الصباح")
    {
        var id = await WithDbAsync(async db =>
        {
            var now = Clock.GetUtcNow().UtcDateTime;
            var issue = new NewsletterIssue(subject, "مقدمة النشرة.", ArticleSelection.SinceLastIssue, [], now, "test");
            issue.SendNow(now);
            db.NewsletterIssues.Add(issue);
            await db.SaveChangesAsync();
            return issue.Id;
        });
        Services.GetRequiredService<NewsletterDispatcher>().Wake();
        return id;
    }

    /// <summary>Moves the clock on and tells the dispatcher, as the passing of real time would.</summary>
    public void Advance(TimeSpan by)
    {
        Clock.Advance(by);
        Services.GetRequiredService<NewsletterDispatcher>().Wake();
    }

    public Task<NewsletterIssue> IssueAsync(int id) =>
        WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(db.NewsletterIssues), i => i.Id == id));

    public Task<List<Core.Newsletter.Delivery>> DeliveriesAsync(int issueId) =>
        WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AsNoTracking(db.Deliveries).Where(d => d.IssueId == issueId)));

    public async Task WaitUntilSentAsync(int issueId, TimeSpan? timeout = null) =>
        await Eventually.HoldsAsync(async () => (await IssueAsync(issueId)).Status == IssueStatus.Sent, timeout ?? TimeSpan.FromSeconds(30),
            $"Issue {issueId} was not sent in time.");
}
