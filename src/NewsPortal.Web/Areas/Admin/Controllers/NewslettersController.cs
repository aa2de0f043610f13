using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.Mail;
using NewsPortal.Core.Newsletter;
using NewsPortal.Core.Newsroom;
using NewsPortal.Core.Reading;
using NewsPortal.Core.Time;
using NewsPortal.Web.Areas.Admin.Models;
using NewsPortal.Web.Authorization;

namespace NewsPortal.Web.Areas.Admin.Controllers;

/// <summary>Composing newsletter issues and sending them; the sending itself is the dispatcher's, never the request's.</summary>
[Authorize(Policy = NewsroomPolicies.Editors)]
[Route("admin/newsletters")]
public sealed class NewslettersController(NewsDbContext db, NewsletterComposer composer, NewsDates dates) : AdminController
{
    private const int CandidateCount = 40;
    private const string PreviewToken = "preview";

    [HttpGet("")]
    public async Task<IActionResult> Index(CancellationToken ct)
    {
        var issues = await db.NewsletterIssues.AsNoTracking().OrderByDescending(i => i.Id).Take(100)
            .Select(i => new IssueRow(i.Id, i.Subject, i.Status, i.UpdatedAt, i.ScheduledAt, i.StartedAt, i.Recipients))
            .ToListAsync(ct);
        return View(new IssuesPage(issues, await ConfirmedAsync(ct)));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New(CancellationToken ct) => View("Compose", await WithCandidatesAsync(new IssueForm(), ct));

    [HttpPost("")]
    public async Task<IActionResult> Create(IssueForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid) return View("Compose", await WithCandidatesAsync(form, ct));
        var issue = new NewsletterIssue(form.Subject, form.Intro, form.Selection, form.ArticleIds, Now, CurrentUserName);
        db.NewsletterIssues.Add(issue);
        await db.SaveChangesAsync(ct);
        Flash("حُفظت مسودة النشرة.");
        return RedirectToAction(nameof(Show), new { id = issue.Id });
    }

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Show(int id, CancellationToken ct)
    {
        var issue = await db.NewsletterIssues.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (issue is null) return NotFound();
        var form = await WithCandidatesAsync(new IssueForm
        {
            Id = issue.Id, Subject = issue.Subject, Intro = issue.Intro, Selection = issue.Selection, ArticleIds = issue.ArticleIds,
        }, ct);
        var preview = (await RenderAsync(issue, ct)).TextFor(composer.UnsubscribeUrl(PreviewToken));
        var progress = issue.IsEditable ? null : await db.ProgressAsync(issue, Now, ct);
        return View(new IssuePage(issue, form, preview, progress, await ConfirmedAsync(ct)));
    }

    [HttpPost("{id:int}")]
    public async Task<IActionResult> Update(int id, IssueForm form, CancellationToken ct)
    {
        var issue = await db.NewsletterIssues.FindAsync([id], ct);
        if (issue is null) return NotFound();
        if (!issue.IsEditable)
        {
            Flash("بدأ إرسال هذه النشرة، فلا يمكن تعديلها.");
        }
        else if (!ModelState.IsValid)
        {
            Flash(ModelState.Values.SelectMany(v => v.Errors).First().ErrorMessage);
        }
        else
        {
            issue.Revise(form.Subject, form.Intro, form.Selection, form.ArticleIds, Now);
            await db.SaveChangesAsync(ct);
            Flash("حُفظت التعديلات.");
        }
        return RedirectToAction(nameof(Show), new { id });
    }

    /// <summary>The email's HTML exactly as subscribers get it, for the preview frame; sandboxed so nothing in it runs.</summary>
    [HttpGet("{id:int}/email")]
    public async Task<IActionResult> Email(int id, CancellationToken ct)
    {
        var issue = await db.NewsletterIssues.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (issue is null) return NotFound();
        Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; frame-ancestors 'self'";
        Response.Headers.XContentTypeOptions = "nosniff";
        return Content((await RenderAsync(issue, ct)).HtmlFor(composer.UnsubscribeUrl(PreviewToken)), "text/html; charset=utf-8");
    }

