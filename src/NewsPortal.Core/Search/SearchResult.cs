using NewsPortal.Core.Reading;

namespace NewsPortal.Core.Search;

/// <summary>An article found by a search, with the searched words picked out in its headline and text.</summary>
public sealed record SearchResult(ArticleCard Article, Highlight Headline, Highlight Snippet);

/// <summary>
/// A piece of text cut into runs, some of them matches. It stays plain text: pages encode every
/// run and wrap the matches themselves, so nothing from an article is ever written as markup.
/// </summary>
public sealed record Highlight(IReadOnlyList<HighlightRun> Runs, bool StartsMidText, bool EndsMidText)
{
    public static Highlight Plain(string text) => new([new HighlightRun(text, false)], false, false);

    public bool HasMatches => Runs.Any(r => r.IsMatch);

    public override string ToString() => string.Concat(Runs.Select(r => r.Text));
}

public sealed record HighlightRun(string Text, bool IsMatch);
