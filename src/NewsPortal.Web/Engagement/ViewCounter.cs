using System.Threading.Channels;
using NewsPortal.Core.Newsroom;

namespace NewsPortal.Web.Engagement;

/// <summary>One read of an article, stamped with the hour it happened in.</summary>
public readonly record struct ArticleRead(int ArticleId, DateTime HourStartUtc);

/// <summary>
/// Takes note of article reads on the request path at the cost of a queue write; the
/// <see cref="ViewCountWriter"/> adds them to the database later, in batches. No cookie is read or
/// set and nothing about the reader is kept, so counting needs no consent.
/// </summary>
public sealed class ViewCounter(TimeProvider clock)
{
    /// <summary>
    /// Enough for a burst of many thousand reads between two writes. When the database cannot keep
    /// up, further reads are dropped: a slightly low count is better than a slow page.
    /// </summary>
    public const int Capacity = 50_000;

    private readonly Channel<ArticleRead> _reads = Channel.CreateBounded<ArticleRead>(new BoundedChannelOptions(Capacity)
    {
        FullMode = BoundedChannelFullMode.DropWrite,
        SingleReader = false,
        SingleWriter = false,
    });

    internal ChannelReader<ArticleRead> Pending => _reads.Reader;

    /// <summary>Counts a reader's visit to an article page, unless it is a crawler or a HEAD request.</summary>
    public void CountVisit(HttpRequest request, int articleId)
    {
        if (!HttpMethods.IsGet(request.Method) || IsRobot(request.Headers.UserAgent.ToString())) return;
        _reads.Writer.TryWrite(new ArticleRead(articleId, ArticleViewCount.HourOf(clock.GetUtcNow().UtcDateTime)));
    }

    /// <summary>Well-behaved crawlers say what they are; counting them would rank what robots fetch.</summary>
    public static bool IsRobot(string userAgent) =>
        userAgent.Contains("bot", StringComparison.OrdinalIgnoreCase)
        || userAgent.Contains("crawler", StringComparison.OrdinalIgnoreCase)
        || userAgent.Contains("spider", StringComparison.OrdinalIgnoreCase);
}
