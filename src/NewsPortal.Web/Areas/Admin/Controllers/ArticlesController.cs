using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.Newsroom;
using NewsPortal.Core.Reading;
using NewsPortal.Core.Search;
using NewsPortal.Core.Text;
using NewsPortal.Web.Areas.Admin.Models;
using NewsPortal.Web.Authorization;
using NewsPortal.Web.Models;
using NewsPortal.Web.Uploads;

namespace NewsPortal.Web.Areas.Admin.Controllers;

/// <summary>Listing, writing and previewing articles. Changes of state have controllers of their own.</summary>
[Route("admin/articles")]
public sealed class ArticlesController(
    NewsDbContext db,
    IArticleRenderer renderer,
    ImageStore images,
    SearchIndex search,
    IAuthorizationService authorization) : AdminController
{
    private const int PageSize = 25;
    // Large enough that an oversize image is refused by our own check, with a message, not by the server.
    private const long RequestLimit = 60L * 1024 * 1024;

    private bool IsEditor => User.IsInRole(NewsroomRoles.Admin) || User.IsInRole(NewsroomRoles.Editor);

    [HttpGet("")]
    public async Task<IActionResult> Index([FromQuery] ArticleFilter filter, CancellationToken ct)
    {
        IQueryable<Article> articles = db.Articles.AsNoTracking();
        if (!IsEditor) articles = articles.Where(a => a.OwnerId == CurrentUserId);
        if (filter.Status is { } status) articles = articles.Where(a => a.Status == status);
        if (filter.SectionId is { } section) articles = articles.InSection(section);
        if (filter.AuthorId is { } author) articles = articles.By(author);
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            articles = articles.Where(a => a.Headline.Contains(q));
        }

        var number = Page<ArticleRow>.Clamp(filter.Page);
        var total = await articles.CountAsync(ct);
        var rows = await articles.OrderByDescending(a => a.UpdatedAt).ThenByDescending(a => a.Id)
            .Skip((number - 1) * PageSize).Take(PageSize)
            .Select(a => new ArticleRow(a.Id, a.Headline, a.Status, a.Section.Name, a.UpdatedAt, a.PublishedAt,
                string.Join("، ", a.Authors.Select(au => au.DisplayName))))
            .ToListAsync(ct);
        var choices = await ChoicesAsync(ct);
        return View(new ArticlesPage(filter, new Page<ArticleRow>(rows, number, PageSize, total), choices.Sections, choices.Authors, !IsEditor));
    }

    [HttpGet("new")]
    public async Task<IActionResult> Create(CancellationToken ct) =>
        View("Edit", new ArticleEditorPage(new ArticleForm(), await ChoicesAsync(ct), null));

    [HttpPost("new")]
    [RequestSizeLimit(RequestLimit), RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
    public async Task<IActionResult> Create(ArticleForm form, CancellationToken ct)
    {
        var section = await SectionAsync(form, ct);
        var imageUrl = await UploadAsync(form, ct);
        if (!ModelState.IsValid || section is null)
            return View("Edit", new ArticleEditorPage(form, await ChoicesAsync(ct), null));

        var article = new Article(form.Headline, section, Now, CurrentUserId);
        await ApplyAsync(article, form, section, imageUrl, ct);
        db.Articles.Add(article);
        db.ArticleRevisions.Add(article.Revise(CurrentUserId, CurrentUserName, Now));
        await db.SaveChangesAsync(ct);
        await search.IndexAsync(article, ct);
        Flash("تم حفظ المسودة.");
        return RedirectToAction(nameof(Edit), new { id = article.Id });
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, CancellationToken ct)
    {
        var article = await LoadAsync(id, ct);
        if (article is null) return NotFound();
        if (!await CanEditAsync(article)) return Forbid();

        var form = new ArticleForm
        {
            Headline = article.Headline,
            Dek = article.Dek,
            Body = article.BodyMarkdown,
            SectionId = article.SectionId,
            Tags = string.Join("، ", article.Tags.Select(t => t.Name)),
            AuthorIds = article.Authors.Select(a => a.Id).ToList(),
            ImageAlt = article.LeadImageAlt,
            ImageCaption = article.LeadImageCaption,
        };
        return View(new ArticleEditorPage(form, await ChoicesAsync(ct), await StateAsync(article, ct)));
    }

    [HttpPost("{id:int}/edit")]
    [RequestSizeLimit(RequestLimit), RequestFormLimits(MultipartBodyLengthLimit = RequestLimit)]
    public async Task<IActionResult> Edit(int id, ArticleForm form, CancellationToken ct)
    {
        var article = await LoadAsync(id, ct);
        if (article is null) return NotFound();
        if (!await CanEditAsync(article)) return Forbid();

        var section = await SectionAsync(form, ct);
        var imageUrl = await UploadAsync(form, ct);
        if (!ModelState.IsValid || section is null)
            return View(new ArticleEditorPage(form, await ChoicesAsync(ct), await StateAsync(article, ct)));

        await ApplyAsync(article, form, section, imageUrl, ct);
        db.ArticleRevisions.Add(article.Revise(CurrentUserId, CurrentUserName, Now));
        await db.SaveChangesAsync(ct);
        await search.IndexAsync(article, ct);
        await ReaderPagesChangedAsync();
        Flash("تم حفظ التعديلات.");
        return RedirectToAction(nameof(Edit), new { id });
    }

    /// <summary>The body as readers will see it, for the editor's live preview.</summary>
    [HttpPost("preview")]
    public IActionResult RenderPreview([FromForm] string? body) =>
        PartialView("_BodyPreview", new HtmlPreview(renderer.ToSafeHtml(body ?? "")));

    [HttpGet("{id:int}/preview")]
    public async Task<IActionResult> Preview(int id, CancellationToken ct)
    {
        var page = await ArticlePageQuery.LoadAsync(db, db.Articles, id, Now, ct);
        if (page is null) return NotFound();
        return View("~/Views/Articles/Show.cshtml", page with { IsPreview = true });
    }

    private Task<Article?> LoadAsync(int id, CancellationToken ct) =>
        db.Articles.Include(a => a.Tags).Include(a => a.Authors).AsSplitQuery().SingleOrDefaultAsync(a => a.Id == id, ct);

    private async Task<bool> CanEditAsync(Article article) =>
        (await authorization.AuthorizeAsync(User, article, ArticleOperations.Edit)).Succeeded;

    private async Task<Section?> SectionAsync(ArticleForm form, CancellationToken ct)
    {
        if (form.SectionId is null) return null;
        var section = await db.Sections.FindAsync([form.SectionId.Value], ct);
        if (section is null) ModelState.AddModelError(nameof(form.SectionId), "القسم غير موجود.");
        if (form.TagNames().Count > ArticleForm.MaxTags)
            ModelState.AddModelError(nameof(form.Tags), $"لا تزد الوسوم على {ArticleForm.MaxTags}.");
        return section;
    }

    private async Task<string?> UploadAsync(ArticleForm form, CancellationToken ct)
    {
        if (form.Image is null || form.Image.Length == 0) return null;
        var (url, error) = await images.SaveAsync(form.Image, ct);
        if (error is not null) ModelState.AddModelError(nameof(form.Image), error);
        return url;
    }

    private async Task ApplyAsync(Article article, ArticleForm form, Section section, string? uploadedImage, CancellationToken ct)
    {
        article.Write(form.Headline, form.Dek, form.Body, renderer, Now);
        article.MoveTo(section);

        var image = uploadedImage ?? (form.RemoveImage ? null : article.LeadImageUrl);
        article.Illustrate(image, form.ImageAlt, form.ImageCaption);

        var names = form.TagNames();
        var slugs = names.Select(Slugs.From).ToList();
        var known = await db.Tags.Where(t => slugs.Contains(t.Slug)).ToListAsync(ct);
        var tags = names.Select(name =>
        {
            var slug = Slugs.From(name);
            var tag = known.FirstOrDefault(t => t.Slug == slug);
            if (tag is null)
            {
                tag = new Tag(name);
                known.Add(tag);
            }
            return tag;
        }).ToList();
        article.TagWith(tags);

        // Editors credit whoever wrote it; a writer's article keeps its byline, and starts with their own.
        List<Author> authors;
        if (IsEditor && form.AuthorIds.Count > 0)
            authors = await db.Authors.Where(a => form.AuthorIds.Contains(a.Id)).ToListAsync(ct);
        else if (!IsEditor && article.Authors.Count > 0)
            authors = article.Authors.ToList();
        else
            authors = await db.Authors.Where(a => a.UserId == CurrentUserId).ToListAsync(ct);
        article.CreditTo(authors);
    }

    private async Task<EditorChoices> ChoicesAsync(CancellationToken ct) => new(
        await db.Sections.AsNoTracking().OrderBy(s => s.Position).ThenBy(s => s.Name).Select(s => new Choice(s.Id, s.Name)).ToListAsync(ct),
        await db.Authors.AsNoTracking().OrderBy(a => a.DisplayName).Select(a => new Choice(a.Id, a.DisplayName)).ToListAsync(ct),
        await db.Tags.AsNoTracking().OrderBy(t => t.Name).Select(t => t.Name).Take(500).ToListAsync(ct),
        IsEditor);

    private async Task<ArticleState> StateAsync(Article article, CancellationToken ct) => new(
        article.Id, article.Status, article.Slug, article.LeadImageUrl, article.PublishedAt, article.UpdatedAt,
        await db.ArticleRevisions.CountAsync(r => r.ArticleId == article.Id, ct),
        IsEditor, article.IsVisibleToReadersAt(Now), article.IsBreakingAt(Now) ? article.BreakingUntil : null);
}

public sealed record HtmlPreview(string Html);
