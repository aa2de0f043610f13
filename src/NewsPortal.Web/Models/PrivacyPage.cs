using NewsPortal.Web.Privacy;

namespace NewsPortal.Web.Models;

public sealed record PrivacyPage(ConsentState Consent) : IPageModel
{
    public PageMeta Meta => new("الخصوصية وملفات تعريف الارتباط", "كيف يتعامل الموقع مع بياناتك وملفات تعريف الارتباط، وكيف تغيّر اختيارك.", "/privacy");
}
