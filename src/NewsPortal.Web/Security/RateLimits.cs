using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace NewsPortal.Web.Security;

/// <summary>Named limits for the endpoints that attract abuse, partitioned by client address.</summary>
public static class RateLimits
{
    public const string SignIn = "sign-in";
    public const string PasswordReset = "password-reset";
    public const string Search = "search";
    /// <summary>The public forms on cached pages (consent, newsletter sign-up), which carry no antiforgery token.</summary>
    public const string PublicForms = "public-forms";

    public static IServiceCollection AddNewsroomRateLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString();
                return ValueTask.CompletedTask;
            };
            Add(limiter, SignIn, o => (o.SignInPerMinute, TimeSpan.FromMinutes(1)));
            Add(limiter, PasswordReset, o => (o.PasswordResetPerHour, TimeSpan.FromHours(1)));
            Add(limiter, Search, o => (o.SearchPerMinute, TimeSpan.FromMinutes(1)));
            Add(limiter, PublicForms, o => (o.PublicFormsPerMinute, TimeSpan.FromMinutes(1)));
        });
        return services;
    }

    private static void Add(RateLimiterOptions limiter, string name, Func<RateLimitOptions, (int Permits, TimeSpan Window)> limit) =>
        limiter.AddPolicy(name, context =>
        {
            var (permits, window) = limit(context.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value);
            var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = window,
                QueueLimit = 0,
            });
        });
}
