using System.Globalization;
using System.Text;

namespace NewsPortal.Core.Text;

/// <summary>
/// Folds the many ways one Arabic word can be typed into one form, so that a reader who types
/// "اسلام" finds "إسلام", "مدرسة" finds "مدرسه" and "الطائرات" finds "طائرات". The search index
/// and the search box both go through here; anything that differs between the two is a miss.
/// </summary>
public static class ArabicNormalizer
{
    /// <summary>
    /// Raised whenever a rule below changes: the search index records it with every row and is
    /// rebuilt at start when it no longer matches.
    /// </summary>
    public const int Version = 1;

    /// <summary>A stem left by a one-letter prefix (و، ف، ب، ك، ل) must keep at least this many letters.</summary>
    public const int MinStemAfterLetter = 3;

    /// <summary>A stem left by the article (ال and its combinations) must keep at least this many letters.</summary>
    public const int MinStemAfterArticle = 2;

    private const char Hamza = '\u0621';

    /// <summary>Conjunctions that may come first, then prepositions and the article; longest is tried first.</summary>
    private static readonly (string Prefix, int MinStem)[] Prefixes = BuildPrefixes();

    /// <summary>The words of a text in their folded form, in order.</summary>
    public static IReadOnlyList<string> Tokens(string? text)
    {
        var tokens = new List<string>();
        if (string.IsNullOrEmpty(text)) return tokens;

        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            // Latin letters lose their accents; Arabic letters are never decomposed, as that would
            // split أ into ا and a hamza mark and the rules below could no longer see it.
            if (c is > '\u007F' and < '\u0250')
            {
                foreach (var part in c.ToString().Normalize(NormalizationForm.FormD)) Add(part);
            }
            else
            {
                Add(c);
            }
        }
        Flush();
        return tokens;

        void Add(char raw)
        {
            switch (Classify(raw))
            {
                case CharKind.Ignored:
                    return;
                case CharKind.Separator:
                    Flush();
                    return;
                default:
                    word.Append(char.ToLowerInvariant(Fold(raw)));
                    return;
            }
        }

