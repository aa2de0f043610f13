using System.ComponentModel.DataAnnotations;
using NewsPortal.Core.Newsletter;
using NewsPortal.Core.Reading;

namespace NewsPortal.Web.Areas.Admin.Models;

public sealed record SubscriberRow(int Id, string Email, SubscriberStatus Status, DateTime RequestedAt, DateTime? ConfirmedAt, string SourcePage);

public sealed record SubscriberFilter(SubscriberStatus? Status, string? Q)
{
    public string Query(int page) =>
        $"?status={Status}&q={Uri.EscapeDataString(Q ?? "")}&page={page}";
}

public sealed record SubscribersPage(SubscriberFilter Filter, Page<SubscriberRow> Subscribers, IReadOnlyDictionary<SubscriberStatus, int> Counts) : IAdminPage
{
    public string Title => "المشتركون";
}

public static class SubscriberStatusNames
{
    public static string Arabic(SubscriberStatus status) => status switch
    {
        SubscriberStatus.Pending => "بانتظار التأكيد",
        SubscriberStatus.Confirmed => "مؤكَّد",
        SubscriberStatus.Unsubscribed => "ألغى اشتراكه",
        SubscriberStatus.Bounced => "مرتجع",
        _ => status.ToString(),
    };

    public static string Arabic(IssueStatus status) => status switch
    {
        IssueStatus.Draft => "مسودة",
        IssueStatus.Scheduled => "مجدولة",
        IssueStatus.Sending => "قيد الإرسال",
        IssueStatus.Sent => "أُرسلت",
        _ => status.ToString(),
    };
}

public sealed record IssueRow(int Id, string Subject, IssueStatus Status, DateTime UpdatedAt, DateTime? ScheduledAt, DateTime? StartedAt, int Recipients);

public sealed record IssuesPage(IReadOnlyList<IssueRow> Issues, int ConfirmedSubscribers) : IAdminPage
{
    public string Title => "النشرات";
}

/// <summary>The compose form, used both for a new issue and for changing a draft.</summary>
public sealed class IssueForm : IAdminPage
{
    public int? Id { get; set; }

    [Required(ErrorMessage = "أدخل موضوع الرسالة.")]
    [StringLength(NewsletterIssue.SubjectMaxLength, ErrorMessage = "الموضوع أطول من المسموح.")]
    public string Subject { get; set; } = "";

    [StringLength(NewsletterIssue.IntroMaxLength, ErrorMessage = "المقدمة أطول من المسموح.")]
    public string? Intro { get; set; }

    public ArticleSelection Selection { get; set; } = ArticleSelection.Chosen;

    public List<int> ArticleIds { get; set; } = [];

    /// <summary>Recent published articles to choose from.</summary>
    public IReadOnlyList<ArticleCard> Candidates { get; set; } = [];

    public string Title => Id is null ? "نشرة جديدة" : "تعديل النشرة";
}

public sealed class TestSendForm
{
    [Required(ErrorMessage = "أدخل عنوان البريد.")]
    public string? Address { get; set; }
}

public sealed class IssueScheduleForm
{
    [Required(ErrorMessage = "اختر موعد الإرسال.")]
    public DateTime? SendAt { get; set; }
}

/// <summary>An issue's own page: the draft with its preview and actions, or the progress of its sending.</summary>
public sealed record IssuePage(NewsletterIssue Issue, IssueForm Form, string PreviewText, IssueProgress? Progress, int ConfirmedSubscribers) : IAdminPage
{
    public string Title => Issue.Subject;
}
