using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using NewsPortal.Core.Newsroom;
using NewsPortal.Web.Authorization;
using NewsPortal.Web.Security;

namespace NewsPortal.Web.Areas.Admin.Controllers;

/// <summary>
/// Every admin controller inherits this: the area, sign-in as newsroom staff, and antiforgery on every
/// state-changing request. Controllers narrow access further with a policy of their own.
/// </summary>
[Area("Admin")]
[Authorize(Policy = NewsroomPolicies.Staff)]
[AutoValidateAntiforgeryToken]
[ResponseCache(NoStore = true, Location = ResponseCacheLocation.None)]
public abstract class AdminController : Controller
{
    private const string FlashKey = "flash";

    protected DateTime Now => HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;

    protected string? CurrentUserId => User.FindFirstValue(ClaimTypes.NameIdentifier);

    protected string CurrentUserName => User.Identity?.Name ?? "";

    /// <summary>A one-line confirmation shown on the next page after a redirect.</summary>
    protected void Flash(string message) => TempData[FlashKey] = message;

    public static string? TakeFlash(Microsoft.AspNetCore.Mvc.ViewFeatures.ITempDataDictionary tempData) =>
        tempData[FlashKey] as string;

    /// <summary>Where two-factor sign-in is required for admins, an admin signed in without it may only set it up.</summary>
    public override Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        if (this is not AccountController && TwoFactorRequiredFor(User) && !User.HasClaim("amr", "mfa"))
        {
            context.Result = Redirect("/admin/account/two-factor-setup");
            return Task.CompletedTask;
        }
        return base.OnActionExecutionAsync(context, next);
    }

    protected bool TwoFactorRequiredFor(ClaimsPrincipal user) =>
        user.IsInRole(NewsroomRoles.Admin)
        && HttpContext.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.RequireTwoFactorForAdmins;

    /// <summary>Drops every cached reader page, so readers see a change at their next request.</summary>
    protected ValueTask ReaderPagesChangedAsync() =>
        HttpContext.RequestServices.GetRequiredService<Infrastructure.ReaderPages>().ChangedAsync(HttpContext.RequestAborted);

    protected AuditEntry Audit(string action, string subject, string? details = null) =>
        new(Now, CurrentUserId, CurrentUserName, action, subject, details);
}
