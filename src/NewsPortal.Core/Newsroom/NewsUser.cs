using Microsoft.AspNetCore.Identity;

namespace NewsPortal.Core.Newsroom;

/// <summary>A newsroom account: admins, editors and writers sign in with it.</summary>
public class NewsUser : IdentityUser
{
    public string? DisplayName { get; set; }
}
