using System.Collections.Concurrent;

namespace NewsPortal.Core.Search;

/// <summary>
/// How many rows of the full-text index hold each searched form, and how many rows it has: what
/// SQLite's bm25 counts afresh on every search by walking every row that holds each form. They are
/// about words, not results, so one count serves every search that uses the word. Kept until
/// anything changes the index on this instance (the results cache forgets them with its pages),
/// and for at most <see cref="Lifetime"/>, so that changes made by another instance are seen.
/// </summary>
public sealed class SearchWordCounts
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    /// <summary>Far more words than a day of searches uses; past it the counts start over.</summary>
    public const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, (int Count, DateTime TakenUtc)> _counts = new(StringComparer.Ordinal);
    private readonly Lock _writing = new();
    private long _generation;

    /// <summary>The count kept under <paramref name="key"/>, or a fresh one from <paramref name="count"/>.</summary>
    public async ValueTask<int> GetAsync(string key, DateTime nowUtc, Func<Task<int>> count)
    {
        if (_counts.TryGetValue(key, out var kept) && kept.TakenUtc <= nowUtc && nowUtc - kept.TakenUtc < Lifetime)
            return kept.Count;

        var generation = Interlocked.Read(ref _generation);
        var fresh = await count();
        lock (_writing)
        {
            // A count taken while the index changed may be from before the change: use it once, keep it not.
            if (generation != _generation) return fresh;
            if (_counts.Count >= MaxEntries) _counts.Clear();
            _counts[key] = (fresh, nowUtc);
        }
        return fresh;
    }

    public void Clear()
    {
        lock (_writing)
        {
            _generation++;
            _counts.Clear();
        }
    }
}
