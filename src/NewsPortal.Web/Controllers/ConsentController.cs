using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using NewsPortal.Web.Privacy;
using NewsPortal.Web.Security;

namespace NewsPortal.Web.Controllers;

/// <summary>Records the reader's cookie choice. The banner's form sits on cached pages, so it carries no antiforgery token.</summary>
public sealed class ConsentController(ConsentReader consent, Microsoft.Extensions.Options.IOptions<Infrastructure.SiteOptions> site) : Controller
{
    [HttpPost("/consent")]
    [EnableRateLimiting(RateLimits.PublicForms)]
    public IActionResult Record([FromForm] string? choice, [FromForm] string? returnUrl)
    {
        if (!SameOrigin.Allows(Request, site.Value.BaseUrl)) return StatusCode(StatusCodes.Status403Forbidden);
        if (choice is not ("accept" or "reject" or "withdraw")) return BadRequest();

        // Withdrawing is refusing from now on; the answer itself is remembered so the banner stays away.
        var answer = consent.NewChoice(accepted: choice == "accept");
        Response.Cookies.Append(ConsentChoice.CookieName, answer.ToString(), new CookieOptions
        {
            IsEssential = true,
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = Request.IsHttps,
            MaxAge = consent.MaxAge,
            Path = "/",
        });
        var target = !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) && !returnUrl.StartsWith("/consent") ? returnUrl : "/";
        Response.Headers.Location = target;
        return StatusCode(StatusCodes.Status303SeeOther);
    }
}
