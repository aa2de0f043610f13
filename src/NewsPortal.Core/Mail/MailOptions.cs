using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Core.Mail;

public sealed class MailOptions
{
    public const string SectionName = "Mail";

    /// <summary>Where messages are written as .eml files when no SMTP host is set.</summary>
    [Required] public string PickupDirectory { get; set; } = "mail-outbox";

    /// <summary>Sender of account emails (invitations, password resets).</summary>
    [Required, EmailAddress] public string FromAddress { get; set; } = "newsroom@newsportal.local";

    [Required] public string FromName { get; set; } = "نيوز بورتال";
}
