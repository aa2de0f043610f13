using System.Net;
using NewsPortal.Core.Newsroom;
using NewsPortal.Tests.Admin;
using NewsPortal.Tests.Infrastructure;
using NewsPortal.Web.Authorization;

namespace NewsPortal.Tests.Speed;

public class ReaderPageCaching(AdminPortal portal) : IClassFixture<AdminPortal>
{
    private static bool FromCache(HttpResponseMessage response) => response.Headers.Age is not null;

    [Fact]
    public async Task TheSecondRequestForAReaderPageIsServedFromTheCacheWithoutCookies()
    {
        var newsroom = new Infrastructure.Newsroom(portal);
        var article = await newsroom.PublishedAsync("خبر لاختبار التخزين المؤقت", portal.Section, 1);
        var reader = portal.CreateReader();
        foreach (var path in new[] { "/", $"/articles/{article.Id}/{Uri.EscapeDataString(article.Slug)}", $"/sections/{portal.Section.Slug}", "/feed", "/sitemap.xml" })
        {
            var first = await reader.GetAsync(path);
            var second = await reader.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            Assert.True(FromCache(second), $"{path} was not served from the cache");
            Assert.False(second.Headers.Contains("Set-Cookie"));
            Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task PublishingEvictsTheCachedPagesAtOnce()
    {
        var newsroom = new Infrastructure.Newsroom(portal);
        var reader = portal.CreateReader();
        await reader.GetAsync("/");
        Assert.True(FromCache(await reader.GetAsync("/")));

        var draft = await newsroom.DraftAsync("خبر عاجل ينشر الآن", portal.Section);
        // Written behind the cache's back: the cached page cannot know yet.
        await newsroom.ChangeAsync(draft.Id, a => a.Publish(newsroom.Now));
        Assert.DoesNotContain("خبر عاجل ينشر الآن", await reader.GetStringAsync("/"));
        await newsroom.ChangeAsync(draft.Id, a => a.Unpublish(newsroom.Now));

        var (editor, _) = await Staff.SignedInAsync(portal, NewsroomRoles.Editor);
        var publish = await editor.SubmitAsync($"/admin/articles/{draft.Id}/edit", $"/admin/articles/{draft.Id}/publication", []);
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);

        var after = await reader.GetAsync("/");
        Assert.False(FromCache(after));
        Assert.Contains("خبر عاجل ينشر الآن", await after.Content.ReadAsStringAsync());

        var unpublish = await editor.SubmitAsync($"/admin/articles/{draft.Id}/edit", $"/admin/articles/{draft.Id}/publication/delete", []);
        Assert.Equal(HttpStatusCode.Redirect, unpublish.StatusCode);
        Assert.DoesNotContain("خبر عاجل ينشر الآن", await reader.GetStringAsync("/"));
    }

    [Fact]
    public async Task EditingAndChangingSectionsEvictTheCache()
    {
        var newsroom = new Infrastructure.Newsroom(portal);
        var article = await newsroom.PublishedAsync("عنوان قبل التعديل", portal.Section, 1);
        var reader = portal.CreateReader();
        var path = $"/articles/{article.Id}/{Uri.EscapeDataString(article.Slug)}";
        await reader.GetAsync(path);
        Assert.True(FromCache(await reader.GetAsync(path)));

        var (editor, _) = await Staff.SignedInAsync(portal, NewsroomRoles.Editor);
        var edit = await editor.SubmitMultipartAsync($"/admin/articles/{article.Id}/edit", $"/admin/articles/{article.Id}/edit", new()
        {
            ["Headline"] = "عنوان قبل التعديل", ["Body"] = "نص جديد بعد التعديل", ["SectionId"] = portal.Section.Id.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        var fresh = await reader.GetAsync(path);
        Assert.False(FromCache(fresh));
        Assert.Contains("نص جديد بعد التعديل", await fresh.Content.ReadAsStringAsync());

        await reader.GetAsync("/");
        await editor.SubmitAsync("/admin/sections/new", "/admin/sections/new", new() { ["Name"] = "قسم جديد للاختبار", ["Position"] = "9" });
        var home = await reader.GetAsync("/");
        Assert.False(FromCache(home));
        Assert.Contains("قسم جديد للاختبار", await home.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ACachedPageNeverCarriesOneVisitorsConsentToAnother()
    {
        var today = portal.Clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd");
        var accepted = portal.CreateReader();
        accepted.DefaultRequestHeaders.Add("Cookie", $"np-consent=1.accept.{today}");
        await accepted.GetAsync("/");
        Assert.True(FromCache(await accepted.GetAsync("/")));

        var newcomer = await portal.CreateReader().GetDocumentAsync("/");
        Assert.NotNull(newcomer.QuerySelector(".consent-banner"));
        var again = await (await accepted.GetAsync("/")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("consent-banner", again);
    }
}
