using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using NewsPortal.Web.Localization;
using NewsPortal.Web.Models;

namespace NewsPortal.Web.Controllers;

[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorController(IStringLocalizer<ReaderText> text) : Controller
{
    [Route("/error/{code:int?}")]
    public IActionResult Show(int? code)
    {
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
