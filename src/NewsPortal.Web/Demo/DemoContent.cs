using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.Newsroom;
using NewsPortal.Core.Text;

namespace NewsPortal.Web.Demo;

/// <summary>
/// Sample sections, authors and articles so that a newcomer's first start shows a living portal.
/// Runs only on an empty database and never in Production.
/// </summary>
public sealed class DemoContent(
    NewsDbContext db,
    UserManager<NewsUser> users,
    IArticleRenderer renderer,
    TimeProvider clock,
    ILogger<DemoContent> logger)
{
    public async Task SeedIfEmptyAsync(CancellationToken ct = default)
    {
        if (await db.Articles.AnyAsync(ct)) return;

        var content = await LoadAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;

        var sections = content.Sections.ToDictionary(
            s => s.Slug,
            s => new Section(s.Name, s.Slug, s.Description, s.Position));
        db.Sections.AddRange(sections.Values);

        var authors = new Dictionary<string, Author>();
        foreach (var a in content.Authors)
        {
            var user = new NewsUser { UserName = a.Email, Email = a.Email, EmailConfirmed = true, DisplayName = a.DisplayName };
            var created = await users.CreateAsync(user);
            if (!created.Succeeded) throw new InvalidOperationException($"Demo account {a.Email} could not be created.");
            var author = new Author(a.DisplayName, a.Slug, a.Bio);
            author.LinkTo(user);
            authors[a.Slug] = author;
        }
        db.Authors.AddRange(authors.Values);

        var tags = new Dictionary<string, Tag>();
        foreach (var item in content.Articles)
        {
            var article = new Article(item.Headline, sections[item.Section], now);
            article.Write(item.Headline, item.Dek, item.Body, renderer, now);
            article.Illustrate(item.Image, item.ImageAlt, item.ImageCaption);
            article.TagWith(item.Tags.Select(name =>
            {
                var tag = new Tag(name);
                return tags.TryGetValue(tag.Slug, out var known) ? known : tags[tag.Slug] = tag;
            }).ToList());
            article.CreditTo(item.Authors.Select(slug => authors[slug]));
            article.RecordPublication(
                now.AddHours(-item.HoursAgo),
                item.UpdatedHoursAgo is { } updated ? now.AddHours(-updated) : null);
            db.Articles.Add(article);
        }

        await db.SaveChangesAsync(ct);
        logger.LogInformation("Demo content added: {Articles} articles in {Sections} sections.", content.Articles.Count, sections.Count);
    }

    private static async Task<DemoFile> LoadAsync(CancellationToken ct)
    {
        await using var stream = typeof(DemoContent).Assembly.GetManifestResourceStream("NewsPortal.Web.Demo.demo-content.json")
            ?? throw new InvalidOperationException("The demo content resource is missing.");
        return await JsonSerializer.DeserializeAsync<DemoFile>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web), ct)
            ?? throw new InvalidOperationException("The demo content resource is empty.");
    }

    private sealed record DemoFile(List<DemoSection> Sections, List<DemoAuthor> Authors, List<DemoArticle> Articles);
    private sealed record DemoSection(string Slug, string Name, string? Description, int Position);
    private sealed record DemoAuthor(string Slug, string DisplayName, string Email, string? Bio);
    private sealed record DemoArticle(
        string Headline, string? Dek, string Section, List<string> Tags, List<string> Authors,
        double HoursAgo, double? UpdatedHoursAgo, string? Image, string? ImageAlt, string? ImageCaption, string Body);
}
