using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.Newsletter;
using NewsPortal.Core.Newsroom;
using NewsPortal.Core.Reading;
using NewsPortal.Tests.Infrastructure;
using NewsPortal.Web.Infrastructure;

namespace NewsPortal.Tests.Admin;

/// <summary>An SQLite portal moved to PostgreSQL with the move-to-postgres command, then served from there.</summary>
public class MovingToPostgres
{
    private sealed class SqlitePortal(string path) : AdminPortal(path)
    {
        protected override string DatabaseProvider => DatabaseOptions.Sqlite;
    }

    private sealed class PostgresPortal(string path) : AdminPortal(path)
    {
        protected override string DatabaseProvider => DatabaseOptions.Postgres;
    }

    [PostgresConfigurationFact]
    public async Task ThePortalOnPostgresShowsTheSameArticlesAccountsAndSearchesAsBefore()
    {
        var sqlitePath = TestDatabase.NewPath("newsportal-move");
        var postgresPath = TestDatabase.NewPath("newsportal-moved");
        try
        {
            string story, cookie, articleUrl;
            List<string> found;
            using (var before = new SqlitePortal(sqlitePath))
            {
                await before.InitializeAsync();
                var articleId = await FillAsync(before);
                var reader = before.CreateReader();
                articleUrl = (await reader.GetAsync($"/articles/{articleId}")).Headers.Location!.OriginalString;
                story = await StoryAsync(reader, articleUrl);
                found = await FoundAsync(reader, "الزيتون");
                var signIn = await Staff.SignInAsync(Staff.Browser(before), AdminPortal.AdminEmail, AdminPortal.AdminPassword);
                Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
                cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("np-auth=")).Split(';')[0];
            }
            Assert.Equal(2, found.Count);

            var target = TestDatabase.BlankPostgresDatabase(postgresPath);
            var (code, output, error) = await MoveAsync(sqlitePath, target);
            Assert.True(code == 0, $"the move failed ({code}): {error}\n{output}");

            await using (var sqlite = TestDatabase.Open(sqlitePath, DatabaseOptions.Sqlite))
            await using (var postgres = TestDatabase.Open(postgresPath, DatabaseOptions.Postgres))
            {
                Assert.Equal(await CountsAsync(sqlite), await CountsAsync(postgres));
                Assert.Equal(await TagsOfArticlesAsync(sqlite), await TagsOfArticlesAsync(postgres));
            }

            using var after = new PostgresPortal(postgresPath);
            var moved = await new Infrastructure.Newsroom(after).WithDbAsync(db => db.Sections.MaxAsync(s => s.Id));
            await after.InitializeAsync();
            Assert.True(after.Section.Id > moved, "the section sequence was not moved past the copied ids");

            var afterReader = after.CreateReader();
            Assert.Equal(story, await StoryAsync(afterReader, articleUrl));
            // The same articles; their order is each engine's ranking, tested with search itself.
            Assert.Equal(found.Order(), (await FoundAsync(afterReader, "الزيتون")).Order());
            // The data-protection keys moved too: a sign-in made before the move is still good.
            var signedIn = after.CreateReader();
            signedIn.DefaultRequestHeaders.Add("Cookie", cookie);
            Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/admin")).StatusCode);
            var signInAgain = await Staff.SignInAsync(Staff.Browser(after), AdminPortal.AdminEmail, AdminPortal.AdminPassword);
            Assert.Equal(HttpStatusCode.Redirect, signInAgain.StatusCode);
            Assert.Equal("/admin", signInAgain.Headers.Location?.OriginalString);

            var (again, _, refusal) = await MoveAsync(sqlitePath, target);
            Assert.Equal(1, again);
            Assert.Contains("not empty", refusal);
        }
        finally
        {
            await TestDatabase.DeleteAsync(sqlitePath, DatabaseOptions.Sqlite);
            await TestDatabase.DeleteAsync(postgresPath, DatabaseOptions.Postgres);
        }
    }

    [Fact]
    public async Task AMissingSqliteFileIsRefusedWithoutTouchingTheTarget()
    {
        var (code, _, error) = await MoveAsync(TestDatabase.NewPath("newsportal-missing"), "Host=127.0.0.1;Port=1;Database=none");
        Assert.Equal(1, code);
        Assert.Contains("No SQLite database", error);
    }

    private static async Task<(int Code, string Output, string Error)> MoveAsync(string sqlitePath, string target)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = await PortalMove.RunAsync(["--from", $"Data Source={sqlitePath}", "--to", target], output, error);
        return (code, output.ToString(), error.ToString());
    }

    /// <summary>A little of everything a newsroom keeps; returns the article the test reads.</summary>
    private static async Task<int> FillAsync(SqlitePortal portal)
    {
        var newsroom = new Infrastructure.Newsroom(portal);
        var writer = await Staff.CreateAsync(portal, "Writer");
        var author = await newsroom.AuthorAsync("سلمى القاسم", "salma");
        var tags = await newsroom.TagsAsync("زراعة", "مواسم");
        var article = await newsroom.PublishedAsync("موسم قطاف الزيتون يبدأ مبكرا", portal.Section, 2, [author], tags,
            "## الحقول\n\nبدأ المزارعون **قطاف الزيتون** قبل موعده بأسبوعين.", "المطر المبكر غير الموعد");
        // SQLite stores U+0000, which PostgreSQL refuses in text: the move must carry it over all the same.
        await newsroom.PublishedAsync("أسعار زيت الزيتون", portal.Section, 5, tags: [tags[0]], body: "سعر زيت الزيتون\0 يرتفع.");
        await newsroom.DraftAsync("مسودة لم تنشر", portal.Section);
        await newsroom.WithDbAsync(async db =>
        {
            var now = newsroom.Now;
            var stored = await db.Articles.SingleAsync(a => a.Id == article.Id);
            db.ArticleRevisions.Add(stored.Revise(writer.Id, writer.DisplayName, now));
            var actor = writer.DisplayName ?? writer.Email!;
            db.AuditLog.Add(new AuditEntry(now, writer.Id, actor, "publish", stored.Headline));
            Assert.True(SubscriberEmail.TryParse("reader@example.com", out var email, out _));
            var subscriber = new Subscriber(email!, "/", "test", now);
            subscriber.RecordConfirmationSent(now);
            subscriber.Confirm(subscriber.RequestedAt, now);
            db.Subscribers.Add(subscriber);
            var issue = new NewsletterIssue("نشرة الأحد", "مقدمة", ArticleSelection.Chosen, [article.Id], now, writer.Email);
            db.NewsletterIssues.Add(issue);
            await db.SaveChangesAsync();
            db.Deliveries.Add(new Delivery(issue.Id, subscriber.Id, now));
            await db.SaveChangesAsync();
            await db.AddViewsAsync([new ArticleViewCount(article.Id, now, 7)]);
            return 0;
        });
        return article.Id;
    }

    private static async Task<string> StoryAsync(HttpClient reader, string url)
    {
        var document = await reader.GetDocumentAsync(url);
        return document.QuerySelector("article.story")?.OuterHtml ?? throw new InvalidOperationException($"No story at {url}.");
    }

    private static async Task<List<string>> FoundAsync(HttpClient reader, string words)
    {
        var document = await reader.GetDocumentAsync($"/search?q={Uri.EscapeDataString(words)}");
        return document.QuerySelectorAll(".search-result-title a").Select(a => a.TextContent.Trim()).ToList();
    }

    private static async Task<int[]> CountsAsync(NewsDbContext db) =>
    [
        await db.Articles.CountAsync(), await db.ArticleRevisions.CountAsync(), await db.Sections.CountAsync(),
        await db.Tags.CountAsync(), await db.Authors.CountAsync(), await db.Users.CountAsync(), await db.UserRoles.CountAsync(),
        await db.Roles.CountAsync(), await db.Subscribers.CountAsync(), await db.NewsletterIssues.CountAsync(),
        await db.Deliveries.CountAsync(), await db.AuditLog.CountAsync(), await db.ArticleViewCounts.CountAsync(),
        await db.DataProtectionKeys.CountAsync(),
    ];

    private static async Task<List<string>> TagsOfArticlesAsync(NewsDbContext db) =>
        (await db.Articles.Include(a => a.Tags).Include(a => a.Authors).OrderBy(a => a.Id).ToListAsync())
        .Select(a => $"{a.Id}: {string.Join(",", a.Tags.Select(t => t.Id).Order())} / {string.Join(",", a.Authors.Select(t => t.Id).Order())}")
        .ToList();
}