        void Flush()
        {
            if (word.Length == 0) return;
            tokens.Add(word.ToString());
            word.Clear();
        }
    }

    /// <summary>The folded text: its tokens separated by single spaces.</summary>
    public static string Normalize(string? text) => string.Join(' ', Tokens(text));

    /// <summary>
    /// A folded token and what is left of it once a common prefix is taken off: "والطايرات" gives
    /// "والطايرات", "الطايرات" and "طايرات". Two words match when their forms share one.
    /// </summary>
    public static IReadOnlyList<string> Forms(string token)
    {
        var forms = new List<string> { token };
        foreach (var prefix in Prefixes)
        {
            if (!Strips(token, prefix)) continue;
            var stem = token[prefix.Prefix.Length..];
            if (!forms.Contains(stem)) forms.Add(stem);
        }
        return forms;
    }

    /// <summary>What the search index stores for a text: every form of every word.</summary>
    public static string ToIndexText(string? text)
    {
        var builder = new StringBuilder();
        foreach (var token in Tokens(text))
        {
            foreach (var form in Forms(token))
            {
                if (builder.Length > 0) builder.Append(' ');
                builder.Append(form);
            }
        }
        return builder.ToString();
    }

    /// <summary>
    /// The one token of <paramref name="word"/> (a run of word characters), folded into
    /// <paramref name="into"/> as <see cref="Tokens"/> would fold it, without a string of its own.
    /// False when the word holds a character whose normalisation could change it (anything outside
    /// ASCII, the Arabic letters, tashkeel and digits, or a mark that composes with the letter
    /// before it) or is longer than <paramref name="into"/>: <see cref="Tokens"/> must say then.
    /// </summary>
    internal static bool TryFoldWord(ReadOnlySpan<char> word, Span<char> into, out int length)
    {
        length = 0;
        foreach (var c in word)
        {
            if (!FoldsAlone(c)) return false;
            switch (Classify(c))
            {
                case CharKind.Ignored:
                    continue;
                case CharKind.Separator:
                    return false;
            }
            if (length == into.Length) return false;
            into[length++] = char.ToLowerInvariant(Fold(c));
        }
        return true;
    }

    /// <summary>
    /// Whether a character is folded by <see cref="TryFoldWord"/> on its own, whatever stands
    /// beside it: ASCII, the Arabic letters and tashkeel up to U+0652, and the Arabic-Indic digits.
    /// U+0653 to U+0655 (madda, hamza above and below) compose with the letter before them.
    /// </summary>
    private static bool FoldsAlone(char c) => c <= '\u007F' || c is >= Hamza and <= '\u0652' || c is >= '\u0660' and <= '\u0669';

    /// <summary>
    /// Every character <see cref="TryFoldWord"/> folds on its own, with the letter it becomes in a
    /// word's token, or null when it is dropped or ends the word.
    /// </summary>
    internal static IEnumerable<(char Raw, char? Folded)> CharactersFoldedAlone()
    {
        for (var c = '\0'; c <= '\u0669'; c++)
        {
            if (!FoldsAlone(c)) continue;
            yield return (c, Classify(c) == CharKind.Letter ? char.ToLowerInvariant(Fold(c)) : null);
        }
    }

    /// <summary>
    /// The prefixes <see cref="Forms"/> takes off, longest first, each with the letters its stem
    /// must keep: a folded word's forms are the word and each stem left by one of them (<see cref="Strips"/>).
    /// </summary>
    internal static ReadOnlySpan<(string Prefix, int MinStem)> StrippedPrefixes => Prefixes;

    /// <summary>Whether <paramref name="token"/> begins with the prefix and keeps a long enough stem without it.</summary>
    internal static bool Strips(ReadOnlySpan<char> token, (string Prefix, int MinStem) prefix) =>
        token.Length - prefix.Prefix.Length >= prefix.MinStem && token.StartsWith(prefix.Prefix, StringComparison.Ordinal);

    /// <summary>Whether a character of the original text belongs to a word (letters and what is dropped from them).</summary>
    public static bool IsWordCharacter(char c) => Classify(c) != CharKind.Separator;

    private static char Fold(char c) => c switch
    {
        '\u0623' or '\u0625' or '\u0622' or '\u0671' or '\u0672' or '\u0673' => '\u0627', // أ إ آ ٱ ٲ ٳ -> ا
        '\u0629' => '\u0647', // ة -> ه
        '\u0649' => '\u064A', // ى -> ي
        '\u0624' => '\u0648', // ؤ -> و
        '\u0626' => '\u064A', // ئ -> ي
        // Persian yeh and keheh turn up in text pasted from Persian and Urdu keyboards.
        '\u06CC' => '\u064A',
        '\u06A9' => '\u0643',
        _ => ArabicText.FoldDigit(c),
    };

    private enum CharKind { Letter, Ignored, Separator }

    private static CharKind Classify(char c)
    {
        // Tashkeel, superscript alef and tatweel are how a word is written, not which word it is.
        if (c is >= '\u064B' and <= '\u065F' or '\u0670' or ArabicText.Tatweel) return CharKind.Ignored;
        // A hamza on its own is spelt in some words and left out in others (مساء / مسا).
        if (c == Hamza) return CharKind.Ignored;
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.EnclosingMark or UnicodeCategory.Format)
            return CharKind.Ignored;
        return char.IsLetterOrDigit(c) ? CharKind.Letter : CharKind.Separator;
    }

    private static (string, int)[] BuildPrefixes()
    {
        string[] conjunctions = ["", "و", "ف"];
        (string Text, bool IsArticle)[] particles =
            [("", false), ("ال", true), ("بال", true), ("كال", true), ("لل", true), ("ب", false), ("ك", false), ("ل", false)];
        return conjunctions
            .SelectMany(c => particles.Select(p => (Prefix: c + p.Text, MinStem: p.IsArticle ? MinStemAfterArticle : MinStemAfterLetter)))
            .Where(p => p.Prefix.Length > 0)
            .OrderByDescending(p => p.Prefix.Length)
            .ToArray();
    }
}
