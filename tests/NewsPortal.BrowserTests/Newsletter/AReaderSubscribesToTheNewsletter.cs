using System.Text.Json;
using System.Text.RegularExpressions;
using MimeKit;
using NewsPortal.BrowserTests.Infrastructure;

namespace NewsPortal.BrowserTests.Newsletter;

[Collection(NewsletterCollection.Name)]
public sealed partial class AReaderSubscribesToTheNewsletter(NewsletterPortalFixture portal)
{
    private static readonly TimeSpan IssueTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ConfirmsFromTheEmailReceivesAnIssueAndUnsubscribesInOneClick()
    {
        var email = $"reader-{Guid.NewGuid():N}@example.com";

        // The reader signs up on the home page; the page stays where it is and says what happens next.
        await using var readerBrowser = await portal.NewVisitorAsync();
        var reader = await readerBrowser.NewPageAsync();
        await reader.GotoAsync("/");
        await reader.EvaluateAsync("() => { window.stillTheSamePage = true; }");
        var box = reader.GetByRole(AriaRole.Region, new() { Name = "اشترك في نشرتنا الإخبارية" });
        await box.GetByLabel("بريدك الإلكتروني").FillAsync(email);
        await box.GetByRole(AriaRole.Button, new() { Name = "اشترك" }).ClickAsync();
        await Expect(box.GetByRole(AriaRole.Status)).ToHaveTextAsync(
            "إن كان العنوان صحيحًا فستصلك خلال دقائق رسالة فيها رابط لتأكيد الاشتراك. لن نرسل إليك النشرة قبل أن تؤكده.");
        await Expect(box.GetByRole(AriaRole.Status)).Not.ToHaveClassAsync(new Regex("is-error"));
        await Expect(box.GetByLabel("بريدك الإلكتروني")).ToHaveValueAsync("");
        await Expect(reader).ToHaveURLAsync(new Uri(portal.BaseUrl, "/").ToString());
        Assert.True(await reader.EvaluateAsync<bool>("() => window.stillTheSamePage === true"), "The sign-up reloaded the page.");

        // The confirmation email reaches the SMTP server; its link opens a page with one button.
        var confirmation = await portal.Smtp.WaitForMessageToAsync(email);
        Assert.Equal("أكّد اشتراكك في النشرة الإخبارية لموقع نيوز بورتال", confirmation.Subject);
        await reader.GotoAsync(Mailbox.LinkInto(confirmation, portal.BaseUrl).ToString());
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("تأكيد الاشتراك");
        await reader.GetByRole(AriaRole.Button, new() { Name = "تأكيد الاشتراك" }).ClickAsync();
        await Expect(reader.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("تم تأكيد اشتراكك");

        // An admin composes an issue and sends it now; it reaches the reader with one-click unsubscribe headers.
        await using var adminBrowser = await portal.SignedInAdminAsync();
        var admin = await adminBrowser.NewPageAsync();
        var (first, headline) = await SendIssueAsync(admin, "نشرة الصباح", recipients: 1);
        var issue = await portal.Smtp.WaitForMessageToAsync(email, count: 2);
        Assert.Equal("نشرة الصباح", issue.Subject);
        Assert.Contains(headline, issue.TextBody);
        Assert.Equal("List-Unsubscribe=One-Click", issue.Headers[HeaderId.ListUnsubscribePost]);
        var unsubscribe = UnsubscribeAddress(issue);
        Assert.Equal(portal.BaseUrl.Authority, unsubscribe.Authority);
        var progress = await WaitUntilSentAsync(admin, first);
        Assert.Equal((1, 1, 0), (progress.GetProperty("total").GetInt32(), progress.GetProperty("sent").GetInt32(), progress.GetProperty("failed").GetInt32()));

        // The reader's mail client unsubscribes in one click: a POST to the address, no cookie, no page.
        using (var mailClient = new HttpClient())
        {
            using var response = await mailClient.PostAsync(unsubscribe,
                new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
            Assert.True(response.IsSuccessStatusCode, $"The one-click unsubscribe answered {(int)response.StatusCode}.");
            Assert.Contains("تم إلغاء اشتراكك", await response.Content.ReadAsStringAsync());
        }

        // The next issue goes out to nobody, and the reader's inbox stays as it was.
        var (second, _) = await SendIssueAsync(admin, "نشرة المساء", recipients: 0);
        progress = await WaitUntilSentAsync(admin, second);
        Assert.Equal(0, progress.GetProperty("total").GetInt32());
        Assert.Equal(["أكّد اشتراكك في النشرة الإخبارية لموقع نيوز بورتال", "نشرة الصباح"],
            portal.Smtp.MessagesTo(email).Select(m => m.Subject));
        Assert.Equal(2, portal.Smtp.AttemptsFor(email));
    }

    /// <summary>The admin writes an issue with the newest article, saves it and sends it now; returns its id and the article's headline.</summary>
    private static async Task<(int Id, string Headline)> SendIssueAsync(IPage admin, string subject, int recipients)
    {
        await admin.GotoAsync("/admin");
        await admin.GetByRole(AriaRole.Navigation, new() { Name = "قائمة الإدارة" }).GetByRole(AriaRole.Link, new() { Name = "النشرات" }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "نشرة جديدة" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("نشرة جديدة");

        await admin.GetByLabel("موضوع الرسالة").FillAsync(subject);
        await admin.GetByLabel("المقدمة").FillAsync("أبرز ما نشرناه اليوم.");
        await admin.GetByLabel("المقالات التي أختارها من القائمة").CheckAsync();
        var article = admin.Locator(".article-picker li").First;
        var headline = (await article.Locator("label").InnerTextAsync()).Trim();
        await article.GetByRole(AriaRole.Checkbox).CheckAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "حفظ المسودة" }).ClickAsync();

        await Expect(admin).ToHaveURLAsync(IssueAddress());
        await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("حُفظت مسودة النشرة.");
        await Expect(admin.GetByText($"ستذهب النشرة إلى {recipients} مشتركًا مؤكَّدًا.")).ToBeVisibleAsync();
        var id = int.Parse(IssueAddress().Match(admin.Url).Groups[1].Value);

        // "Send now" asks first; the admin agrees.
        string? asked = null;
        void Agree(object? sender, IDialog dialog)
        {
            asked = dialog.Message;
            _ = dialog.AcceptAsync();
        }
        admin.Dialog += Agree;
        try
        {
            await admin.GetByRole(AriaRole.Button, new() { Name = "أرسل الآن" }).ClickAsync();
            await Expect(admin.GetByRole(AriaRole.Status)).ToContainTextAsync("بدأ إرسال النشرة.");
        }
        finally
        {
            admin.Dialog -= Agree;
        }
        Assert.Equal("إرسال النشرة الآن إلى كل المشتركين المؤكَّدين؟", asked);
        return (id, headline);
    }

    /// <summary>Waits until the dispatcher reports the issue sent to everyone, as the progress panel polls it; returns the last figures.</summary>
    private static async Task<JsonElement> WaitUntilSentAsync(IPage admin, int id)
    {
        var deadline = DateTime.UtcNow + IssueTimeout;
        while (true)
        {
            var response = await admin.APIRequest.GetAsync($"/admin/newsletters/{id}/progress",
                new() { Headers = new Dictionary<string, string> { ["Accept"] = "application/json" } });
            Assert.True(response.Ok, $"The progress of issue {id} answered {response.Status}.");
            var progress = (await response.JsonAsync())!.Value;
            if (progress.GetProperty("status").GetString() == "Sent")
            {
                await admin.ReloadAsync();
                await Expect(admin.Locator(".page-head .status")).ToHaveTextAsync("أُرسلت");
                return progress;
            }
            if (DateTime.UtcNow > deadline) Assert.Fail($"Issue {id} was not sent within {IssueTimeout.TotalSeconds:0} s: {progress}");
            await Task.Delay(100);
        }
    }

    private static Uri UnsubscribeAddress(MimeMessage message)
    {
        var header = message.Headers[HeaderId.ListUnsubscribe] ?? throw new InvalidOperationException("The issue has no List-Unsubscribe header.");
        var https = AngleBracketed().Matches(header).Select(m => m.Groups[1].Value).Where(u => u.StartsWith("http")).ToList();
        return new Uri(Assert.Single(https));
    }

    [GeneratedRegex(@"/admin/newsletters/(\d+)$")]
    private static partial Regex IssueAddress();

    [GeneratedRegex(@"<([^>]+)>")]
    private static partial Regex AngleBracketed();
}
