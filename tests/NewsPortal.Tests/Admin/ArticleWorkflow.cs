using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Data;
using NewsPortal.Core.Newsroom;
using NewsPortal.Tests.Infrastructure;
using NewsPortal.Web.Authorization;

namespace NewsPortal.Tests.Admin;

public class ArticleWorkflow(AdminPortal portal) : IClassFixture<AdminPortal>
{
    private Infrastructure.Newsroom Newsroom => new(portal);

    private Dictionary<string, string> Fields(string headline, string body = "## خلفية\n\nنص الخبر.", string? tags = null) => new()
    {
        ["Headline"] = headline,
        ["Dek"] = "عنوان فرعي",
        ["Body"] = body,
        ["SectionId"] = portal.Section.Id.ToString(),
        ["Tags"] = tags ?? "",
    };

    private async Task<int> CreateDraftAsync(HttpClient browser, string headline, string? tags = null)
    {
        var response = await browser.SubmitMultipartAsync("/admin/articles/new", "/admin/articles/new", Fields(headline, tags: tags));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches(@"^/admin/articles/\d+/edit$", location);
        return int.Parse(location.Split('/')[3]);
    }

    private Task<Article> ArticleAsync(int id) =>
        Newsroom.WithDbAsync(db => db.Articles.AsNoTracking().Include(a => a.Tags).Include(a => a.Authors).SingleAsync(a => a.Id == id));

    private async Task<HttpStatusCode> ReaderStatusAsync(int id)
    {
        var article = await ArticleAsync(id);
        return (await portal.CreateReader().GetAsync($"/articles/{id}/{Uri.EscapeDataString(article.Slug)}")).StatusCode;
    }

    private Task<HttpResponseMessage> PostAsync(HttpClient browser, int id, string action, Dictionary<string, string>? fields = null) =>
        browser.SubmitAsync($"/admin/articles/{id}/edit", $"/admin/articles/{id}/{action}", fields ?? []);

    [Fact]
    public async Task AWritersDraftIsInvisibleUntilAnEditorPublishesIt()
    {
        var (writer, writerUser) = await Staff.SignedInAsync(portal, NewsroomRoles.Writer);
        var id = await CreateDraftAsync(writer, "مسودة كاتب عن السوق المركزي", tags: "أسواق، وسم جديد تماما");

        var draft = await ArticleAsync(id);
        Assert.Equal(ArticleStatus.Draft, draft.Status);
        Assert.Equal(writerUser.Id, draft.OwnerId);
        Assert.Equal(["أسواق", "وسم جديد تماما"], draft.Tags.Select(t => t.Name).Order());
        Assert.Single(draft.Authors);
        Assert.Equal(HttpStatusCode.NotFound, await ReaderStatusAsync(id));

        var refused = await PostAsync(writer, id, "publication");
        Assert.StartsWith("http://localhost/admin/account/denied", refused.Headers.Location?.ToString());
        Assert.Equal(ArticleStatus.Draft, (await ArticleAsync(id)).Status);

        await PostAsync(writer, id, "submission");
        Assert.Equal(ArticleStatus.InReview, (await ArticleAsync(id)).Status);

        var (editor, editorUser) = await Staff.SignedInAsync(portal, NewsroomRoles.Editor);
        await PostAsync(editor, id, "publication");
        Assert.Equal(ArticleStatus.Published, (await ArticleAsync(id)).Status);
        Assert.Equal(HttpStatusCode.OK, await ReaderStatusAsync(id));

        await PostAsync(editor, id, "publication/delete");
        Assert.Equal(ArticleStatus.Unpublished, (await ArticleAsync(id)).Status);
        Assert.Equal(HttpStatusCode.NotFound, await ReaderStatusAsync(id));

        var audit = await Newsroom.WithDbAsync(db => db.AuditLog.Where(e => e.Subject == $"article:{id}").OrderBy(e => e.Id).ToListAsync());
        Assert.Equal([AuditActions.Publish, AuditActions.Unpublish], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.Equal(editorUser.Id, e.UserId));
        Assert.All(audit, e => Assert.Equal(Newsroom.Now, e.At));
    }

