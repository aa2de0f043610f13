using System.Collections.Concurrent;
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
        services.AddSingleton<ReaderBlocks>();
        return services;
    }
}

/// <summary>What editors' actions call after a change readers should see at once.</summary>
public sealed class ReaderPages(IOutputCacheStore store, ReaderBlocks blocks)
{
    public ValueTask ChangedAsync(CancellationToken ct = default)
    {
        blocks.Forget();
        return store.EvictByTagAsync(ReaderCache.Tag, ct);
    }
}

/// <summary>
/// Blocks that reader pages repeat and that move slowly on their own (the most-read lists, an
/// article's related articles), kept in memory for a minute so that a page rendered afresh does not
/// ask for them again. An editor's change on this instance empties them with the cached pages; other
/// instances catch up within the minute. The reads that reorder the most-read lists are an estimate
/// that a minute does not spoil.
/// </summary>
public sealed class ReaderBlocks(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    /// <summary>Bounds the memory a crawl through every article can take: past it, expired blocks go, then all.</summary>
    public const int MaxBlocks = 5_000;

    private readonly ConcurrentDictionary<string, Block> _blocks = new();

    public async Task<T> GetAsync<T>(string key, Func<Task<T>> load) where T : class
    {
        var now = clock.GetUtcNow();
        if (_blocks.TryGetValue(key, out var block) && block.Until > now && block.Value is T value) return value;
        value = await load();
        if (_blocks.Count >= MaxBlocks) MakeRoom(now);
        _blocks[key] = new Block(value, now + Lifetime);
        return value;
    }

    public int Count => _blocks.Count;

    private void MakeRoom(DateTimeOffset now)
    {
        foreach (var (key, block) in _blocks)
        {
            if (block.Until <= now) _blocks.TryRemove(key, out _);
        }
        if (_blocks.Count >= MaxBlocks) _blocks.Clear();
    }

    public void Forget() => _blocks.Clear();

    private sealed record Block(object Value, DateTimeOffset Until);
}
