using NewsPortal.Web.Infrastructure;

namespace NewsPortal.Tests.Discovery;

public sealed class SearchIndexUpkeepTimes
{
    private static readonly TimeZoneInfo Riyadh = TimeZoneInfo.FindSystemTimeZoneById("Asia/Riyadh");
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    private static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    [Fact]
    public void TheNextMergeIsTheNextMergeHourInTheSitesTime()
    {
        Assert.Equal(Utc(3, 11, 1), SearchIndexUpkeep.NextMergeAfter(Utc(3, 10, 9), Riyadh, 4));   // noon there
        Assert.Equal(Utc(3, 10, 1), SearchIndexUpkeep.NextMergeAfter(Utc(3, 10, 0, 30), Riyadh, 4)); // 03:30 there
        Assert.Equal(Utc(3, 11, 1), SearchIndexUpkeep.NextMergeAfter(Utc(3, 10, 1), Riyadh, 4));   // 04:00 there: tomorrow's
    }

    [Fact]
    public void AnHourTheClocksSkipComesAnHourLater()
    {
        // London's clocks go from 01:00 to 02:00 on 29 March 2026: 01:00 that night does not exist.
        Assert.Equal(Utc(3, 29, 1), SearchIndexUpkeep.NextMergeAfter(Utc(3, 28, 12), London, 1));
        Assert.Equal(Utc(3, 30, 0), SearchIndexUpkeep.NextMergeAfter(Utc(3, 29, 12), London, 1));
    }
}
