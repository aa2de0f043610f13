using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Core.Mail;

public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    /// <summary>Empty means no SMTP server: mail goes to the pickup folder instead.</summary>
    public string? Host { get; set; }

    [Range(1, 65535)] public int Port { get; set; } = 25;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>None, StartTls, SslOnConnect or Auto (MailKit's SecureSocketOptions).</summary>
    [AllowedValues("None", "StartTls", "SslOnConnect", "Auto", "StartTlsWhenAvailable")]
    public string Security { get; set; } = "Auto";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
