using NewsPortal.Web.Privacy;

namespace NewsPortal.Web.Models;

public sealed record PrivacyPage(ConsentState Consent, string Title, string Description) : IPageModel
{
    public PageMeta Meta => new(Title, Description, "/privacy");
}
