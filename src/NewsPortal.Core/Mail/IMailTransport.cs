using MimeKit;

namespace NewsPortal.Core.Mail;

/// <summary>The one door to the outside world for email: SMTP in production, a folder of .eml files otherwise.</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken ct = default);

    /// <summary>A connection kept open for many messages, as the newsletter sends them.</summary>
    Task<IMailSession> OpenSessionAsync(CancellationToken ct = default);
}

/// <summary>
/// Sends one message after another over the same connection. After a failure that is not the
/// server's answer (a broken connection), the next send reconnects.
/// </summary>
public interface IMailSession : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken ct = default);
}