    [Fact]
    public async Task AWriterCannotEditSomeoneElsesArticle()
    {
        var (author, _) = await Staff.SignedInAsync(portal, NewsroomRoles.Writer);
        var id = await CreateDraftAsync(author, "مقال يخص كاتبا آخر");
        var (other, _) = await Staff.SignedInAsync(portal, NewsroomRoles.Writer);

        var page = await other.GetAsync($"/admin/articles/{id}/edit");
        Assert.StartsWith("http://localhost/admin/account/denied", page.Headers.Location?.ToString());

        var token = await Staff.TokenAsync(other, "/admin/articles/new");
        var content = new MultipartFormDataContent();
        foreach (var (k, v) in Fields("عنوان مسروق")) content.Add(new StringContent(v), k);
        content.Add(new StringContent(token), "__RequestVerificationToken");
        var post = await other.PostAsync($"/admin/articles/{id}/edit", content);
        Assert.StartsWith("http://localhost/admin/account/denied", post.Headers.Location?.ToString());
        Assert.Equal("مقال يخص كاتبا آخر", (await ArticleAsync(id)).Headline);
    }

    [Fact]
    public async Task AScheduledArticleIsPublishedByTheBackgroundServiceAtItsTime()
    {
        var (editor, _) = await Staff.SignedInAsync(portal, NewsroomRoles.Editor);
        var id = await CreateDraftAsync(editor, "خبر مجدول للنشر بعد ساعة");

        // The form takes the newsroom's local time (Asia/Riyadh, UTC+3).
        var local = Newsroom.Now.AddHours(3).AddHours(1);
        await PostAsync(editor, id, "schedule", new() { ["PublishAt"] = local.ToString("yyyy-MM-ddTHH:mm") });
        var scheduled = await ArticleAsync(id);
        Assert.Equal(ArticleStatus.Scheduled, scheduled.Status);
        Assert.Equal(Newsroom.Now.AddHours(1), scheduled.PublishedAt);
        Assert.Equal(HttpStatusCode.NotFound, await ReaderStatusAsync(id));

        portal.Clock.Advance(TimeSpan.FromMinutes(61));
        await Eventually.HoldsAsync(async () => await ReaderStatusAsync(id) == HttpStatusCode.OK);
        Assert.Equal(ArticleStatus.Published, (await ArticleAsync(id)).Status);
    }

