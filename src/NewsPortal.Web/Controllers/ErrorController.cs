using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NewsPortal.Web.Localization;
using NewsPortal.Web.Models;

namespace NewsPortal.Web.Controllers;

[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorController(IStringLocalizer<ReaderText> text) : Controller
{
    [Route("/error/{code:int?}")]
    public IActionResult Show()
    {
        // Read from the route itself: a re-executed request still carries the failed request's body,
        // and binding from a malformed body must not turn a 400 into a 500.
        int? code = RouteData.Values["code"] is string value && int.TryParse(value, out var parsed) ? parsed : null;
        var status = code is >= 400 and < 600 ? code.Value : StatusCodes.Status500InternalServerError;
        Response.StatusCode = status;
        var title = status switch
        {
            StatusCodes.Status404NotFound => text["الصفحة غير موجودة"],
            StatusCodes.Status429TooManyRequests => text["طلبات كثيرة"],
            _ => text["حدث خطأ"],
        };
        return View(status == StatusCodes.Status404NotFound ? "NotFound" : "Error", new ErrorPage(status, title));
    }
}
