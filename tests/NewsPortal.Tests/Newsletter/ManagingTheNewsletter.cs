using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Cryptography;
using NewsPortal.Core.Newsletter;
using NewsPortal.Core.Newsroom;
using NewsPortal.Tests.Infrastructure;
using NewsPortal.Web.Authorization;
using NewsPortal.Web.Newsletter;

namespace NewsPortal.Tests.Newsletter;

/// <summary>Editors' side: the subscriber list and its export and erasure, composing, previewing, testing, scheduling and watching an issue.</summary>
public class ManagingTheNewsletter(NewsletterPortal portal) : IClassFixture<NewsletterPortal>
{
    [Fact]
    public async Task EditorsFilterSearchAndPageThroughSubscribers()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await portal.ConfirmedSubscribersAsync($"list-{tag}-a@example.com", $"list-{tag}-b@example.com");
        await portal.CreateReader().PostAsync("/newsletter/subscribe", SubscribingToTheNewsletter.SignUpForm($"list-{tag}-pending@example.com"));
        var (editor, _) = await Staff.SignedInAsync(portal, NewsroomRoles.Editor);

        var all = await editor.GetDocumentAsync($"/admin/subscribers?q=list-{tag}");
        Assert.Equal(3, all.QuerySelectorAll("table tbody tr").Length);
        var pending = await editor.GetDocumentAsync($"/admin/subscribers?q=LIST-{tag}&status=Pending");
        Assert.Single(pending.QuerySelectorAll("table tbody tr"));
        Assert.Contains($"list-{tag}-pending@example.com", pending.QuerySelector("table tbody").Text());
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/admin/subscribers?page=99999&status=Nonsense")).StatusCode);
    }

    [Fact]
    public async Task TheCsvExportCannotCarryFormulas()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        await portal.ConfirmedSubscribersAsync($"=cmd-{tag}@example.com", $"+sum-{tag}@example.com", $"-x-{tag}@example.com", $"plain-{tag}@example.com");
        var (editor, _) = await Staff.SignedInAsync(portal, NewsroomRoles.Editor);

        var response = await editor.GetAsync($"/admin/subscribers/export?q={tag}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Concat([]).SelectMany(l => l.Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.StartsWith("email,status,requested_at,source_page", lines[0]);
        Assert.Equal(5, lines.Count);
        Assert.Contains(lines, l => l.StartsWith($"'=cmd-{tag}@example.com,Confirmed,"));
        Assert.Contains(lines, l => l.StartsWith($"'+sum-{tag}@example.com,"));
        Assert.Contains(lines, l => l.StartsWith($"'-x-{tag}@example.com,"));
        Assert.Contains(lines, l => l.StartsWith($"plain-{tag}@example.com,"));
        Assert.Equal("'@SUM(1)", Csv.Cell("@SUM(1)"));
        Assert.Equal("\"a,\"\"b\"\"\"", Csv.Cell("a,\"b\""));
    }

    [Fact]
    public async Task DeletingASubscriberErasesThemAndWhatWasSentToThem()
    {
        var address = $"erase-{Guid.NewGuid():N}@example.com";
        var subscriber = (await portal.ConfirmedSubscribersAsync(address))[0];
        var issue = await portal.SendIssueAsync("نشرة قبل الحذف");
        await portal.WaitUntilSentAsync(issue);
        Assert.True(await portal.WithDbAsync(db => db.Deliveries.AnyAsync(d => d.SubscriberId == subscriber.Id)));
        var (editor, _) = await Staff.SignedInAsync(portal, NewsroomRoles.Editor);

        var response = await editor.SubmitAsync("/admin/subscribers", $"/admin/subscribers/{subscriber.Id}/delete", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.False(await portal.WithDbAsync(db => db.Subscribers.AnyAsync(s => s.Id == subscriber.Id)));
        Assert.False(await portal.WithDbAsync(db => db.Deliveries.AnyAsync(d => d.SubscriberId == subscriber.Id)));
        var audit = await portal.WithDbAsync(db => db.AuditLog.SingleAsync(a => a.Subject == $"subscriber:{subscriber.Id}"));
        Assert.Equal(AuditActions.EraseSubscriber, audit.Action);
        Assert.DoesNotContain(address, audit.Details ?? "");
    }

    [Fact]
    public async Task AnEditorComposesPreviewsTestsAndSchedulesAnIssue()
    {
        var newsroom = new Infrastructure.Newsroom(portal);
        var section = await newsroom.SectionAsync("اقتصاد", $"eco-{Guid.NewGuid():N}"[..12]);
        var chosen = await newsroom.PublishedAsync("الأسواق تغلق على ارتفاع", section, dek: "مؤشرات إيجابية في ختام الأسبوع");
        await newsroom.PublishedAsync("خبر لم يُختر", section);
        var reader = $"scheduled-{Guid.NewGuid():N}@example.com";
        await portal.ConfirmedSubscribersAsync(reader);
        var (editor, _) = await Staff.SignedInAsync(portal, NewsroomRoles.Editor);

        var invalid = await editor.SubmitAsync("/admin/newsletters/new", "/admin/newsletters", new() { ["Subject"] = "" });
        Assert.Equal(HttpStatusCode.OK, invalid.StatusCode);
        Assert.Contains("أدخل موضوع الرسالة", await invalid.Content.ReadAsStringAsync());

        var created = await editor.SubmitAsync("/admin/newsletters/new", "/admin/newsletters", new()
        {
            ["Subject"] = "حصاد الأسبوع", ["Intro"] = "<b>مرحبا</b>\n\nفقرة ثانية", ["Selection"] = "Chosen", ["ArticleIds"] = chosen.Id.ToString(),
        });
        var page = created.Headers.Location!.OriginalString;
        var id = int.Parse(page[(page.LastIndexOf('/') + 1)..]);

        var show = await editor.GetDocumentAsync(page);
        Assert.Equal($"/admin/newsletters/{id}/email", show.QuerySelector("iframe.email-preview")?.GetAttribute("src"));
        Assert.True(show.QuerySelector("iframe.email-preview")!.HasAttribute("sandbox"));
        Assert.Contains("الأسواق تغلق على ارتفاع", show.QuerySelector(".email-text").Text());
        Assert.DoesNotContain("خبر لم يُختر", show.QuerySelector(".email-text").Text());

        var email = await editor.GetAsync($"/admin/newsletters/{id}/email");
        Assert.StartsWith("sandbox", email.Headers.GetValues("Content-Security-Policy").Single());
        var html = await email.Content.ReadAsStringAsync();
        Assert.Contains("الأسواق تغلق على ارتفاع", html);
        Assert.Contains("&lt;b&gt;مرحبا&lt;/b&gt;", html);
        Assert.Contains($"https://news.example/articles/{chosen.Id}/", html);

        var tester = $"tester-{Guid.NewGuid():N}@example.com";
        await editor.SubmitAsync(page, $"{page}/test", new() { ["Address"] = tester });
        var test = await portal.Smtp.WaitForMessageToAsync(tester);
        Assert.Equal("[تجربة] حصاد الأسبوع", test.Subject);
        Assert.Empty(portal.Smtp.MessagesTo(reader));

        // Scheduled for an hour from now in the newsroom's time zone (Riyadh, UTC+3).
        var local = portal.Clock.GetUtcNow().UtcDateTime.AddHours(3 + 1);
        await editor.SubmitAsync(page, $"{page}/schedule", new() { ["SendAt"] = local.ToString("yyyy-MM-ddTHH:mm") });
        var scheduled = await portal.IssueAsync(id);
        Assert.Equal(IssueStatus.Scheduled, scheduled.Status);
        Assert.Equal(portal.Clock.GetUtcNow().UtcDateTime.AddHours(1), scheduled.ScheduledAt!.Value, TimeSpan.FromMinutes(1));

        portal.Advance(TimeSpan.FromMinutes(61));
        await portal.WaitUntilSentAsync(id);
        Assert.Equal("حصاد الأسبوع", (await portal.Smtp.WaitForMessageToAsync(reader)).Subject);

        var progress = JsonDocument.Parse(await editor.GetStringAsync($"/admin/newsletters/{id}/progress")).RootElement;
        Assert.Equal("Sent", progress.GetProperty("status").GetString());
        Assert.Equal(100, progress.GetProperty("percent").GetInt32());
        Assert.Equal(progress.GetProperty("total").GetInt32(), progress.GetProperty("sent").GetInt32());
        var progressPage = await editor.GetDocumentAsync(page);
        Assert.Equal($"/admin/newsletters/{id}/progress", progressPage.QuerySelector("[data-progress-url]")?.GetAttribute("data-progress-url"));
        Assert.NotNull(progressPage.QuerySelector("progress"));
        Assert.Null(progressPage.QuerySelector($"form[action='{page}/dispatch']"));
    }

    [Fact]
    public async Task AnEditorDeletesAnUnsentIssueButNeverOneThatWentOut()
    {
        var draft = await portal.WithDbAsync(async db =>
        {
            var issue = new NewsletterIssue("مسودة ستُحذف", null, ArticleSelection.Chosen, [], portal.Clock.GetUtcNow().UtcDateTime, "test");
            db.NewsletterIssues.Add(issue);
            await db.SaveChangesAsync();
            return issue.Id;
        });
        var sent = await portal.SendIssueAsync("نشرة أُرسلت فلا تُحذف");
        await portal.WaitUntilSentAsync(sent);
        var (writer, _) = await Staff.SignedInAsync(portal, NewsroomRoles.Writer);
        var (editor, _) = await Staff.SignedInAsync(portal, NewsroomRoles.Editor);

        var page = await editor.GetDocumentAsync($"/admin/newsletters/{draft}");
        var button = page.QuerySelector($"form[action='/admin/newsletters/{draft}/delete'] button");
        Assert.False(string.IsNullOrEmpty(button?.GetAttribute("data-confirm")), "deleting asks for confirmation first");
        Assert.Null((await editor.GetDocumentAsync($"/admin/newsletters/{sent}")).QuerySelector($"form[action='/admin/newsletters/{sent}/delete']"));

        var forged = await editor.PostAsync($"/admin/newsletters/{draft}/delete", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var byWriter = await writer.SubmitAsync("/admin", $"/admin/newsletters/{draft}/delete", []);
        Assert.StartsWith("http://localhost/admin/account/denied", byWriter.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await editor.SubmitAsync("/admin/newsletters/new", "/admin/newsletters/999999/delete", [])).StatusCode);
        Assert.True(await portal.WithDbAsync(db => db.NewsletterIssues.AnyAsync(i => i.Id == draft)));

        var deleted = await editor.SubmitAsync("/admin/newsletters/new", $"/admin/newsletters/{draft}/delete", []);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal("/admin/newsletters", deleted.Headers.Location?.OriginalString);
        Assert.False(await portal.WithDbAsync(db => db.NewsletterIssues.AnyAsync(i => i.Id == draft)));
        var audit = await portal.WithDbAsync(db => db.AuditLog.SingleAsync(a => a.Subject == $"newsletter:{draft}"));
        Assert.Equal(AuditActions.DeleteNewsletter, audit.Action);

        var refused = await editor.SubmitAsync("/admin/newsletters/new", $"/admin/newsletters/{sent}/delete", []);
        Assert.Equal($"/admin/newsletters/{sent}", refused.Headers.Location?.OriginalString);
        Assert.Contains("لا يمكن حذف نشرة بدأ إرسالها", (await editor.GetDocumentAsync($"/admin/newsletters/{sent}")).Body!.TextContent);
        Assert.True(await portal.WithDbAsync(db => db.NewsletterIssues.AnyAsync(i => i.Id == sent)));
        Assert.False(await portal.WithDbAsync(db => db.AuditLog.AnyAsync(a => a.Subject == $"newsletter:{sent}" && a.Action == AuditActions.DeleteNewsletter)));
    }

    [Fact]
    public async Task DkimSignaturesVerifyWhenAKeyIsConfigured()
    {
        using var rsa = RSA.Create(2048);
        var keyFile = Path.Combine(portal.WorkDirectory, "dkim.pem");
        Directory.CreateDirectory(portal.WorkDirectory);
        await File.WriteAllTextAsync(keyFile, rsa.ExportRSAPrivateKeyPem());
        var options = Options.Create(new NewsletterOptions
        {
            FromAddress = "newsletter@news.example",
            Dkim = new DkimOptions { Domain = "news.example", Selector = "mail", PrivateKeyPath = keyFile },
        });
        var composer = new NewsletterComposer(new NewsletterSite("نيوز بورتال", "https://news.example"), options, TimeProvider.System);

        var message = composer.ForRecipient(composer.Render("نشرة موقعة", "مقدمة", []), "signed@example.com", Subscriber.NewToken());
        var signature = message.Headers[HeaderId.DkimSignature];
        Assert.Contains("d=news.example", signature);
        Assert.Contains("list-unsubscribe", signature, StringComparison.OrdinalIgnoreCase);

        // Through the wire format and back, as a receiving server would see it.
        using var wire = new MemoryStream();
        await message.WriteToAsync(wire);
        wire.Position = 0;
        var received = await MimeMessage.LoadAsync(wire);
        var verifier = new DkimVerifier(new SingleKeyLocator(rsa.ExportSubjectPublicKeyInfoPem()));
        Assert.True(await verifier.VerifyAsync(received, received.Headers[received.Headers.IndexOf(HeaderId.DkimSignature)]));
    }

    private sealed class SingleKeyLocator(string publicKeyPem) : DkimPublicKeyLocatorBase
    {
        public override Org.BouncyCastle.Crypto.AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            GetPublicKey("v=DKIM1; k=rsa; p=" + string.Concat(publicKeyPem.Split('\n').Where(l => !l.StartsWith("-----"))).Trim());

        public override Task<Org.BouncyCastle.Crypto.AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            Task.FromResult(LocatePublicKey(methods, domain, selector, cancellationToken));
    }
}
