using System.Net;
using System.Text;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Cryptography;
using MimeKit.Utils;
using NewsPortal.Core.Reading;

namespace NewsPortal.Core.Newsletter;

/// <summary>Where the portal lives, for links that must work from a mail client.</summary>
public sealed record NewsletterSite(string Name, string BaseUrl)
{
    public string Link(string path) => BaseUrl.TrimEnd('/') + path;
}

/// <summary>An issue rendered once; each recipient's copy differs only in its unsubscribe link.</summary>
public sealed record IssueContent(string Subject, string Html, string Text, string Placeholder)
{
    public string HtmlFor(string unsubscribeUrl) => Html.Replace(Placeholder, WebUtility.HtmlEncode(unsubscribeUrl));

    public string TextFor(string unsubscribeUrl) => Text.Replace(Placeholder, unsubscribeUrl);
}

/// <summary>Builds the newsletter's emails: right-to-left HTML with inline styles, a plain-text twin, and the bulk-sender headers.</summary>
public sealed class NewsletterComposer(NewsletterSite site, IOptions<NewsletterOptions> options, TimeProvider clock)
{
    private readonly Lazy<DkimSigner?> _signer = new(() => CreateSigner(options.Value.Dkim));

    private static readonly HeaderId[] SignedHeaders =
    [
        HeaderId.From, HeaderId.To, HeaderId.Subject, HeaderId.Date, HeaderId.MessageId,
        HeaderId.ListUnsubscribe, HeaderId.ListUnsubscribePost, HeaderId.ListId, HeaderId.MimeVersion, HeaderId.ContentType,
    ];

    private readonly string _listId = $"{site.Name} <newsletter.{new Uri(site.BaseUrl).IdnHost}>";

    public string UnsubscribeUrl(string token) => site.Link($"/newsletter/unsubscribe/{token}");

    public string ConfirmUrl(string token) => site.Link($"/newsletter/confirm/{token}");

    public IssueContent Render(string subject, string? intro, IReadOnlyList<ArticleCard> articles)
    {
        var placeholder = $"%%unsubscribe-{Guid.NewGuid():N}%%";
        var e = (string text) => WebUtility.HtmlEncode(text);

        var html = new StringBuilder();
        html.Append($"""
            <!DOCTYPE html>
            <html lang="ar" dir="rtl">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{e(subject)}</title></head>
            <body dir="rtl" style="margin:0;padding:0;background-color:#f4f4f2;">
            <table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f4f4f2;">
            <tr><td align="center" style="padding:24px 12px;">
            <table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" dir="rtl" style="max-width:600px;width:100%;background-color:#ffffff;border:1px solid #e2e4e8;">
            <tr><td dir="rtl" style="padding:20px 24px;background-color:#1b1d21;color:#ffffff;font-family:Tahoma,Arial,sans-serif;font-size:22px;font-weight:bold;text-align:right;">{e(site.Name)}</td></tr>
            <tr><td dir="rtl" style="padding:24px 24px 8px 24px;font-family:Tahoma,Arial,sans-serif;text-align:right;">
            <h1 style="margin:0 0 12px 0;font-size:22px;line-height:1.5;color:#1b1d21;">{e(subject)}</h1>
            """);
        foreach (var paragraph in Paragraphs(intro))
        {
            html.Append($"""<p dir="auto" style="margin:0 0 12px 0;font-size:16px;line-height:1.8;color:#333333;">{e(paragraph)}</p>""").Append('\n');
        }
        html.Append("</td></tr>\n");
        foreach (var article in articles)
        {
            var url = e(ArticleUrl(article));
            html.Append($"""
                <tr><td dir="rtl" style="padding:16px 24px;border-top:1px solid #e2e4e8;font-family:Tahoma,Arial,sans-serif;text-align:right;">
                <p style="margin:0 0 4px 0;font-size:13px;color:#a4161a;font-weight:bold;">{e(article.SectionName)}</p>
                <h2 style="margin:0 0 8px 0;font-size:18px;line-height:1.5;"><a href="{url}" style="color:#1b1d21;text-decoration:none;">{e(article.Headline)}</a></h2>
                <p style="margin:0 0 8px 0;font-size:15px;line-height:1.8;color:#444444;">{e(article.Dek ?? article.Excerpt)}</p>
                <a href="{url}" style="font-size:14px;color:#a4161a;">اقرأ المزيد</a>
                </td></tr>

                """);
        }
        html.Append($"""
            <tr><td dir="rtl" style="padding:20px 24px;border-top:1px solid #e2e4e8;font-family:Tahoma,Arial,sans-serif;font-size:13px;line-height:1.8;color:#5b6169;text-align:right;">
            وصلتك هذه الرسالة لأنك اشتركت في النشرة الإخبارية لموقع {e(site.Name)}.
            <a href="{placeholder}" style="color:#5b6169;text-decoration:underline;">إلغاء الاشتراك</a>
            </td></tr>
            </table>
            </td></tr>
            </table>
            </body>
            </html>
            """);

        var text = new StringBuilder();
        text.Append(site.Name).Append("\n\n").Append(subject).Append("\n\n");
        foreach (var paragraph in Paragraphs(intro)) text.Append(paragraph).Append("\n\n");
        foreach (var article in articles)
        {
            text.Append("— ").Append(article.Headline).Append(" (").Append(article.SectionName).Append(")\n")
                .Append(article.Dek ?? article.Excerpt).Append('\n')
                .Append(ArticleUrl(article)).Append("\n\n");
        }
        text.Append($"وصلتك هذه الرسالة لأنك اشتركت في النشرة الإخبارية لموقع {site.Name}.\nلإلغاء الاشتراك: ").Append(placeholder).Append('\n');

        return new IssueContent(subject, html.ToString(), text.ToString(), placeholder);
    }

