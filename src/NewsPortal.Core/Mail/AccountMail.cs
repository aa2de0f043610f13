using Microsoft.Extensions.Options;
using MimeKit;

namespace NewsPortal.Core.Mail;

/// <summary>Composes the few emails the newsroom's accounts receive, in Arabic, with an HTML and a text part.</summary>
public sealed class AccountMail(IMailTransport transport, IOptions<MailOptions> options)
{
    public Task SendInvitationAsync(string email, string inviterName, string role, string setPasswordUrl, CancellationToken ct = default) =>
        SendAsync(email, "دعوة للانضمام إلى فريق التحرير",
            $"دعاك {inviterName} للانضمام إلى فريق تحرير {options.Value.FromName} بدور {role}.",
            "لاختيار كلمة المرور وتفعيل حسابك افتح الرابط التالي (صالح لمدة محدودة):",
            setPasswordUrl, ct);

    public Task SendPasswordResetAsync(string email, string resetUrl, CancellationToken ct = default) =>
        SendAsync(email, "إعادة تعيين كلمة المرور",
            "طُلبت إعادة تعيين كلمة المرور لحسابك.",
            "لاختيار كلمة مرور جديدة افتح الرابط التالي. إن لم تطلب ذلك فتجاهل هذه الرسالة:",
            resetUrl, ct);

    private Task SendAsync(string email, string subject, string lead, string instruction, string url, CancellationToken ct)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.Value.FromName, options.Value.FromAddress));
        message.To.Add(MailboxAddress.Parse(email));
        message.Subject = subject;
        var encodedUrl = System.Net.WebUtility.HtmlEncode(url);
        var body = new BodyBuilder
        {
            TextBody = $"{lead}\n\n{instruction}\n{url}\n",
            HtmlBody = $"""
                <!DOCTYPE html>
                <html lang="ar" dir="rtl"><body style="font-family:Tahoma,Arial,sans-serif;direction:rtl;text-align:right">
                <p>{System.Net.WebUtility.HtmlEncode(lead)}</p>
                <p>{System.Net.WebUtility.HtmlEncode(instruction)}</p>
                <p><a href="{encodedUrl}">{encodedUrl}</a></p>
                </body></html>
                """,
        };
        message.Body = body.ToMessageBody();
        return transport.SendAsync(message, ct);
    }
}
