namespace NewsPortal.Web.Infrastructure;

/// <summary>The first admin account, created at start when no admin exists yet.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    public string? Email { get; set; }

    public string? Password { get; set; }
}
