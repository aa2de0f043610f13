using System.Security.Cryptography;

namespace NewsPortal.Core.Newsletter;

public enum SubscriberStatus
{
    Pending = 0,
    Confirmed = 1,
    Unsubscribed = 2,
    Bounced = 3,
}

/// <summary>
/// A reader who asked for the newsletter, with the record of that consent: when, on which page,
/// which wording they were shown, and when they confirmed it from their inbox.
/// </summary>
public class Subscriber
{
    private Subscriber() { }

    /// <summary>A sign-up from the form; it stays pending until the link in the confirmation email is followed.</summary>
    public Subscriber(SubscriberEmail email, string sourcePage, string wordingVersion, DateTime nowUtc)
    {
        Email = email.Value;
        UnsubscribeToken = NewToken();
        RecordRequest(sourcePage, wordingVersion, nowUtc);
    }

    public int Id { get; private set; }

    /// <summary>The normalised address; unique.</summary>
    public string Email { get; private set; } = "";

    public SubscriberStatus Status { get; private set; }

    /// <summary>Unguessable and per subscriber: whoever holds it may unsubscribe this address, and nothing else.</summary>
    public string UnsubscribeToken { get; private set; } = "";

    /// <summary>When the (latest) sign-up was asked for; a confirmation link names it, so an older link cannot confirm a newer request.</summary>
    public DateTime RequestedAt { get; private set; }

    /// <summary>The page the form was sent from.</summary>
    public string SourcePage { get; private set; } = "";

    /// <summary>Which version of the sign-up wording the reader agreed to.</summary>
    public string WordingVersion { get; private set; } = "";

    public DateTime? ConfirmedAt { get; private set; }

    /// <summary>When the confirmation email for the current request went out; null while it is still owed.</summary>
    public DateTime? ConfirmationSentAt { get; private set; }

    public DateTime? UnsubscribedAt { get; private set; }

    public DateTime? BouncedAt { get; private set; }



    /// <summary>
    /// The same address signs up again. A confirmed subscriber stays as they are; anyone else starts a
    /// fresh request (and so gets a fresh confirmation email), with the consent of this latest form.
    /// </summary>
    public void RequestAgain(string sourcePage, string wordingVersion, DateTime nowUtc)
    {
        if (Status == SubscriberStatus.Confirmed) return;
        RecordRequest(sourcePage, wordingVersion, nowUtc);
    }

    /// <summary>Follows the confirmation link; true when the link was for the current request.</summary>
    public bool Confirm(DateTime requestedAt, DateTime nowUtc)
    {
        if (Status == SubscriberStatus.Confirmed) return requestedAt == RequestedAt;
        if (Status != SubscriberStatus.Pending || requestedAt != RequestedAt) return false;
        Status = SubscriberStatus.Confirmed;
        ConfirmedAt = nowUtc;
        return true;
    }

    public void RecordConfirmationSent(DateTime nowUtc) => ConfirmationSentAt = nowUtc;

    /// <summary>Takes effect at once; doing it twice changes nothing.</summary>
    public void Unsubscribe(DateTime nowUtc)
    {
        if (Status == SubscriberStatus.Unsubscribed) return;
        Status = SubscriberStatus.Unsubscribed;
        UnsubscribedAt = nowUtc;
    }

    /// <summary>The receiving server refused the address for good; it gets no more mail until it signs up again.</summary>
    public void Bounce(DateTime nowUtc)
    {
        if (Status == SubscriberStatus.Unsubscribed) return;
        Status = SubscriberStatus.Bounced;
        BouncedAt = nowUtc;
    }

    private void RecordRequest(string sourcePage, string wordingVersion, DateTime nowUtc)
    {
        Status = SubscriberStatus.Pending;
        RequestedAt = nowUtc;
        SourcePage = sourcePage.Length > SourcePageMaxLength ? sourcePage[..SourcePageMaxLength] : sourcePage;
        WordingVersion = wordingVersion.Length > WordingMaxLength ? wordingVersion[..WordingMaxLength] : wordingVersion;
        ConfirmedAt = null;
        ConfirmationSentAt = null;
    }

    public const int SourcePageMaxLength = 300;
    public const int WordingMaxLength = 32;

    public static string NewToken() => Base64Url(RandomNumberGenerator.GetBytes(32));

    internal static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
