namespace NewsPortal.Core.Newsroom;

/// <summary>
/// How many times an article was read in one hour. Nothing about the reader is kept: an hour's
/// bucket is a number, which is all "most read" needs and nothing a visitor could be traced by.
/// </summary>
public class ArticleViewCount
{
    private ArticleViewCount() { }

    public ArticleViewCount(int articleId, DateTime hourStartUtc, int count)
    {
        ArticleId = articleId;
        HourStartUtc = HourOf(hourStartUtc);
        Count = count;
    }

    public int ArticleId { get; private set; }
    /// <summary>The start of the hour (UTC) the views fell in.</summary>
    public DateTime HourStartUtc { get; private set; }
    public int Count { get; private set; }

    /// <summary>The start of the hour a moment falls in.</summary>
    public static DateTime HourOf(DateTime utc) =>
        new(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, DateTimeKind.Utc);
}
