using Microsoft.AspNetCore.OutputCaching.StackExchangeRedis;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace NewsPortal.Web.Infrastructure;

/// <summary>
/// One connection to the shared Redis for the whole instance: the output cache and the health
/// check use it, rather than each opening its own.
/// </summary>
public sealed class SharedRedis(IOptions<RedisOptions> options) : IAsyncDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> _connection = new(() =>
        ConnectionMultiplexer.ConnectAsync(options.Value.Parse()
            ?? throw new InvalidOperationException("Redis:Configuration is not set or cannot be read.")));

    public async Task<IConnectionMultiplexer> ConnectAsync() => await _connection.Value;

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated && _connection.Value.IsCompletedSuccessfully)
        {
            await _connection.Value.Result.DisposeAsync();
        }
    }
}

public static class SharedRedisSetup
{
    /// <summary>
    /// With <c>Redis:Configuration</c> set, the reader cache moves to Redis, so that an eviction on
    /// one instance reaches them all, and the health check covers Redis too. Without it, nothing
    /// changes: one instance keeps its pages in its own memory. Call after <c>AddReaderCache</c>.
    /// </summary>
    public static IServiceCollection AddSharedRedis(this IServiceCollection services, IConfiguration configuration)
    {
        if (!RedisOptions.From(configuration).IsConfigured) return services;
        services.AddSingleton<SharedRedis>();
        services.AddStackExchangeRedisOutputCache(_ => { });
        services.AddOptions<RedisOutputCacheOptions>().Configure<SharedRedis, IOptions<RedisOptions>>((cache, shared, settings) =>
        {
            cache.InstanceName = settings.Value.InstanceName;
            cache.ConnectionMultiplexerFactory = shared.ConnectAsync;
        });
        services.AddSingleton<ReaderGeneration, RedisReaderGeneration>();
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis");
        return services;
    }
}

/// <summary>An instance whose Redis does not answer serves stale or uncached pages: say so.</summary>
public sealed class RedisHealthCheck(SharedRedis redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var connection = await redis.ConnectAsync();
            await connection.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Redis does not answer.", e);
        }
    }
}

/// <summary>
/// The reader blocks' generation in Redis, so that a change on one instance retires the blocks of
/// all of them before their next page. One small read per block lookup; while Redis is away the
/// generation is unknown and pages are made afresh.
/// </summary>
public sealed class RedisReaderGeneration(SharedRedis redis, IOptions<RedisOptions> options) : ReaderGeneration
{
    private readonly RedisKey _key = options.Value.InstanceName + "reader-generation";

    public override async ValueTask<long?> CurrentAsync()
    {
        try
        {
            var value = await (await redis.ConnectAsync()).GetDatabase().StringGetAsync(_key);
            return value.IsNull ? 0 : (long)value;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return null;
        }
    }

    public override async ValueTask AdvanceAsync()
    {
        try
        {
            await (await redis.ConnectAsync()).GetDatabase().StringIncrementAsync(_key);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            // Blocks are not served while the generation cannot be read, so nothing stale follows.
        }
    }
}
