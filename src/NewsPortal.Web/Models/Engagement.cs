using NewsPortal.Core.Reading;

namespace NewsPortal.Web.Models;

/// <summary>The two "most read" lists: the last 24 hours and the last 7 days.</summary>
public sealed record MostReadBlock(IReadOnlyList<MostReadArticle> Day, IReadOnlyList<MostReadArticle> Week)
{
    public bool IsEmpty => Day.Count == 0 && Week.Count == 0;
}

/// <summary>An article headline readers can follow.</summary>
public sealed record LinkToArticle(int Id, string Headline, string Slug)
{
    public string Path => $"/articles/{Id}/{Uri.EscapeDataString(Slug)}";
}
