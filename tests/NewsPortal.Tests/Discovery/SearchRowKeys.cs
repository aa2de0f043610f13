using NewsPortal.Core.Search;

namespace NewsPortal.Tests.Discovery;

public sealed class SearchRowKeys
{
    private static readonly DateTime Noon = new(2026, 3, 10, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void KeysFollowPublicationThenIdAndGiveTheIdBack()
    {
        (int Id, DateTime At)[] articles =
        [
            (7, Noon.AddDays(-9000)),   // 2001
            (900_000, Noon.AddSeconds(-1)),
            (3, Noon),
            (5, Noon.AddMilliseconds(999)), // the same whole second: the higher id after
            (2, Noon.AddSeconds(1)),
            (int.MaxValue, Noon.AddYears(40)),
            (11, new DateTime(1995, 5, 1, 0, 0, 0, DateTimeKind.Utc)), // before the keys' epoch
        ];
        var keys = articles.Select(a => SearchRowKey.Of(a.Id, a.At)).ToList();

        Assert.Equal(articles.OrderBy(a => a.At.Ticks / TimeSpan.TicksPerSecond).ThenBy(a => a.Id).Select(a => a.Id),
            articles.Zip(keys).OrderBy(p => p.Second).Select(p => p.First.Id));
        Assert.Equal(articles.Select(a => a.Id), keys.Select(SearchRowKey.ArticleIdOf));
    }

    [Fact]
    public void TheLatestKeyOfAMomentTakesInItsWholeSecondAndNothingAfter()
    {
        var now = Noon.AddMilliseconds(250);
        Assert.True(SearchRowKey.Of(int.MaxValue, Noon.AddMilliseconds(999)) <= SearchRowKey.LatestAt(now));
        Assert.True(SearchRowKey.Of(0, Noon.AddSeconds(1)) > SearchRowKey.LatestAt(now));
        Assert.True(SearchRowKey.Of(1, Noon.AddSeconds(-1).AddMilliseconds(999)) < SearchRowKey.Of(1, Noon));
    }

    [Fact]
    public void TheSameNumberComesFromTheMigrationsSql()
    {
        // The migration computes (strftime('%s', PublishedAt) - 946684800) * 2^32 + id; 2026-03-10 12:00:00 UTC is 1773144000.
        Assert.Equal((1773144000L - 946684800L) * 4294967296L + 42, SearchRowKey.Of(42, Noon.AddTicks(9_999_999)));
    }
}
