namespace NewsPortal.Core.Search;

/// <summary>
/// The rowid of an article's row in SQLite's full-text table: the whole seconds from 2000-01-01 UTC
/// to its publication (rounded down) times 2³², plus its id. The table's own order is then the order
/// of publication (within one second, the later id first when walked down), and readers' "already
/// out" is a bound on the rowid. The migration that keyed existing rows computes the same number.
/// </summary>
public static class SearchRowKey
{
    private static readonly DateTime Epoch = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The key's low 32 bits, which hold the article's id (SQL: <c>rowid &amp; IdMask</c>).</summary>
    public const long IdMask = 0xFFFF_FFFF;

    /// <summary>The key of the article <paramref name="articleId"/> published at <paramref name="publishedAtUtc"/>.</summary>
    public static long Of(int articleId, DateTime publishedAtUtc)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(articleId);
        return (SecondsOf(publishedAtUtc) << 32) + articleId;
    }

    /// <summary>The article a key belongs to.</summary>
    public static int ArticleIdOf(long key) => (int)(key & IdMask);

    /// <summary>
    /// The greatest key of an article published by <paramref name="nowUtc"/>'s whole second. It can
    /// take in an article due later in that same second; the page's own read applies readers' rule exactly.
    /// </summary>
    public static long LatestAt(DateTime nowUtc) => (SecondsOf(nowUtc) << 32) + IdMask;

    private static long SecondsOf(DateTime utc)
    {
        var (seconds, rest) = Math.DivRem(utc.Ticks - Epoch.Ticks, TimeSpan.TicksPerSecond);
        return rest < 0 ? seconds - 1 : seconds;
    }
}
