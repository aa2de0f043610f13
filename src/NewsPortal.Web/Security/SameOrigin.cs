namespace NewsPortal.Web.Security;

/// <summary>
/// The forms on cached public pages (consent, newsletter sign-up) carry no antiforgery token: their
/// pages set no cookies. Their endpoints ask the browser where the request came from instead.
/// Browsers send Sec-Fetch-Site and Origin on every POST; a request with neither is not a browser
/// on another site, and rate limits still apply to it.
/// </summary>
public static class SameOrigin
{
    public static bool Allows(HttpRequest request, string baseUrl)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0) return site is "same-origin" or "none";
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0) return true;
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var from)) return false;
        // Behind a proxy the request's own host may differ from the public one; either will do.
        return SameAuthority(from, $"{request.Scheme}://{request.Host}") || SameAuthority(from, baseUrl);
    }

    private static bool SameAuthority(Uri from, string candidate) =>
        Uri.TryCreate(candidate, UriKind.Absolute, out var to)
        && string.Equals(from.Scheme, to.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(from.Host, to.Host, StringComparison.OrdinalIgnoreCase)
        && from.Port == to.Port;
}
