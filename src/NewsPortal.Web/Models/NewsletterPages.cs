namespace NewsPortal.Web.Models;

/// <summary>The sign-up box's wording. Its version is recorded with each consent; change it whenever the text changes.</summary>
public static class NewsletterWording
{
    public const string Version = "2026-03-a";
    public const string Heading = "اشترك في نشرتنا الإخبارية";
    public const string Promise = "احصل على آخر الأخبار في بريدك الإلكتروني. يمكنك إلغاء الاشتراك في أي وقت.";
}

/// <summary>The sign-up box on a reader's page: it only needs to know which page it sits on.</summary>
public sealed record NewsletterBox(string SourcePath);

/// <summary>What the sign-up form posts.</summary>
public sealed class SignUpForm
{
    public string? Email { get; set; }
    public string? Source { get; set; }
    public string? Wording { get; set; }
}

/// <summary>
/// Every newsletter page for readers: a message, and either a one-button form (confirm, unsubscribe)
/// or the sign-up form again after a refused address.
/// </summary>
public sealed record NewsletterPage(string Heading, string Message) : IPageModel
{
    public string? ActionUrl { get; init; }
    public string? ActionLabel { get; init; }
    public string? Error { get; init; }
    public string? Email { get; init; }
    public string? SourcePath { get; init; }

    public PageMeta Meta => new(Heading);
}
