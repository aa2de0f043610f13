namespace NewsPortal.Web.Models;

public sealed record ErrorPage(int StatusCode) : IPageModel
{
    public PageMeta Meta => new(StatusCode == 404 ? "الصفحة غير موجودة" : "حدث خطأ");
}
