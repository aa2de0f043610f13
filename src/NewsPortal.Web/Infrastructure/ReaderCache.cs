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
                    "consent", context.RequestServices.GetRequiredService<ConsentReader>().StateOf(context).ToString()))
                // Pages are kept under the content generation they were made in, so once a change has
                // moved the generation no instance finds an older page: neither one whose rendering
                // began before the change and was stored after the eviction, nor one whose deletion
                // Redis has yet to apply (its output-cache store deletes without waiting for answers).
                .VaryByValue(async (context, _) => new KeyValuePair<string, string>(
                    "generation", await context.RequestServices.GetRequiredService<ReaderBlocks>().GenerationAsync() is { } generation
                        ? generation.ToString(System.Globalization.CultureInfo.InvariantCulture) : "unknown"));
            });
        });
        services.AddHttpContextAccessor();
        services.AddSingleton<ReaderPages>();
        services.AddSingleton<ReaderBlocks>();
        services.AddScoped<PageBlocks>();
        services.AddSingleton<ReaderGeneration>();
        return services;
    }
}

/// <summary>What editors' actions call after a change readers should see at once.</summary>
public sealed class ReaderPages(IOutputCacheStore store, ReaderBlocks blocks, ReaderGeneration generation,
    NewsPortal.Core.Search.SearchResultCache searches)
{
    /// <summary>
    /// Called after the change committed. The search index also empties held results when it
    /// writes, but a write inside a caller's transaction (the scheduler's) is not visible yet then.
    /// </summary>
    public async ValueTask ChangedAsync(CancellationToken ct = default)
    {
        blocks.Forget();
        searches.Clear();
        await generation.AdvanceAsync();
        await store.EvictByTagAsync(ReaderCache.Tag, ct);
    }
}

/// <summary>
/// Blocks that reader pages repeat and that move only when articles do or slowly on their own (the
/// front page's stories, an article's related articles, the most-read lists), kept in memory for a
/// minute so that a page rendered afresh does not ask for them again. Every block belongs to a
/// generation of the newsroom's content: an editor's change starts a new one (on every instance when
/// they share Redis), and blocks of an older generation are never served. The reads that reorder the
/// most-read lists are an estimate that a minute does not spoil. A request asks for the generation
/// once, however many blocks its page shows (with Redis, each ask is a round trip).
/// </summary>
public sealed class ReaderBlocks(TimeProvider clock, ReaderGeneration generations, IHttpContextAccessor? requests = null)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    /// <summary>Bounds the memory a crawl through every article can take: past it, expired blocks go, then all.</summary>
    public const int MaxBlocks = 5_000;

    private readonly ConcurrentDictionary<string, Block> _blocks = new();

    public async Task<T> GetAsync<T>(string key, Func<Task<T>> load) where T : class
    {
        // Unknown while the shared store is away: then nothing kept can be trusted to be current.
        if (await GenerationAsync() is not { } generation) return await load();
        var now = clock.GetUtcNow();
        if (_blocks.TryGetValue(key, out var block) && block.Generation == generation && block.Until > now && block.Value is T value)
            return value;
        value = await load();
        if (_blocks.Count >= MaxBlocks) MakeRoom(now);
        _blocks[key] = new Block(value, generation, now + Lifetime);
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

    /// <summary>Drops every block; the request that made the change asks for the new generation again.</summary>
    public void Forget()
    {
        _blocks.Clear();
        requests?.HttpContext?.Items.Remove(GenerationItem);
    }

    private static readonly object GenerationItem = new();

    /// <summary>The content generation this request works in, asked once per request.</summary>
    public async ValueTask<long?> GenerationAsync()
    {
        var items = requests?.HttpContext?.Items;
        if (items is not null && items.TryGetValue(GenerationItem, out var known)) return (long?)known;
        var generation = await generations.CurrentAsync();
        if (items is not null) items[GenerationItem] = generation;
        return generation;
    }

    private sealed record Block(object Value, long Generation, DateTimeOffset Until);
}

/// <summary>
/// The generation of the newsroom's content that reader blocks are made from, advanced by every
/// change readers should see. This one lives in the instance's memory; with several instances it
/// lives in Redis (<see cref="RedisReaderGeneration"/>).
/// </summary>
public class ReaderGeneration
{
    private long _current;

    /// <summary>The current generation, or null when it cannot be known.</summary>
    public virtual ValueTask<long?> CurrentAsync() => ValueTask.FromResult<long?>(Interlocked.Read(ref _current));

    public virtual ValueTask AdvanceAsync()
    {
        Interlocked.Increment(ref _current);
        return ValueTask.CompletedTask;
    }
}
