namespace NewsPortal.Web.Authorization;

/// <summary>The newsroom's roles, and who may do what: the one place where access is decided.</summary>
public static class NewsroomRoles
{
    /// <summary>Everything, including accounts and the audit log.</summary>
    public const string Admin = "Admin";

    /// <summary>Publishes any article; manages sections, tags, subscribers and newsletters.</summary>
    public const string Editor = "Editor";

    /// <summary>Writes and edits their own drafts and submits them for review.</summary>
    public const string Writer = "Writer";

    public static readonly string[] All = [Admin, Editor, Writer];

    public static string ArabicName(string role) => role switch
    {
        Admin => "مدير",
        Editor => "محرر",
        Writer => "كاتب",
        _ => role,
    };
}

public static class NewsroomPolicies
{
    /// <summary>Any signed-in member of the newsroom.</summary>
    public const string Staff = "Staff";

    /// <summary>Editors and admins: publishing and managing the site's content.</summary>
    public const string Editors = "Editors";

    /// <summary>Admins only: accounts, roles and the audit log.</summary>
    public const string Admins = "Admins";

    public static IServiceCollection AddNewsroomAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .AddPolicy(Staff, p => p.RequireRole(NewsroomRoles.All))
            .AddPolicy(Editors, p => p.RequireRole(NewsroomRoles.Admin, NewsroomRoles.Editor))
            .AddPolicy(Admins, p => p.RequireRole(NewsroomRoles.Admin));
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, ArticleAuthorizationHandler>();
        return services;
    }
}
