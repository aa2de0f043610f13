namespace NewsPortal.Web.Security;

public sealed class SecurityOptions
{
    public const string SectionName = "Security";

    /// <summary>Admins must sign in with a second factor; appsettings.Production.json turns it on.</summary>
    public bool RequireTwoFactorForAdmins { get; set; }
}
