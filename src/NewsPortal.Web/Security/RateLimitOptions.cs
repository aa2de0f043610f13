using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Web.Security;

/// <summary>How many attempts one client address may make; beyond that it gets a 429 page.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    [Range(1, 10_000_000)] public int SignInPerMinute { get; set; } = 10;
    [Range(1, 10_000_000)] public int PasswordResetPerHour { get; set; } = 5;
    [Range(1, 10_000_000)] public int SearchPerMinute { get; set; } = 60;
    [Range(1, 10_000_000)] public int PublicFormsPerMinute { get; set; } = 20;
}
