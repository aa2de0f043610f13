using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Data;
using NewsPortal.Core.Newsroom;
using NewsPortal.Core.Search;
using NewsPortal.Core.Text;

namespace NewsPortal.Tests.Infrastructure;

/// <summary>
/// Puts sections, authors and articles in a given state straight into the portal's database and,
/// as the newsroom's own code does after every save, brings the search index up to date.
/// </summary>
public sealed class Newsroom(PortalFactory portal)
{
    private static readonly MarkdownArticleRenderer Renderer = new();

    public DateTime Now => portal.Clock.GetUtcNow().UtcDateTime;

    public async Task<T> WithDbAsync<T>(Func<NewsDbContext, Task<T>> work)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        return await work(db);
    }

    public Task<Section> SectionAsync(string name, string slug, int position = 0) => WithDbAsync(async db =>
    {
        var section = new Section(name, slug, $"أخبار {name}", position);
        db.Sections.Add(section);
        await db.SaveChangesAsync();
        return section;
    });

    public Task<Author> AuthorAsync(string name, string slug) => WithDbAsync(async db =>
    {
        var author = new Author(name, slug, $"{name} صحفي في الموقع.");
        db.Authors.Add(author);
        await db.SaveChangesAsync();
        return author;
    });

    public Task<Tag[]> TagsAsync(params string[] names) => WithDbAsync(async db =>
    {
        var tags = names.Select(n => new Tag(n)).ToArray();
        db.Tags.AddRange(tags);
        await db.SaveChangesAsync();
        return tags;
    });

    /// <summary>An article published <paramref name="hoursAgo"/> hours before the portal's clock.</summary>
    public Task<Article> PublishedAsync(string headline, Section section, double hoursAgo = 1, Author[]? authors = null,
        Tag[]? tags = null, string? body = null, string? dek = null, string? image = null) =>
        ArticleAsync(headline, section, authors, tags, body, dek, image, a => a.RecordPublication(Now.AddHours(-hoursAgo), null));

    public Task<Article> DraftAsync(string headline, Section section) =>
        ArticleAsync(headline, section, null, null, null, null, null, _ => { });

    public Task<Article> ScheduledAsync(string headline, Section section, TimeSpan inFuture) =>
        ArticleAsync(headline, section, null, null, null, null, null, a => a.Schedule(Now + inFuture, Now));

    public Task<Article> ArticleAsync(string headline, Section section, Author[]? authors, Tag[]? tags, string? body,
        string? dek, string? image, Action<Article> state) => WithDbAsync(async db =>
    {
        db.Attach(section);
        foreach (var author in authors ?? []) db.Attach(author);
        foreach (var tag in tags ?? []) db.Attach(tag);
        var article = new Article(headline, section, Now);
        article.Write(headline, dek, body ?? $"## خلفية\n\nنص خبر {headline}.\n\n## ما التالي\n\nتفاصيل إضافية.", Renderer, Now);
        article.Illustrate(image, image is null ? null : "صورة توضيحية", image is null ? null : "تعليق الصورة");
        article.CreditTo(authors ?? []);
        article.TagWith(tags ?? []);
        state(article);
        db.Articles.Add(article);
        await db.SaveChangesAsync();
        await IndexAsync(db, article);
        return article;
    });

    public Task ChangeAsync(int articleId, Action<Article> change) => WithDbAsync(async db =>
    {
        var article = await db.Articles.FindAsync(articleId) ?? throw new InvalidOperationException("No such article.");
        change(article);
        await db.SaveChangesAsync();
        await IndexAsync(db, article);
        return 0;
    });

    /// <summary>Changes an article without telling the search index, as a bulk import or a restored backup would.</summary>
    public Task ChangeBehindTheIndexAsync(int articleId, Action<Article> change) => WithDbAsync(async db =>
    {
        var article = await db.Articles.FindAsync(articleId) ?? throw new InvalidOperationException("No such article.");
        change(article);
        await db.SaveChangesAsync();
        return 0;
    });

    public async Task<T> WithSearchIndexAsync<T>(Func<SearchIndex, Task<T>> work)
    {
        await using var scope = portal.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<SearchIndex>());
    }

    // The portal's own result cache, so that a search after a change here sees the change.
    private Task IndexAsync(NewsDbContext db, Article article) =>
        new SearchIndex(db, Renderer, portal.Services.GetRequiredService<SearchResultCache>()).IndexAsync(article);
}
