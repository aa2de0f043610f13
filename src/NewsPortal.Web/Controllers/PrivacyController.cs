using Microsoft.AspNetCore.Mvc;
using NewsPortal.Web.Models;
using NewsPortal.Web.Privacy;

namespace NewsPortal.Web.Controllers;

public sealed class PrivacyController(ConsentReader consent) : Controller
{
    [HttpGet("/privacy")]
    public IActionResult Show() => View(new PrivacyPage(consent.StateOf(HttpContext)));
}
