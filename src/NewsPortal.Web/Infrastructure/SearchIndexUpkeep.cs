using Microsoft.Extensions.Options;
using NewsPortal.Core.Search;
using NewsPortal.Core.Time;

namespace NewsPortal.Web.Infrastructure;

/// <summary>
/// Merges the search index every night at <see cref="SearchOptions.MergeHour"/>, site time
/// (<see cref="SearchIndex.MergeAsync"/>). Each publication and edit writes its row in a transaction
/// of its own, and the engine merges such small pieces only in part; a search walks each piece.
/// Several instances each merge; the second finds the index merged and has little to do.
/// </summary>
public sealed class SearchIndexUpkeep(IServiceScopeFactory scopes, TimeProvider clock, NewsDates dates,
    IOptions<SearchOptions> options, ILogger<SearchIndexUpkeep> logger) : BackgroundService
{
    /// <summary>When this instance last merged the index (UTC), if it has (never on PostgreSQL, which needs no merging).</summary>
    public DateTime? LastMergedAt { get; private set; }

    /// <summary>The first merge hour, site time, after <paramref name="utcNow"/>.</summary>
    public static DateTime NextMergeAfter(DateTime utcNow, TimeZoneInfo zone, int hour)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc), zone);
        var next = local.Date.AddHours(hour);
        if (next <= local) next = next.AddDays(1);
        // An hour the clocks skip (daylight saving) comes an hour later that night.
        if (zone.IsInvalidTime(next)) next = next.AddHours(1);
        return TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(next, DateTimeKind.Unspecified), zone);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            try
            {
                await Task.Delay(NextMergeAfter(now, dates.Zone, options.Value.MergeHour) - now, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                await MergeAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Merging the search index failed; trying again next night.");
            }
        }
    }

    private async Task MergeAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (!await scope.ServiceProvider.GetRequiredService<SearchIndex>().MergeAsync(ct)) return;
        LastMergedAt = clock.GetUtcNow().UtcDateTime;
        logger.LogInformation("Search index merged.");
    }
}
