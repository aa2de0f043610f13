using System.Buffers;
using System.Text;
using NewsPortal.Core.Text;

namespace NewsPortal.Core.Search;

/// <summary>Why a reader's words could not be searched; the page tells them in their language.</summary>
public enum SearchProblem
{
    None,
    Empty,
    TooLong,
    NoWords,
}

/// <summary>
/// What a reader typed, turned into words the index understands. The full-text engine never sees
/// the reader's text: it gets an expression built here from folded words, each one quoted, so
/// quotes, stars, brackets, NEAR, AND, OR and NOT are just characters or words.
/// </summary>
public sealed class SearchQuery
{
    public const int MaxLength = 200;

    /// <summary>Longer queries are cut to their first words; the engine's expression depth has a limit.</summary>
    public const int MaxTerms = 12;

    /// <summary>
    /// Words at least this long also match longer words that begin with them ("اقتصاد" finds
    /// "اقتصادية"), which covers the commonest Arabic suffixes; shorter ones would match too much.
    /// </summary>
    public const int MinPrefixLength = 4;

    private SearchQuery(string text, SearchProblem problem, IReadOnlyList<SearchTerm> terms, bool wasShortened)
    {
        Text = text;
        Problem = problem;
        Terms = terms;
        WasShortened = wasShortened;
    }

    /// <summary>The reader's text, trimmed, for showing back in the search box.</summary>
    public string Text { get; }

    public SearchProblem Problem { get; }

    public IReadOnlyList<SearchTerm> Terms { get; }

    /// <summary>True when words beyond <see cref="MaxTerms"/> were left out.</summary>
    public bool WasShortened { get; }

    public bool CanRun => Problem == SearchProblem.None;

    public static SearchQuery Parse(string? text)
    {
        text = TextTools.NormaliseLine(text);
        if (text.Length == 0) return new SearchQuery("", SearchProblem.Empty, [], false);
        if (text.Length > MaxLength) return new SearchQuery(text, SearchProblem.TooLong, [], false);

        var tokens = ArabicNormalizer.Tokens(text).Distinct().ToList();
        if (tokens.Count == 0) return new SearchQuery(text, SearchProblem.NoWords, [], false);

        var terms = tokens.Take(MaxTerms).Select(t => new SearchTerm(t, ArabicNormalizer.Forms(t))).ToList();
        return new SearchQuery(text, SearchProblem.None, terms, tokens.Count > MaxTerms);
    }

    /// <summary>
    /// The FTS5 expression: every word must be present, in any of its forms. Each form is a quoted
    /// string made of letters and digits only, so nothing in it can be read as an operator.
    /// </summary>
    public string ToMatchExpression() => _matchExpression ??= BuildMatchExpression();

    private string? _matchExpression;

    /// <summary>Built once per query: the results cache looks it up, keeps under it and the index runs it.</summary>
    private string BuildMatchExpression() => Combine(" AND ", " OR ", MatchPhrase);

    /// <summary>The FTS5 phrases of <see cref="ToMatchExpression"/>, one per form of each word, in its order.</summary>
    public IEnumerable<string> ToMatchPhrases() => Terms.SelectMany(t => t.Forms).Select(MatchPhrase);

    // A prefix query also matches the word itself; asking for both doubles the engine's work.
    private static string MatchPhrase(string form) => form.Length >= MinPrefixLength ? $"\"{form}\"*" : $"\"{form}\"";

    /// <summary>
    /// A search engine's expression for the query: every term must be present (<paramref name="and"/>
    /// between terms) in any of its forms (<paramref name="or"/> between the forms of one term, each
    /// written by <paramref name="form"/>).
    /// </summary>
    internal string Combine(string and, string or, Func<string, string> form)
    {
        if (!CanRun) throw new InvalidOperationException("This query cannot be run.");
        var expression = new StringBuilder();
        foreach (var term in Terms)
        {
            if (expression.Length > 0) expression.Append(and);
            expression.Append('(').AppendJoin(or, term.Forms.Select(form)).Append(')');
        }
        return expression.ToString();
    }

    /// <summary>Whether a word of an article's text is one the reader searched for; the same rule as the index.</summary>
    public bool Matches(ReadOnlySpan<char> word) => TermsMatchedBy(word) != 0;

    /// <summary>
    /// Which searched words a word of an article's text matches, one bit per term (at most
    /// <see cref="MaxTerms"/>). A page of results repeats its words many times over, so each
    /// distinct word is folded and compared once per query.
    /// </summary>
    internal int TermsMatchedBy(string word) => _matched.GetOrAdd(word, static (w, query) => query.Match(w), this);

