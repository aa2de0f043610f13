using Microsoft.Extensions.DependencyInjection;
using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Newsroom;
using NewsPortal.Tests.Admin;
using NewsPortal.Tests.Infrastructure;
using NewsPortal.Web.Authorization;

namespace NewsPortal.Tests.Engagement;

public class FlaggingBreakingNews
{
    private static readonly DateTime Now = new(2026, 3, 10, 9, 0, 0, DateTimeKind.Utc);

    private static Article Published()
    {
        var article = new Article("انفجار في المرفأ", new Section("محليات", "local"), Now.AddHours(-2));
        article.Publish(Now.AddHours(-1));
        return article;
    }

    [Fact]
    public void AnArticleIsBreakingUntilItsTimeRunsOut()
    {
        var article = Published();
        article.MarkBreaking(Now.AddHours(2), Now);

        Assert.True(article.IsBreakingAt(Now));
        Assert.True(article.IsBreakingAt(Now.AddHours(2).AddSeconds(-1)));
        Assert.False(article.IsBreakingAt(Now.AddHours(2)));
    }

    [Fact]
    public void FlaggingChangesNeitherTheStoryNorItsDates()
    {
        var article = Published();
        var (updated, revised) = (article.UpdatedAt, article.RevisedAt);
        article.MarkBreaking(Now.AddHours(2), Now);
        Assert.Equal(updated, article.UpdatedAt);
        Assert.Equal(revised, article.RevisedAt);
    }

    [Fact]
    public void OnlyAPublishedArticleCanBeFlaggedAndOnlyForAFutureTimeWithinAWeek()
    {
        var draft = new Article("مسودة", new Section("محليات", "local"), Now);
        Assert.Throws<InvalidOperationException>(() => draft.MarkBreaking(Now.AddHours(1), Now));
        var article = Published();
        Assert.Throws<InvalidOperationException>(() => article.MarkBreaking(Now, Now));
        Assert.Throws<InvalidOperationException>(() => article.MarkBreaking(Now + Article.MaxBreakingDuration + TimeSpan.FromMinutes(1), Now));
        Assert.Null(article.BreakingUntil);
    }

    [Fact]
    public void ClearingOrUnpublishingEndsIt()
    {
        var article = Published();
        article.MarkBreaking(Now.AddHours(2), Now);
        article.ClearBreaking();
        Assert.False(article.IsBreakingAt(Now));

        article.MarkBreaking(Now.AddHours(2), Now);
        article.Unpublish(Now);
        article.Publish(Now.AddMinutes(1));
        Assert.False(article.IsBreakingAt(Now.AddMinutes(2)));
    }
}

public class TheBreakingNewsTicker
{
    private static async Task<string[]> TickerAsync(HttpClient reader, string path)
    {
        var response = await reader.GetAsync(path);
        var page = await Html.ParseAsync(response);
        var ticker = page.QuerySelector(".breaking");
        if (ticker is null) return [];
        Assert.Equal("region", ticker.GetAttribute("role"));
        Assert.False(string.IsNullOrWhiteSpace(ticker.GetAttribute("aria-label")));
        return ticker.QuerySelectorAll("li a").Select(a => a.Text()).ToArray();
    }

    [Fact]
    public async Task ShowsOnEveryReaderPageUntilItExpires()
    {
        using var portal = new PortalFactory();
        var newsroom = new Infrastructure.Newsroom(portal);
        var section = await newsroom.SectionAsync("محليات", "local");
        var story = await newsroom.PublishedAsync("زلزال يضرب الساحل", section);
        await newsroom.ChangeAsync(story.Id, a => a.MarkBreaking(newsroom.Now.AddHours(2), newsroom.Now));
        var reader = portal.CreateReader();

        string[] pages = ["/", $"/articles/{story.Id}/{Uri.EscapeDataString(story.Slug)}", "/sections/local", "/search?q=زلزال",
            "/privacy", "/no-such-page", "/en", "/en/sections/local"];
        foreach (var path in pages)
        {
            Assert.True((await TickerAsync(reader, path)).SequenceEqual(["زلزال يضرب الساحل"]), $"no ticker on {path}");
        }

        portal.Clock.Advance(TimeSpan.FromHours(2));
        // Cached pages follow within the cache lifetime, which runs on the real clock; let it pass.
        await portal.Services.GetRequiredService<NewsPortal.Web.Infrastructure.ReaderPages>().ChangedAsync();
        foreach (var path in pages)
        {
            Assert.True((await TickerAsync(reader, path)).Length == 0, $"an expired ticker on {path}");
        }
    }

    [Fact]
    public async Task ShowsAtMostFiveVisibleArticlesNewestFirst()
    {
        using var portal = new PortalFactory();
        var newsroom = new Infrastructure.Newsroom(portal);
        var section = await newsroom.SectionAsync("محليات", "local");
        for (var i = 1; i <= 7; i++)
        {
            var article = await newsroom.PublishedAsync($"عاجل رقم {i}", section, hoursAgo: 10 - i);
            await newsroom.ChangeAsync(article.Id, a => a.MarkBreaking(newsroom.Now.AddHours(1), newsroom.Now));
        }
        var withdrawn = await newsroom.PublishedAsync("عاجل سحب", section, hoursAgo: 0.1);
        await newsroom.ChangeAsync(withdrawn.Id, a => a.MarkBreaking(newsroom.Now.AddHours(1), newsroom.Now));
        await newsroom.ChangeAsync(withdrawn.Id, a => a.Unpublish(newsroom.Now));
        await newsroom.PublishedAsync("خبر عادي", section, hoursAgo: 0.05);

        var ticker = await TickerAsync(portal.CreateReader(), "/");
        Assert.Equal(["عاجل رقم 7", "عاجل رقم 6", "عاجل رقم 5", "عاجل رقم 4", "عاجل رقم 3"], ticker);
    }

