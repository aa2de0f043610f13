namespace NewsPortal.Core.Newsroom;

/// <summary>Who did what to which thing, and when: the newsroom's record of consequential acts.</summary>
public class AuditEntry
{
    private AuditEntry() { }

    public AuditEntry(DateTime atUtc, string? userId, string actorName, string action, string subject, string? details = null)
    {
        At = atUtc;
        UserId = userId;
        ActorName = actorName;
        Action = action;
        Subject = subject;
        Details = details;
    }

    public long Id { get; private set; }
    public DateTime At { get; private set; }
    public string? UserId { get; private set; }
    public string ActorName { get; private set; } = "";
    public string Action { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string? Details { get; private set; }
}

public static class AuditActions
{
    public const string Publish = "publish";
    public const string Schedule = "schedule";
    public const string ScheduledPublish = "scheduled-publish";
    public const string Unpublish = "unpublish";
    public const string Delete = "delete";
    public const string RoleChange = "role-change";
    public const string Disable = "disable-account";
    public const string Enable = "enable-account";
    public const string Invite = "invite";
    public const string EraseSubscriber = "erase-subscriber";
    public const string SendNewsletter = "send-newsletter";
    public const string ScheduleNewsletter = "schedule-newsletter";
    public const string DeleteNewsletter = "delete-newsletter";
    public const string MarkBreaking = "mark-breaking";
    public const string ClearBreaking = "clear-breaking";
}
