namespace NewsPortal.Web.Models;

public sealed record ErrorPage(int StatusCode) : IPageModel
{
    public PageMeta Meta => new(StatusCode switch
    {
        404 => "الصفحة غير موجودة",
        429 => "طلبات كثيرة",
        _ => "حدث خطأ",
    });
}
