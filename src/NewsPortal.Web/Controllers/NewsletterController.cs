using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using NewsPortal.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsPortal.Core.Data;
using NewsPortal.Core.Newsletter;
using NewsPortal.Web.Infrastructure;
using NewsPortal.Web.Models;
using NewsPortal.Web.Newsletter;

namespace NewsPortal.Web.Controllers;

/// <summary>Readers' side of the newsletter: sign up, confirm, leave. None of it needs an account or a cookie.</summary>
[Route("newsletter")]
[IgnoreAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public sealed class NewsletterController(NewsDbContext db, TimeProvider clock, NewsletterDispatcher dispatcher, IOptions<SiteOptions> site) : Controller
{

    private const string CheckYourInbox = "إن كان العنوان صحيحًا فستصلك خلال دقائق رسالة فيها رابط لتأكيد الاشتراك. لن نرسل إليك النشرة قبل أن تؤكده.";
    private const string TokenPattern = "{token:length(1,1000)}";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    [HttpPost("subscribe")]
    [EnableRateLimiting(RateLimits.PublicForms)]
    public async Task<IActionResult> Subscribe([FromForm] SignUpForm? form, CancellationToken ct)
    {
        // A body the binder cannot read at all (stray NUL bytes, say) still gets the ordinary refusal.
        form ??= new SignUpForm();
        if (!SameOrigin.Allows(Request, site.Value.BaseUrl)) return StatusCode(StatusCodes.Status403Forbidden);
        var source = LocalPath(form.Source);
        if (!SubscriberEmail.TryParse(form.Email, out var email, out var error))
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return WantsJson ? Json(new { ok = false, message = error })
                : View("Page", new NewsletterPage(NewsletterWording.Heading, NewsletterWording.Promise)
                {
                    Error = error, Email = Truncated(form.Email), SourcePath = source,
                });
        }
        await db.SignUpAsync(email!, source, Wording(form.Wording), Now, ct);
        dispatcher.Wake();
        return WantsJson ? Json(new { ok = true, message = CheckYourInbox }) : SeeOther("/newsletter/subscribed");
    }

    [HttpGet("subscribed")]
    public IActionResult Subscribed() => View("Page", new NewsletterPage("تحقق من بريدك الإلكتروني", CheckYourInbox));

    /// <summary>
    /// The link in the email opens a page with one button rather than confirming at once: mail
    /// scanners follow links, and a consent should come from the person who owns the inbox.
    /// </summary>
    [HttpGet("confirm/" + TokenPattern)]
    public IActionResult Confirm(string token) =>
        View("Page", new NewsletterPage("تأكيد الاشتراك", "اضغط الزر لتأكيد اشتراكك في النشرة الإخبارية.")
        {
            ActionUrl = $"/newsletter/confirm/{token}", ActionLabel = "تأكيد الاشتراك",
        });

    [HttpPost("confirm/" + TokenPattern)]
    public async Task<IActionResult> Confirmed(string token, [FromServices] ConfirmationTokens tokens, CancellationToken ct)
    {
        var subscriber = tokens.TryRead(token, Now, out var id, out var requestedAt)
            ? await db.Subscribers.SingleOrDefaultAsync(s => s.Id == id, ct) : null;
        if (subscriber is null || !subscriber.Confirm(requestedAt, Now))
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return View("Page", new NewsletterPage("رابط غير صالح",
                "انتهت صلاحية رابط التأكيد أو لم يعد صالحًا. يمكنك الاشتراك من جديد من أي صفحة في الموقع."));
        }
        await db.SaveChangesAsync(ct);
        return View("Page", new NewsletterPage("تم تأكيد اشتراكك", "شكرًا لك. ستصلك نشرتنا الإخبارية على بريدك الإلكتروني، ويمكنك إلغاء الاشتراك في أي وقت من الرابط أسفل كل رسالة."));
    }

    [HttpGet("unsubscribe/" + TokenPattern)]
    public async Task<IActionResult> Unsubscribe(string token, CancellationToken ct)
    {
        var subscriber = await db.Subscribers.AsNoTracking().SingleOrDefaultAsync(s => s.UnsubscribeToken == token, ct);
        if (subscriber is null) return UnknownLink();
        return View("Page", new NewsletterPage("إلغاء الاشتراك", $"هل تريد إيقاف النشرة الإخبارية عن العنوان {subscriber.Email}؟")
        {
            ActionUrl = $"/newsletter/unsubscribe/{token}", ActionLabel = "إلغاء الاشتراك",
        });
    }

    /// <summary>
    /// RFC 8058 one-click: mailbox providers post here on the reader's behalf, with no cookie and no
    /// token but the one in the address, and expect it to take effect at once. The page's button posts here too.
    /// </summary>
    [HttpPost("unsubscribe/" + TokenPattern)]
    public async Task<IActionResult> Unsubscribed(string token, CancellationToken ct)
    {
        var subscriber = await db.Subscribers.SingleOrDefaultAsync(s => s.UnsubscribeToken == token, ct);
        if (subscriber is null) return UnknownLink();
        subscriber.Unsubscribe(Now);
        await db.SaveChangesAsync(ct);
        return View("Page", new NewsletterPage("تم إلغاء اشتراكك", "لن تصلك النشرة الإخبارية بعد الآن. يمكنك الاشتراك من جديد متى شئت."));
    }

    private IActionResult UnknownLink()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return View("Page", new NewsletterPage("رابط غير صالح", "هذا الرابط غير صالح. إن أردت إيقاف النشرة فاستخدم الرابط الموجود أسفل آخر رسالة وصلتك."));
    }

    /// <summary>303, so the browser follows with a GET and a reload does not post the form again.</summary>
    private IActionResult SeeOther(string url)
    {
        Response.Headers.Location = url;
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    private bool WantsJson => Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The page the form sat on, if it is one of ours; anything else is recorded as the home page.</summary>
    private static string LocalPath(string? source) =>
        source is { Length: > 0 and <= Subscriber.SourcePageMaxLength } && source[0] == '/' && !source.StartsWith("//") && !source.StartsWith("/\\")
            && !source.Any(char.IsControl) ? source : "/";

    private static string Wording(string? wording) =>
        wording is { Length: > 0 and <= Subscriber.WordingMaxLength } && wording.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.')
            ? wording : NewsletterWording.Version;

    private static string? Truncated(string? email) => email is { Length: > SubscriberEmail.MaxLength } ? email[..SubscriberEmail.MaxLength] : email;
}
