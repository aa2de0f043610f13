using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using NewsPortal.Core.Reading;

namespace NewsPortal.Core.Search;

public sealed class SearchOptions
{
    public const string SectionName = "Search";

    /// <summary>
    /// How long a page of results is reused for the same words. When a story breaks, thousands of
    /// readers type the same few words within a minute. Zero runs every search afresh.
    /// </summary>
    [Range(0, 3600)] public int ResultSeconds { get; set; } = 30;

    /// <summary>
    /// How many of the newest matching articles are ranked. A common word matches tens of thousands
    /// of articles, and scoring and sorting all of them takes most of a second; the newest thousand
    /// hold what a news reader is after, and nobody pages further.
    /// </summary>
    [Range(1, 100_000)] public int MaxRanked { get; set; } = 1000;

    /// <summary>
    /// The hour of the night, site time, at which the index is merged (SQLite; a few seconds'
    /// work for tens of thousands of articles, during which editors' saves wait).
    /// </summary>
    [Range(0, 23)] public int MergeHour { get; set; } = 4;
}

/// <summary>
/// Recent pages of search results, shared by all readers (results are public), and the counts of
/// searched words (<see cref="WordCounts"/>), kept whatever <see cref="SearchOptions.ResultSeconds"/> says.
/// Anything that changes the index empties both on this instance; other instances catch up when
/// their pages expire, and so does an article whose publication time comes while its search is held.
/// </summary>
public sealed class SearchResultCache(IOptions<SearchOptions> options)
{
    /// <summary>Enough for the searches of a busy hour; past it the cache starts over rather than track use.</summary>
    public const int MaxEntries = 1000;

    private readonly ConcurrentDictionary<(string Match, int Number, int Size), Entry> _entries = new();
    private readonly TimeSpan _lifetime = TimeSpan.FromSeconds(options.Value.ResultSeconds);

    public Page<SearchResult>? Find(SearchQuery query, int number, int size, DateTime nowUtc) =>
        _lifetime > TimeSpan.Zero
        && _entries.TryGetValue((query.ToMatchExpression(), number, size), out var entry)
        && entry.ExpiresUtc > nowUtc
        && entry.ExpiresUtc - _lifetime <= nowUtc
            ? entry.Page
            : null;

    public void Keep(SearchQuery query, int number, int size, DateTime nowUtc, Page<SearchResult> page)
    {
        if (_lifetime <= TimeSpan.Zero) return;
        if (_entries.Count >= MaxEntries) _entries.Clear();
        _entries[(query.ToMatchExpression(), number, size)] = new Entry(page, nowUtc + _lifetime);
    }

    public SearchWordCounts WordCounts { get; } = new();

    public void Clear()
    {
        _entries.Clear();
        WordCounts.Clear();
    }

    private sealed record Entry(Page<SearchResult> Page, DateTime ExpiresUtc);
}
