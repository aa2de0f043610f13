using Microsoft.AspNetCore.Identity;
using NewsPortal.Core.Data;
using NewsPortal.Core.Newsroom;

namespace NewsPortal.Web.Infrastructure;

public static class NewsroomIdentity
{
    public const int MinimumPasswordLength = 12;
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);

    public static IServiceCollection AddNewsroomIdentity(this IServiceCollection services, IHostEnvironment environment)
    {
        var production = environment.IsProduction();
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
            .AddErrorDescriber<ArabicIdentityErrors>()
            .AddPasswordValidator<Security.CommonPasswordValidator>();

        services.ConfigureApplicationCookie(cookie =>
        {
            // "__Host-" binds the cookie to this exact origin over HTTPS: no subdomain can set or read it.
            cookie.Cookie.Name = production ? "__Host-np-auth" : "np-auth";
            cookie.Cookie.SecurePolicy = production ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            cookie.Cookie.Path = "/";
            cookie.Cookie.IsEssential = true;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.LoginPath = "/admin/account/login";
            cookie.LogoutPath = "/admin/account/logout";
            cookie.AccessDeniedPath = "/admin/account/denied";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(10);
            cookie.SlidingExpiration = true;
        });
        foreach (var scheme in new[] { IdentityConstants.TwoFactorUserIdScheme, IdentityConstants.TwoFactorRememberMeScheme, IdentityConstants.ExternalScheme })
        {
            services.Configure<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(scheme, o =>
            {
                o.Cookie.IsEssential = true;
                o.Cookie.SecurePolicy = production ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            });
        }
        // A disabled account or changed role reaches open sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        // Invitations must survive a weekend; the same lifetime applies to password resets.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromDays(3));
        return services;
    }
}
