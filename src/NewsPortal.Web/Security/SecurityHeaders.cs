using Microsoft.Extensions.Options;
using NewsPortal.Web.Privacy;

namespace NewsPortal.Web.Security;

/// <summary>
/// Headers on every response, pages, files and errors alike. Pages carry no inline script at all,
/// so the policy needs neither 'unsafe-inline' nor nonces (which cached pages could not renew).
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, IOptions<AnalyticsOptions> analytics)
{
    public static readonly string[] EmbedOrigins = ["https://www.youtube-nocookie.com", "https://player.vimeo.com"];

    private readonly string _policy = string.Join("; ",
        "default-src 'self'",
        $"script-src 'self'{(analytics.Value.Origin is { } a ? " " + a : "")}",
        "style-src 'self'",
        "img-src 'self' data: https:",
        "font-src 'self'",
        $"connect-src 'self'{(analytics.Value.Origin is { } c ? " " + c : "")}",
        $"frame-src {string.Join(' ', EmbedOrigins)}",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'");

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            // Uploaded files set a stricter policy of their own.
            if (!headers.ContainsKey("Content-Security-Policy")) headers.ContentSecurityPolicy = _policy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
