namespace NewsPortal.Core.Newsletter;

public enum DeliveryStatus
{
    Waiting = 0,
    /// <summary>Claimed by a dispatcher until <see cref="Delivery.ClaimedUntil"/>; after that anyone may take it over.</summary>
    Sending = 1,
    Sent = 2,
    /// <summary>Refused for good by the receiving server, or out of attempts.</summary>
    Failed = 3,
    /// <summary>The subscriber left before their turn came.</summary>
    Skipped = 4,
}

/// <summary>One issue to one subscriber: the unit the dispatcher claims, sends and records.</summary>
public class Delivery
{
    public const int MaxAttempts = 8;
    public const int ErrorMaxLength = 500;
    public const int ClaimedByMaxLength = 100;

    private static readonly TimeSpan FirstRetry = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromHours(2);

    private Delivery() { }

    public Delivery(int issueId, int subscriberId, DateTime nowUtc)
    {
        IssueId = issueId;
        SubscriberId = subscriberId;
        NextAttemptAt = nowUtc;
    }

    public long Id { get; private set; }
    public int IssueId { get; private set; }
    public int SubscriberId { get; private set; }
    public DeliveryStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTime NextAttemptAt { get; private set; }
    public DateTime? ClaimedUntil { get; private set; }

    /// <summary>The dispatcher instance that claimed the row last; while <see cref="ClaimedUntil"/> lies ahead, only it may send.</summary>
    public string? ClaimedBy { get; private set; }
    public string? LastError { get; private set; }
    public DateTime? SentAt { get; private set; }


    /// <summary>Waits after the nth failed attempt: one minute, doubling, at most two hours.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromTicks(Math.Min(LongestRetry.Ticks, FirstRetry.Ticks << Math.Clamp(attempts - 1, 0, 20)));

    public void MarkSent(DateTime nowUtc)
    {
        Attempts++;
        Status = DeliveryStatus.Sent;
        SentAt = nowUtc;
        ClaimedUntil = null;
        LastError = null;
    }

    /// <summary>A temporary failure: tried again after a growing pause, until attempts run out.</summary>
    public void Retry(string error, DateTime nowUtc)
    {
        Attempts++;
        LastError = Trim(error);
        ClaimedUntil = null;
        if (Attempts >= MaxAttempts)
        {
            Status = DeliveryStatus.Failed;
            return;
        }
        Status = DeliveryStatus.Waiting;
        NextAttemptAt = nowUtc + Backoff(Attempts);
    }

    public void Fail(string error)
    {
        Attempts++;
        Status = DeliveryStatus.Failed;
        LastError = Trim(error);
        ClaimedUntil = null;
    }

    public void Skip()
    {
        Status = DeliveryStatus.Skipped;
        ClaimedUntil = null;
    }

    private static string Trim(string error) => error.Length > ErrorMaxLength ? error[..ErrorMaxLength] : error;
}