    /// <summary>One subscriber's copy of an issue, with the headers that let mailbox providers offer one-click unsubscribe.</summary>
    public MimeMessage ForRecipient(IssueContent content, string email, string unsubscribeToken)
    {
        var unsubscribe = UnsubscribeUrl(unsubscribeToken);
        var message = NewMessage(email, content.Subject);
        message.Headers.Add(HeaderId.ListUnsubscribe, $"<{unsubscribe}>");
        message.Headers.Add(HeaderId.ListUnsubscribePost, "List-Unsubscribe=One-Click");
        message.Headers.Add(HeaderId.ListId, _listId);
        message.Body = new BodyBuilder { TextBody = content.TextFor(unsubscribe), HtmlBody = content.HtmlFor(unsubscribe) }.ToMessageBody();
        return Sign(message);
    }

    /// <summary>The double opt-in email: nothing else is sent to an address until its link is followed.</summary>
    public MimeMessage Confirmation(string email, string confirmToken)
    {
        var url = ConfirmUrl(confirmToken);
        var hours = options.Value.ConfirmationHours;
        var subject = $"أكّد اشتراكك في النشرة الإخبارية لموقع {site.Name}";
        var message = NewMessage(email, subject);
        var e = (string text) => WebUtility.HtmlEncode(text);
        message.Body = new BodyBuilder
        {
            TextBody = $"""
                شكرًا لاشتراكك في النشرة الإخبارية لموقع {site.Name}.

                لتأكيد اشتراكك افتح الرابط التالي (صالح لمدة {hours} ساعة):
                {url}

                إن لم تطلب الاشتراك فتجاهل هذه الرسالة، ولن تصلك منا رسائل أخرى.
                """,
            HtmlBody = $"""
                <!DOCTYPE html>
                <html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{e(subject)}</title></head>
                <body dir="rtl" style="margin:0;padding:24px;background-color:#f4f4f2;font-family:Tahoma,Arial,sans-serif;text-align:right;">
                <div dir="rtl" style="max-width:560px;margin:0 auto;padding:24px;background-color:#ffffff;border:1px solid #e2e4e8;">
                <p style="font-size:16px;line-height:1.8;color:#1b1d21;">شكرًا لاشتراكك في النشرة الإخبارية لموقع {e(site.Name)}.</p>
                <p style="margin:24px 0;"><a href="{e(url)}" style="display:inline-block;padding:12px 24px;background-color:#a4161a;color:#ffffff;text-decoration:none;font-weight:bold;border-radius:4px;">تأكيد الاشتراك</a></p>
                <p style="font-size:14px;line-height:1.8;color:#5b6169;">الرابط صالح لمدة {hours} ساعة. إن لم تطلب الاشتراك فتجاهل هذه الرسالة، ولن تصلك منا رسائل أخرى.</p>
                </div>
                </body></html>
                """,
        }.ToMessageBody();
        return Sign(message);
    }

    private MimeMessage NewMessage(string email, string subject)
    {
        var from = options.Value;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(from.FromName, from.FromAddress));
        message.To.Add(new MailboxAddress("", email));
        message.Subject = subject;
        message.Date = clock.GetUtcNow();
        message.MessageId = MimeUtils.GenerateMessageId(from.FromAddress[(from.FromAddress.LastIndexOf('@') + 1)..]);
        return message;
    }

    private MimeMessage Sign(MimeMessage message)
    {
        if (_signer.Value is not { } signer) return message;
        // DKIM signs the bytes as they will travel, so the body's transfer encoding is fixed first.
        message.Prepare(EncodingConstraint.SevenBit);
        signer.Sign(message, SignedHeaders);
        return message;
    }

    private string ArticleUrl(ArticleCard article) => site.Link($"/articles/{article.Id}/{Uri.EscapeDataString(article.Slug)}");

    private static IEnumerable<string> Paragraphs(string? intro) =>
        (intro ?? "").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Replace('\n', ' '));

    private static DkimSigner? CreateSigner(DkimOptions dkim) => !dkim.IsConfigured ? null :
        new DkimSigner(dkim.PrivateKeyPath!, dkim.Domain!, dkim.Selector!)
        {
            HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
            BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
            AgentOrUserIdentifier = "@" + dkim.Domain,
        };
}
