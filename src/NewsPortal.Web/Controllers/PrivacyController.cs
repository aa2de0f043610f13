using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NewsPortal.Web.Infrastructure;
using NewsPortal.Web.Localization;
using NewsPortal.Web.Models;
using NewsPortal.Web.Privacy;

namespace NewsPortal.Web.Controllers;

[OpensItsOwnConnection]
public sealed class PrivacyController(ConsentReader consent, IStringLocalizer<ReaderText> text) : Controller
{
    [HttpGet("/privacy")]
    public IActionResult Show() => View(new PrivacyPage(consent.StateOf(HttpContext),
        text["الخصوصية وملفات تعريف الارتباط"],
        text["كيف يتعامل الموقع مع بياناتك وملفات تعريف الارتباط، وكيف تغيّر اختيارك."]));
}