    [Fact]
    public async Task EverySaveKeepsARevisionAndAnOldOneCanBeRestored()
    {
        var (editor, _) = await Staff.SignedInAsync(portal, NewsroomRoles.Editor);
        var id = await CreateDraftAsync(editor, "العنوان الأول");
        await editor.SubmitMultipartAsync($"/admin/articles/{id}/edit", $"/admin/articles/{id}/edit", Fields("العنوان الثاني", "نص ثان"));
        await editor.SubmitMultipartAsync($"/admin/articles/{id}/edit", $"/admin/articles/{id}/edit", Fields("العنوان الثالث", "نص ثالث"));

        var revisions = await Newsroom.WithDbAsync(db => db.ArticleRevisions.Where(r => r.ArticleId == id).OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(["العنوان الأول", "العنوان الثاني", "العنوان الثالث"], revisions.Select(r => r.Headline));

        var page = await editor.GetDocumentAsync($"/admin/articles/{id}/revisions");
        Assert.Equal(3, page.QuerySelectorAll("tbody tr").Length);

        var restore = await editor.SubmitAsync($"/admin/articles/{id}/revisions", $"/admin/articles/{id}/revisions/{revisions[0].Id}/restore", []);
        Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        var article = await ArticleAsync(id);
        Assert.Equal("العنوان الأول", article.Headline);
        Assert.Contains("نص الخبر", article.BodyMarkdown);
        Assert.Equal(4, await Newsroom.WithDbAsync(db => db.ArticleRevisions.CountAsync(r => r.ArticleId == id)));
    }

    [Fact]
    public async Task AnInvalidFormIsShownAgainWithArabicMessagesAndNothingLost()
    {
        var (editor, _) = await Staff.SignedInAsync(portal, NewsroomRoles.Editor);
        var fields = Fields("", "نص طويل كتبه المحرر ولا يجوز أن يضيع");
        fields["SectionId"] = "";
        var response = await editor.SubmitMultipartAsync("/admin/articles/new", "/admin/articles/new", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Html.ParseAsync(response);
        var errors = document.QuerySelectorAll(".text-danger").Select(e => e.Text()).Where(t => t.Length > 0).ToList();
        Assert.Contains("العنوان مطلوب.", errors);
        Assert.Contains("اختر قسما.", errors);
        Assert.Equal("نص طويل كتبه المحرر ولا يجوز أن يضيع", document.QuerySelector("textarea#Body")?.TextContent);
        Assert.Equal("عنوان فرعي", document.QuerySelector("textarea#Dek")?.TextContent);
    }

    [Fact]
    public async Task FieldsOutsideTheFormCannotBeSetByARequest()
    {
        var (writer, _) = await Staff.SignedInAsync(portal, NewsroomRoles.Writer);
        var fields = Fields("محاولة تجاوز الصلاحيات");
        fields["Status"] = "Published";
        fields["PublishedAt"] = "2020-01-01T00:00:00";
        fields["OwnerId"] = "someone-else";
        fields["BodyHtml"] = "<script>alert(1)</script>";
        var id = await CreateDraftWithAsync(writer, fields);

        var article = await ArticleAsync(id);
        Assert.Equal(ArticleStatus.Draft, article.Status);
        Assert.Null(article.PublishedAt);
        Assert.NotEqual("someone-else", article.OwnerId);
        Assert.DoesNotContain("<script", article.BodyHtml);
    }

    private static async Task<int> CreateDraftWithAsync(HttpClient browser, Dictionary<string, string> fields)
    {
        var response = await browser.SubmitMultipartAsync("/admin/articles/new", "/admin/articles/new", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[3]);
    }

    [Fact]
    public async Task StaffCanPreviewAnUnpublishedArticleAndReadersCannot()
    {
        var (writer, _) = await Staff.SignedInAsync(portal, NewsroomRoles.Writer);
        var id = await CreateDraftAsync(writer, "مقال للمعاينة فقط");

        var preview = await writer.GetDocumentAsync($"/admin/articles/{id}/preview");
        Assert.Equal("مقال للمعاينة فقط", preview.QuerySelector("h1.story-headline").Text());
        Assert.NotNull(preview.QuerySelector(".preview-banner"));
        Assert.Equal("noindex", preview.QuerySelector("meta[name=robots]")?.GetAttribute("content"));
        Assert.Null(preview.QuerySelector("link[rel=canonical]"));

        var anonymous = await portal.CreateReader().GetAsync($"/admin/articles/{id}/preview");
        Assert.StartsWith("http://localhost/admin/account/login", anonymous.Headers.Location?.ToString());
    }

    [Fact]
    public async Task TheLivePreviewRendersTheBodyAsReadersWillSeeItSanitised()
    {
        var (writer, _) = await Staff.SignedInAsync(portal, NewsroomRoles.Writer);
        var token = await Staff.TokenAsync(writer, "/admin/articles/new");
        var request = new HttpRequestMessage(HttpMethod.Post, "/admin/articles/preview")
        {
            Content = new FormUrlEncodedContent([new("body", "## عنوان فرعي\n\n<script>alert(1)</script><img src=x onerror=alert(1)>")]),
        };
        request.Headers.Add("RequestVerificationToken", token);
        var response = await writer.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("عنوان فرعي</h2>", html);
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("onerror", html);
    }

    [Fact]
    public async Task AnEditorDeletesAnArticleAndTheAuditLogRecordsIt()
    {
        var (editor, user) = await Staff.SignedInAsync(portal, NewsroomRoles.Editor);
        var id = await CreateDraftAsync(editor, "مقال سيُحذف");
        await PostAsync(editor, id, "deletion");

        Assert.False(await Newsroom.WithDbAsync(db => db.Articles.AnyAsync(a => a.Id == id)));
        var entry = await Newsroom.WithDbAsync(db => db.AuditLog.SingleAsync(e => e.Subject == $"article:{id}"));
        Assert.Equal(AuditActions.Delete, entry.Action);
        Assert.Equal(user.Email, entry.ActorName);

        var admin = Staff.Browser(portal);
        await Staff.SignInAsync(admin, AdminPortal.AdminEmail, AdminPortal.AdminPassword);
        var log = await admin.GetDocumentAsync("/admin/audit");
        Assert.Contains(log.QuerySelectorAll("tbody tr"), row => row.TextContent.Contains($"article:{id}") && row.TextContent.Contains(user.Email!));
    }
}