    [HttpPost("{id:int}/test")]
    public async Task<IActionResult> Test(int id, TestSendForm form, [FromServices] IMailTransport transport, CancellationToken ct)
    {
        var issue = await db.NewsletterIssues.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (issue is null) return NotFound();
        if (!SubscriberEmail.TryParse(form.Address, out var address, out var error))
        {
            Flash(error);
            return RedirectToAction(nameof(Show), new { id });
        }
        var content = await RenderAsync(issue, ct, subjectPrefix: "[تجربة] ");
        try
        {
            await transport.SendAsync(composer.ForRecipient(content, address!.Value, PreviewToken), ct);
            Flash($"أُرسلت نسخة تجريبية إلى {address.Value}.");
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or MailKit.ProtocolException or MailKit.CommandException)
        {
            Flash("تعذّر إرسال النسخة التجريبية: خادم البريد لم يقبلها.");
        }
        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpPost("{id:int}/dispatch")]
    public async Task<IActionResult> Dispatch(int id, [FromServices] NewsletterDispatcher dispatcher, CancellationToken ct)
    {
        var issue = await db.NewsletterIssues.FindAsync([id], ct);
        if (issue is null) return NotFound();
        if (!issue.IsEditable) return RedirectToAction(nameof(Show), new { id });
        issue.SendNow(Now);
        db.AuditLog.Add(Audit(AuditActions.SendNewsletter, $"newsletter:{id}", issue.Subject));
        await db.SaveChangesAsync(ct);
        dispatcher.Wake();
        Flash("بدأ إرسال النشرة.");
        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpPost("{id:int}/schedule")]
    public async Task<IActionResult> Schedule(int id, IssueScheduleForm form, CancellationToken ct)
    {
        var issue = await db.NewsletterIssues.FindAsync([id], ct);
        if (issue is null) return NotFound();
        // The form speaks the newsroom's local time; the model keeps UTC.
        var at = form.SendAt is { } local ? TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), dates.Zone) : (DateTime?)null;
        if (at is null || at <= Now || !issue.IsEditable)
        {
            Flash("اختر موعدًا في المستقبل لنشرة لم يبدأ إرسالها.");
            return RedirectToAction(nameof(Show), new { id });
        }
        issue.Schedule(at.Value, Now);
        db.AuditLog.Add(Audit(AuditActions.ScheduleNewsletter, $"newsletter:{id}", $"{issue.Subject} — {dates.GregorianDateTime(at.Value)}"));
        await db.SaveChangesAsync(ct);
        Flash($"جُدولت النشرة للإرسال في {dates.GregorianDateTime(at.Value)}.");
        return RedirectToAction(nameof(Show), new { id });
    }

    [HttpPost("{id:int}/unschedule")]
    public async Task<IActionResult> Unschedule(int id, CancellationToken ct)
    {
        var issue = await db.NewsletterIssues.FindAsync([id], ct);
        if (issue is null) return NotFound();
        issue.Unschedule(Now);
        await db.SaveChangesAsync(ct);
        Flash("أُلغيت الجدولة وعادت النشرة مسودة.");
        return RedirectToAction(nameof(Show), new { id });
    }

    /// <summary>
    /// Deletes an issue that never started. The delete itself carries the condition, so an issue the
    /// dispatcher starts at the same moment is either deleted before it starts or not deleted at all.
    /// </summary>
    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id, CancellationToken ct)
    {
        var subject = await db.NewsletterIssues.Where(i => i.Id == id).Select(i => i.Subject).SingleOrDefaultAsync(ct);
        if (subject is null) return NotFound();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.NewsletterIssues.Unsent().Where(i => i.Id == id).ExecuteDeleteAsync(ct) == 0)
        {
            Flash("لا يمكن حذف نشرة بدأ إرسالها أو اكتمل؛ يُحذف ما لم يُرسل بعد فقط.");
            return RedirectToAction(nameof(Show), new { id });
        }
        db.AuditLog.Add(Audit(AuditActions.DeleteNewsletter, $"newsletter:{id}", subject));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        Flash("حُذفت النشرة.");
        return RedirectToAction(nameof(Index));
    }

    /// <summary>The numbers the progress page polls.</summary>
    [HttpGet("{id:int}/progress")]
    public async Task<IActionResult> Progress(int id, CancellationToken ct)
    {
        var issue = await db.NewsletterIssues.AsNoTracking().SingleOrDefaultAsync(i => i.Id == id, ct);
        if (issue is null) return NotFound();
        var p = await db.ProgressAsync(issue, Now, ct);
        return Json(new
        {
            status = p.Status.ToString(),
            statusName = SubscriberStatusNames.Arabic(p.Status),
            p.Total, p.Sent, p.Failed, p.Waiting, p.Skipped, p.Percent,
            perSecond = Math.Round(p.PerSecond, 1),
            p.SecondsLeft,
        });
    }

    private async Task<IssueContent> RenderAsync(NewsletterIssue issue, CancellationToken ct, string subjectPrefix = "") =>
        composer.Render(subjectPrefix + issue.Subject, issue.Intro, await db.ArticlesForAsync(issue, Now, ct));

    private Task<int> ConfirmedAsync(CancellationToken ct) => db.Subscribers.CountAsync(s => s.Status == SubscriberStatus.Confirmed, ct);

    private async Task<IssueForm> WithCandidatesAsync(IssueForm form, CancellationToken ct)
    {
        form.Candidates = await db.Articles.AsNoTracking().Published(Now).Newest().Take(CandidateCount).ToCards().ToListAsync(ct);
        return form;
    }
}
