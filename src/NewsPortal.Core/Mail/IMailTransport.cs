using MimeKit;

namespace NewsPortal.Core.Mail;

/// <summary>The one door to the outside world for email: SMTP in production, a folder of .eml files otherwise.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken ct = default);
}
