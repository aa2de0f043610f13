namespace NewsPortal.Web.Newsletter;

/// <summary>
/// The sign-up form carries no antiforgery token (its pages are cached and set no cookies), so its
/// endpoint asks the browser where the request came from instead. Browsers send Sec-Fetch-Site
/// and Origin on every POST; a request with neither is not a browser on another site.
/// </summary>
public static class SameOrigin
{
    public static bool Allows(HttpRequest request, string baseUrl)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0 && site is not ("same-origin" or "none")) return false;
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0) return true;
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var from)) return false;
        return SameAuthority(from, $"{request.Scheme}://{request.Host}") || SameAuthority(from, baseUrl);
    }

    private static bool SameAuthority(Uri from, string candidate) =>
        Uri.TryCreate(candidate, UriKind.Absolute, out var to)
        && string.Equals(from.Scheme, to.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(from.Host, to.Host, StringComparison.OrdinalIgnoreCase)
        && from.Port == to.Port;
}
