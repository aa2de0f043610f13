namespace NewsPortal.Core.Newsletter;

public enum IssueStatus
{
    Draft = 0,
    Scheduled = 1,
    Sending = 2,
    Sent = 3,
}

/// <summary>Which articles an issue carries.</summary>
public enum ArticleSelection
{
    /// <summary>The articles the editor ticked.</summary>
    Chosen = 0,

    /// <summary>Everything published since the previous issue went out.</summary>
    SinceLastIssue = 1,
}

/// <summary>One newsletter: written as a draft, then sent at once or at a scheduled time to every confirmed subscriber.</summary>
public class NewsletterIssue
{
    public const int SubjectMaxLength = 200;
    public const int IntroMaxLength = 4000;
    public const int MaxArticles = 30;

    private NewsletterIssue() { }

    public NewsletterIssue(string subject, string? intro, ArticleSelection selection, IEnumerable<int> articleIds, DateTime nowUtc, string? createdBy)
    {
        CreatedAt = nowUtc;
        CreatedBy = createdBy;
        Revise(subject, intro, selection, articleIds, nowUtc);
    }

    public int Id { get; private set; }
    public string Subject { get; private set; } = "";
    public string? Intro { get; private set; }
    public ArticleSelection Selection { get; private set; }

    /// <summary>The chosen articles; once sending starts, the articles actually sent, in order.</summary>
    public List<int> ArticleIds { get; private set; } = [];

    public IssueStatus Status { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public string? CreatedBy { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public DateTime? ScheduledAt { get; private set; }

    /// <summary>When delivery rows were made and sending began.</summary>
    public DateTime? StartedAt { get; private set; }

    public DateTime? FinishedAt { get; private set; }

    /// <summary>How many confirmed subscribers the issue went to.</summary>
    public int Recipients { get; private set; }

    public bool IsEditable => Status is IssueStatus.Draft or IssueStatus.Scheduled;

    public void Revise(string subject, string? intro, ArticleSelection selection, IEnumerable<int> articleIds, DateTime nowUtc)
    {
        if (!IsEditable) throw new InvalidOperationException("An issue that is being sent can no longer be changed.");
        subject = Text.TextTools.NormaliseLine(subject);
        if (subject.Length == 0) throw new ArgumentException("A subject is required.", nameof(subject));
        if (subject.Length > SubjectMaxLength) throw new ArgumentException("The subject is too long.", nameof(subject));
        Subject = subject;
        Intro = string.IsNullOrWhiteSpace(intro) ? null : intro.Trim().ReplaceLineEndings("\n");
        if (Intro?.Length > IntroMaxLength) throw new ArgumentException("The intro is too long.", nameof(intro));
        Selection = selection;
        ArticleIds = selection == ArticleSelection.Chosen ? articleIds.Distinct().Take(MaxArticles).ToList() : [];
        UpdatedAt = nowUtc;
    }

    /// <summary>Asks the dispatcher to send it as soon as it can.</summary>
    public void SendNow(DateTime nowUtc) => Schedule(nowUtc, nowUtc);

    public void Schedule(DateTime atUtc, DateTime nowUtc)
    {
        if (!IsEditable) throw new InvalidOperationException("The issue has already gone out.");
        Status = IssueStatus.Scheduled;
        ScheduledAt = atUtc < nowUtc ? nowUtc : atUtc;
        UpdatedAt = nowUtc;
    }

    public void Unschedule(DateTime nowUtc)
    {
        if (Status != IssueStatus.Scheduled) return;
        Status = IssueStatus.Draft;
        ScheduledAt = null;
        UpdatedAt = nowUtc;
    }


    /// <summary>Freezes the content (the articles resolved now) and starts sending to the given number of subscribers.</summary>
    public void Start(IReadOnlyList<int> articleIds, int recipients, DateTime nowUtc)
    {
        if (Status != IssueStatus.Scheduled) throw new InvalidOperationException("Only a scheduled issue can start.");
        ArticleIds = articleIds.ToList();
        Recipients = recipients;
        Status = IssueStatus.Sending;
        StartedAt = nowUtc;
        UpdatedAt = nowUtc;
    }

    public void Finish(DateTime nowUtc)
    {
        if (Status != IssueStatus.Sending) return;
        Status = IssueStatus.Sent;
        FinishedAt = nowUtc;
        UpdatedAt = nowUtc;
    }
}
