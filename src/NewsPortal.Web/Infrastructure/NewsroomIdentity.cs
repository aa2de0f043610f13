using Microsoft.AspNetCore.Identity;
using NewsPortal.Core.Data;
using NewsPortal.Core.Newsroom;

namespace NewsPortal.Web.Infrastructure;

public static class NewsroomIdentity
{
    public const int MinimumPasswordLength = 12;
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);

    public static IServiceCollection AddNewsroomIdentity(this IServiceCollection services)
    {
        services.AddIdentity<NewsUser, IdentityRole>(options =>
            {
                // Length over composition: a long passphrase beats a short string of required symbols.
                options.Password.RequiredLength = MinimumPasswordLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
                options.Lockout.DefaultLockoutTimeSpan = LockoutTime;
                options.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<NewsDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<ArabicIdentityErrors>();

        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "np-auth";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.LoginPath = "/admin/account/login";
            cookie.LogoutPath = "/admin/account/logout";
            cookie.AccessDeniedPath = "/admin/account/denied";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(10);
            cookie.SlidingExpiration = true;
        });
        // A disabled account or changed role reaches open sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        // Invitations must survive a weekend; the same lifetime applies to password resets.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(3));
        return services;
    }
}