    [Fact]
    public async Task NothingInTheTickerMovesOnItsOwn()
    {
        var css = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "wwwroot", "css", "site.css"));
        var rules = css[css.IndexOf("/* Breaking news", StringComparison.Ordinal)..];
        rules = rules[..rules.IndexOf("/* Most read", StringComparison.Ordinal)];
        Assert.DoesNotContain("animation", rules);
        Assert.DoesNotContain("marquee", rules);
    }

    internal static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "NewsPortal.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("The repository root was not found.");
    }
}

public class BreakingNewsInTheEditor(AdminPortal portal) : IClassFixture<AdminPortal>
{
    private readonly Infrastructure.Newsroom _newsroom = new(portal);

    private static string Local(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, TimeZoneInfo.FindSystemTimeZoneById("Asia/Riyadh")).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    [Fact]
    public async Task AnEditorFlagsAnArticleUntilAChosenLocalTimeAndLiftsTheFlag()
    {
        var (editor, user) = await Staff.SignedInAsync(portal, NewsroomRoles.Editor);
        var article = await _newsroom.PublishedAsync("حريق في غابة قريبة", portal.Section);
        var editPage = $"/admin/articles/{article.Id}/edit";
        var until = _newsroom.Now.AddHours(3);

        var form = await editor.GetDocumentAsync(editPage);
        Assert.NotNull(form.QuerySelector($"form[action='/admin/articles/{article.Id}/breaking'] input[type=datetime-local][name=Until]"));

        var response = await editor.SubmitAsync(editPage, $"/admin/articles/{article.Id}/breaking", new() { ["Until"] = Local(until) });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(until, await _newsroom.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).Select(a => a.BreakingUntil).SingleAsync()));
        var audit = await _newsroom.WithDbAsync(db => db.AuditLog.Where(e => e.Subject == $"article:{article.Id}").Select(e => new { e.Action, e.UserId }).ToListAsync());
        Assert.Contains(audit, e => e.Action == AuditActions.MarkBreaking && e.UserId == user.Id);
        Assert.Contains("حريق في غابة قريبة", (await portal.CreateReader().GetDocumentAsync("/")).QuerySelector(".breaking").Text());

        var edited = await editor.GetDocumentAsync(editPage);
        Assert.Contains("عاجل حتى", edited.QuerySelector(".breaking-state").Text());
        response = await editor.SubmitAsync(editPage, $"/admin/articles/{article.Id}/breaking/delete", []);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Null(await _newsroom.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).Select(a => a.BreakingUntil).SingleAsync()));
        Assert.Contains(AuditActions.ClearBreaking, await _newsroom.WithDbAsync(db => db.AuditLog.Where(e => e.Subject == $"article:{article.Id}").Select(e => e.Action).ToListAsync()));
    }

    [Fact]
    public async Task APastTimeOrAnUnpublishedArticleIsRefusedWithAMessage()
    {
        var (editor, _) = await Staff.SignedInAsync(portal, NewsroomRoles.Editor);
        var article = await _newsroom.PublishedAsync("خبر قديم", portal.Section);
        var draft = await _newsroom.DraftAsync("مسودة لم تنشر", portal.Section);

        await editor.SubmitAsync($"/admin/articles/{article.Id}/edit", $"/admin/articles/{article.Id}/breaking",
            new() { ["Until"] = Local(_newsroom.Now.AddHours(-1)) });
        await editor.SubmitAsync($"/admin/articles/{draft.Id}/edit", $"/admin/articles/{draft.Id}/breaking",
            new() { ["Until"] = Local(_newsroom.Now.AddHours(1)) });
        var garbled = await editor.SubmitAsync($"/admin/articles/{article.Id}/edit", $"/admin/articles/{article.Id}/breaking",
            new() { ["Until"] = "not a time" });
        Assert.Equal(HttpStatusCode.Redirect, garbled.StatusCode);

        var flags = await _newsroom.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id || a.Id == draft.Id).Select(a => a.BreakingUntil).ToListAsync());
        Assert.All(flags, Assert.Null);
        var page = await editor.GetDocumentAsync($"/admin/articles/{article.Id}/edit");
        Assert.Null(page.QuerySelector(".breaking-state"));
    }

    [Fact]
    public async Task WritersCannotFlagArticles()
    {
        var (writer, _) = await Staff.SignedInAsync(portal, NewsroomRoles.Writer);
        var article = await _newsroom.PublishedAsync("خبر يريده الكاتب عاجلا", portal.Section);
        var token = await Staff.TokenAsync(writer, "/admin/articles/new");

        var response = await writer.PostAsync($"/admin/articles/{article.Id}/breaking", new FormUrlEncodedContent([
            new("Until", Local(_newsroom.Now.AddHours(1))), new("__RequestVerificationToken", token)]));

        Assert.StartsWith("http://localhost/admin/account/denied", response.Headers.Location?.ToString());
        Assert.Null(await _newsroom.WithDbAsync(db => db.Articles.Where(a => a.Id == article.Id).Select(a => a.BreakingUntil).SingleAsync()));
    }
}
