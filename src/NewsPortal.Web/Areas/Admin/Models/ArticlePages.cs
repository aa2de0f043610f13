using System.ComponentModel.DataAnnotations;
using NewsPortal.Core.Newsroom;
using NewsPortal.Core.Reading;
using NewsPortal.Web.Infrastructure;

namespace NewsPortal.Web.Areas.Admin.Models;

public sealed record Choice(int Id, string Name);

public sealed record ArticleRow(int Id, string Headline, ArticleStatus Status, string Section, DateTime UpdatedAt, DateTime? PublishedAt, string Authors);

public sealed class ArticleFilter
{
    public ArticleStatus? Status { get; set; }
    public int? SectionId { get; set; }
    public int? AuthorId { get; set; }

    [StringLength(200)]
    public string? Q { get; set; }

    public int? Page { get; set; }
}

public sealed record ArticlesPage(
    ArticleFilter Filter,
    Page<ArticleRow> Articles,
    IReadOnlyList<Choice> Sections,
    IReadOnlyList<Choice> Authors,
    bool OwnOnly) : IAdminPage
{
    public string Title => "المقالات";

    public string PathOfPage(int number)
    {
        var query = new List<string>();
        if (Filter.Status is { } status) query.Add($"status={status}");
        if (Filter.SectionId is { } section) query.Add($"sectionId={section}");
        if (Filter.AuthorId is { } author) query.Add($"authorId={author}");
        if (!string.IsNullOrWhiteSpace(Filter.Q)) query.Add($"q={Uri.EscapeDataString(Filter.Q)}");
        if (number > 1) query.Add($"page={number}");
        return "/admin/articles" + (query.Count > 0 ? "?" + string.Join("&", query) : "");
    }
}

/// <summary>What the editor form may change; nothing else of an article can be bound from a request.</summary>
public sealed class ArticleForm
{
    public const int MaxTags = 12;

    [Required(ErrorMessage = "العنوان مطلوب.")]
    [MeaningfulText(ErrorMessage = "العنوان مطلوب.")]
    [StringLength(Article.HeadlineMaxLength, ErrorMessage = "العنوان أطول من {1} حرفا.")]
    public string Headline { get; set; } = "";

    [StringLength(Article.DekMaxLength, ErrorMessage = "العنوان الفرعي أطول من {1} حرفا.")]
    public string? Dek { get; set; }

    [Required(ErrorMessage = "نص المقال مطلوب.")]
    [StringLength(200_000, ErrorMessage = "نص المقال أطول من المسموح.")]
    public string Body { get; set; } = "";

    [Required(ErrorMessage = "اختر قسما.")]
    public int? SectionId { get; set; }

    /// <summary>Tag names separated by commas; unknown names become new tags.</summary>
    [StringLength(1000, ErrorMessage = "الوسوم أطول من المسموح.")]
    public string? Tags { get; set; }

    public List<int> AuthorIds { get; set; } = [];

    public IFormFile? Image { get; set; }

    [StringLength(300, ErrorMessage = "النص البديل أطول من {1} حرفا.")]
    public string? ImageAlt { get; set; }

    [StringLength(500, ErrorMessage = "التعليق أطول من {1} حرفا.")]
    public string? ImageCaption { get; set; }

    public bool RemoveImage { get; set; }

    public IReadOnlyList<string> TagNames() =>
        (Tags ?? "").Split([',', '،', ';', '؛'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => NewsPortal.Core.Text.TextTools.NormaliseLine(t))
            .Where(t => t.Length is > 0 and <= 100 && t.Any(char.IsLetterOrDigit))
            .Distinct()
            .ToList();
}

public sealed record EditorChoices(IReadOnlyList<Choice> Sections, IReadOnlyList<Choice> Authors, IReadOnlyList<string> KnownTags, bool CanChooseAuthors);

public sealed record ArticleState(
    int Id,
    ArticleStatus Status,
    string Slug,
    string? ImageUrl,
    DateTime? PublishedAt,
    DateTime UpdatedAt,
    int Revisions,
    bool CanPublish,
    bool IsVisible,
    DateTime? BreakingUntil);

public sealed record ArticleEditorPage(ArticleForm Form, EditorChoices Choices, ArticleState? State) : IAdminPage
{
    public string Title => State is null ? "مقال جديد" : "تحرير المقال";
}

public sealed record RevisionRow(int Id, DateTime SavedAt, string? SavedBy, string Headline, int Length);

public sealed record RevisionsPage(int ArticleId, string Headline, IReadOnlyList<RevisionRow> Revisions, bool CanRestore) : IAdminPage
{
    public string Title => "سجل المراجعات";
}

public sealed class ScheduleForm
{
    [Required(ErrorMessage = "اختر موعد النشر.")]
    public DateTime? PublishAt { get; set; }
}

public sealed class BreakingForm
{
    [Required(ErrorMessage = "اختر حتى متى يبقى الخبر عاجلا.")]
    public DateTime? Until { get; set; }
}

public sealed record DashboardPage(int Drafts, int InReview, int Scheduled, int Published, IReadOnlyList<ArticleRow> Recent, bool OwnOnly) : IAdminPage
{
    public string Title => "لوحة التحكم";
}

public static class ArticleStatusNames
{
    public static string Arabic(ArticleStatus status) => status switch
    {
        ArticleStatus.Draft => "مسودة",
        ArticleStatus.InReview => "بانتظار المراجعة",
        ArticleStatus.Scheduled => "مجدول",
        ArticleStatus.Published => "منشور",
        ArticleStatus.Unpublished => "أُلغي نشره",
        _ => status.ToString(),
    };
}
