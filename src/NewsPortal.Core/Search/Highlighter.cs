using NewsPortal.Core.Text;

namespace NewsPortal.Core.Search;

/// <summary>
/// Finds the searched words in an article's own text, as the reader will see it (with its hamzas,
/// taa marbuta and tashkeel), rather than in the folded text the index holds.
/// </summary>
public static class Highlighter
{
    /// <summary>Words shown around the matches in a result's snippet.</summary>
    public const int SnippetWords = 30;

    /// <summary>Words shown before the first match, so it does not open the snippet cold.</summary>
    private const int LeadIn = 6;

    /// <summary>The whole text, with every matching word marked.</summary>
    public static Highlight Mark(string text, SearchQuery query)
    {
        var words = Words(text);
        return Build(text, words, 0, words.Count, query);
    }

    /// <summary>
    /// The passage of <paramref name="text"/> with the most different searched words, or its
    /// opening when none occurs in it.
    /// </summary>
    public static Highlight Snippet(string text, SearchQuery query, int length = SnippetWords)
    {
        var words = Words(text);
        if (words.Count == 0) return Highlight.Plain("");

        // Each word as the set of searched words it matches, one bit each.
        var matched = new int[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            matched[i] = query.TermsMatchedBy(text.AsSpan(words[i].Start, words[i].Length));
        }

        var (bestStart, bestDistinct, bestTotal) = (0, 0, 0);
        for (var first = 0; first < words.Count; first++)
        {
            if (matched[first] == 0) continue;
            var (seen, total) = (0, 0);
            for (var i = first; i < Math.Min(words.Count, first + length); i++)
            {
                seen |= matched[i];
                if (matched[i] != 0) total++;
            }
            var distinct = System.Numerics.BitOperations.PopCount((uint)seen);
            if (distinct > bestDistinct || (distinct == bestDistinct && total > bestTotal))
            {
                (bestStart, bestDistinct, bestTotal) = (first, distinct, total);
            }
        }

        var start = bestDistinct == 0 ? 0 : Math.Max(0, bestStart - LeadIn);
        var end = Math.Min(words.Count, start + length);
        // Near the end of the text, show a full window rather than a short tail.
        start = Math.Max(0, Math.Min(start, end - length));
        return Build(text, words, start, end, query);
    }

    private static Highlight Build(string text, List<(int Start, int Length)> words, int first, int end, SearchQuery query)
    {
        if (words.Count == 0 || first >= end) return Highlight.Plain(text);

        var runs = new List<HighlightRun>();
        var from = first == 0 ? 0 : words[first].Start;
        var until = end == words.Count ? text.Length : words[end - 1].Start + words[end - 1].Length;
        var position = from;
        for (var i = first; i < end; i++)
        {
            var (start, length) = words[i];
            if (!query.Matches(text.AsSpan(start, length))) continue;
            if (start > position) runs.Add(new HighlightRun(text[position..start], false));
            runs.Add(new HighlightRun(text.Substring(start, length), true));
            position = start + length;
        }
        if (until > position) runs.Add(new HighlightRun(text[position..until], false));
        return new Highlight(runs, from > 0, until < text.Length);
    }

    /// <summary>Where each word of the original text begins and how long it is.</summary>
    internal static List<(int Start, int Length)> Words(string text)
    {
        var words = new List<(int, int)>();
        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var inWord = i < text.Length && ArabicNormalizer.IsWordCharacter(text[i]);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                words.Add((start, i - start));
                start = -1;
            }
        }
        return words;
    }
}
