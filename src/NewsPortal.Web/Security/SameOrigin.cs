namespace NewsPortal.Web.Security;

/// <summary>
/// The forms on cached public pages cannot carry an antiforgery token; their endpoints accept a POST
/// only when the browser says it came from this site (Sec-Fetch-Site, or else Origin).
/// </summary>
public static class SameOrigin
{
    public static bool IsSameOrigin(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0) return site is "same-origin" or "none";

        // Browsers too old to send either header are let through; rate limits still apply.
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0) return true;
        return Uri.TryCreate(origin, UriKind.Absolute, out var uri)
               && string.Equals(uri.Host, request.Host.Host, StringComparison.OrdinalIgnoreCase)
               && uri.Port == (request.Host.Port ?? (request.IsHttps ? 443 : 80));
    }
}
