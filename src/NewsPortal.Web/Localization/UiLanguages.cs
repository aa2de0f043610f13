using System.Globalization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;

namespace NewsPortal.Web.Localization;

/// <summary>
/// The reader site's two interface languages. Every address is in one language: Arabic at the
/// root, English under <c>/en</c>. The choice travels in the URL, never in a cookie or in
/// Accept-Language, so a page can be cached and shared as it is and no cookie precedes consent.
/// </summary>
public static class UiLanguages
{
    public const string EnglishPrefix = "/en";

    public static readonly CultureInfo Arabic = CultureInfo.GetCultureInfo("ar");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static bool IsEnglish(this HttpRequest request) =>
        request.PathBase.Value?.EndsWith(EnglishPrefix, StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>
    /// Serves <c>/en/...</c> as the page at <c>/...</c> with <c>/en</c> as the path base, so routing
    /// sees one set of addresses and every link the app resolves (<c>~/</c>, redirects) stays English.
    /// The admin area has no English version.
    /// </summary>
    public static IApplicationBuilder UseEnglishPrefix(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments(EnglishPrefix, out var rest) || rest.StartsWithSegments("/admin"))
        {
            await next(context);
            return;
        }
        var (pathBase, path) = (request.PathBase, request.Path);
        request.PathBase = pathBase.Add(EnglishPrefix);
        request.Path = rest.HasValue && rest.Value != "" ? rest : "/";
        try
        {
            await next(context);
        }
        finally
        {
            request.PathBase = pathBase;
            request.Path = path;
        }
    });

    public static RequestLocalizationOptions LocalizationOptions() => new()
    {
        DefaultRequestCulture = new RequestCulture(Arabic),
        SupportedCultures = [Arabic, English],
        SupportedUICultures = [Arabic, English],
        // Only the address decides; the framework's cookie, query-string and Accept-Language providers are left out.
        RequestCultureProviders = [new CustomRequestCultureProvider(context =>
            Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(context.Request.IsEnglish() ? "en" : "ar")))],
    };

    /// <summary>The path of this page (with its query) in the other language.</summary>
    public static string OtherLanguageUrl(HttpContext context)
    {
        // An error page stands in for the address that failed; the switch leads to that address.
        var reExecuted = context.Features.Get<IStatusCodeReExecuteFeature>();
        var path = reExecuted?.OriginalPath ?? context.Request.Path.Value ?? "/";
        var query = reExecuted is null ? context.Request.QueryString.Value : reExecuted.OriginalQueryString;
        if (string.IsNullOrEmpty(path)) path = "/";
        return context.Request.IsEnglish()
            ? path + query
            : EnglishPrefix + (path == "/" ? "" : path) + query;
    }

    /// <summary>A site path as it is addressed in English.</summary>
    public static string InEnglish(string path) => EnglishPrefix + (path == "/" ? "" : path);
}