    /// <summary>
    /// The same for a word still inside the text: a word seen before needs no string of its own, and
    /// a new one is folded on the stack when it can be (<see cref="MatchFolded"/>).
    /// </summary>
    internal int TermsMatchedBy(ReadOnlySpan<char> word)
    {
        if (!word.ContainsAnyExcept(CannotMatch)) return 0;
        var lookup = _matched.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(word, out var found)) return found;
        Span<char> folded = stackalloc char[64];
        if (!ArabicNormalizer.TryFoldWord(word, folded, out var length)) return TermsMatchedBy(word.ToString());
        found = MatchFolded(folded[..length]);
        lookup.TryAdd(word, found);
        return found;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _matched = new(StringComparer.Ordinal);

    /// <summary>
    /// Characters a word of an article's text can be made of and still match no searched word. All
    /// the forms of a searched word hold its shortest form, so a matching word's token holds each of
    /// its letters; one of them (<see cref="AnchorOf"/>) stands for the term. A word whose every
    /// character folds on its own into none of the terms' letters matches nothing: most words of a
    /// text are ruled out by one look at their characters, with no folding and no look-up.
    /// </summary>
    private SearchValues<char> CannotMatch => _cannotMatch ??= BuildCannotMatch();

    private SearchValues<char>? _cannotMatch;

    private SearchValues<char> BuildCannotMatch()
    {
        var anchors = Terms.Select(AnchorOf).ToHashSet();
        var chars = ArabicNormalizer.CharactersFoldedAlone()
            .Where(c => c.Folded is not { } folded || !anchors.Contains(folded))
            .Select(c => c.Raw).ToArray();
        return SearchValues.Create(chars);
    }

    /// <summary>Arabic letters, the most frequent in running text first (a rough order is enough).</summary>
    private const string CommonestLettersFirst = "اليمونهرتبعدسفكقحجشطصزخضثذظغ";

    /// <summary>The letter of a term's shortest form that the fewest words of a text hold.</summary>
    private static char AnchorOf(SearchTerm term)
    {
        var shortest = term.Forms.MinBy(f => f.Length)!;
        return shortest.MaxBy(c => CommonestLettersFirst.IndexOf(c) is var rank and >= 0 ? rank : CommonestLettersFirst.Length);
    }

    /// <summary>
    /// <see cref="Match"/> for a word already folded into its one token: the terms that any of its
    /// forms (<see cref="ArabicNormalizer.Forms"/>) matches, compared in place.
    /// </summary>
    internal int MatchFolded(ReadOnlySpan<char> token)
    {
        if (token.IsEmpty) return 0;
        var found = MatchForm(token);
        foreach (var prefix in ArabicNormalizer.StrippedPrefixes)
        {
            if (ArabicNormalizer.Strips(token, prefix)) found |= MatchForm(token[prefix.Prefix.Length..]);
        }
        return found;
    }

    private int MatchForm(ReadOnlySpan<char> wordForm)
    {
        var found = 0;
        for (var i = 0; i < Terms.Count; i++)
        {
            if (Terms[i].IsMatchedBy(wordForm)) found |= 1 << i;
        }
        return found;
    }

    private int Match(string word)
    {
        var found = 0;
        foreach (var token in ArabicNormalizer.Tokens(word))
        {
            var forms = ArabicNormalizer.Forms(token);
            for (var i = 0; i < Terms.Count; i++)
            {
                if (Terms[i].IsMatchedBy(forms)) found |= 1 << i;
            }
        }
        return found;
    }
}

/// <summary>One searched word: its folded form and the forms it may appear in.</summary>
public sealed record SearchTerm(string Token, IReadOnlyList<string> Forms)
{
    internal bool IsMatchedBy(IReadOnlyList<string> wordForms) => wordForms.Any(w => IsMatchedBy(w));

    /// <summary>
    /// Whether one form of a word matches: it is one of this term's forms, or begins with one long
    /// enough to stand for the words that begin with it.
    /// </summary>
    internal bool IsMatchedBy(ReadOnlySpan<char> wordForm)
    {
        foreach (var form in Forms)
        {
            if (form.Length >= SearchQuery.MinPrefixLength ? wordForm.StartsWith(form, StringComparison.Ordinal) : wordForm.SequenceEqual(form))
                return true;
        }
        return false;
    }
}
