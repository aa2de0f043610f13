using Microsoft.AspNetCore.OutputCaching;
using NewsPortal.Web.Privacy;

namespace NewsPortal.Web.Infrastructure;

/// <summary>
/// Anonymous reader pages are served from the output cache. One tag covers them all, because a
/// publication changes the home page, archives, related blocks, feeds and sitemaps at once; the
/// consent state is part of the key, so no visitor ever gets a page made for another's choice.
/// </summary>
public static class ReaderCache
{
    public const string Policy = "reader";
    public const string Tag = "reader-pages";

    public const string LifetimeKey = "ReaderCache:Seconds";

    /// <summary>
    /// A backstop for what no edit announces: a breaking flag running out, the most-read lists moving.
    /// Zero turns reader-page caching off.
    /// </summary>
    public const int DefaultSeconds = 300;

    public static IServiceCollection AddReaderCache(this IServiceCollection services, IConfiguration configuration)
    {
        var seconds = configuration.GetValue(LifetimeKey, DefaultSeconds);
        services.AddOutputCache(options =>
        {
            options.AddPolicy(Policy, policy =>
            {
                if (seconds <= 0)
                {
                    policy.NoCache();
                    return;
                }
                policy.Expire(TimeSpan.FromSeconds(seconds))
                .Tag(Tag)
                .VaryByValue(context => new KeyValuePair<string, string>(
                    "consent", context.RequestServices.GetRequiredService<ConsentReader>().StateOf(context).ToString()));
            });
        });
        services.AddSingleton<ReaderPages>();
        return services;
    }
}

/// <summary>What editors' actions call after a change readers should see at once.</summary>
public sealed class ReaderPages(IOutputCacheStore store)
{
    public ValueTask ChangedAsync(CancellationToken ct = default) => store.EvictByTagAsync(ReaderCache.Tag, ct);
}
