using Microsoft.Extensions.Options;

namespace NewsPortal.Web.Infrastructure;

/// <summary>Absolute links that go out by email, so they work from any mail client.</summary>
public sealed class AccountLinks(IOptions<SiteOptions> site)
{
    public string SetPassword(string email, string token) =>
        $"{site.Value.BaseUrl.TrimEnd('/')}/admin/account/set-password?email={Uri.EscapeDataString(email)}&token={Uri.EscapeDataString(token)}";
}
