using NewsPortal.Core.Search;
using NewsPortal.Core.Text;

namespace NewsPortal.Tests.Discovery;

public class ArabicNormalisation
{
    [Theory]
    [InlineData("أحمد", "احمد")] // alef with hamza above
    [InlineData("إسلام", "اسلام")] // alef with hamza below
    [InlineData("آمال", "امال")] // alef with madda
    [InlineData("ٱلرحمن", "الرحمن")] // alef wasla
    [InlineData("مدرسة", "مدرسه")] // taa marbuta
    [InlineData("مستشفى", "مستشفي")] // alef maqsura
    [InlineData("مؤتمر", "موتمر")] // waw with hamza
    [InlineData("رئيس", "رييس")] // yeh with hamza
    [InlineData("سماء", "سما")] // standalone hamza
    [InlineData("مُؤْتَمَرٌ", "موتمر")] // tashkeel
    [InlineData("الرَّحْمٰن", "الرحمن")] // shadda, sukun and superscript alef
    [InlineData("الاقتـــصاد", "الاقتصاد")] // tatweel
    [InlineData("٢٠٢٦", "2026")] // Arabic-Indic digits
    [InlineData("۱۴۴۷", "1447")] // Eastern Arabic-Indic digits
    [InlineData("NASA Café", "nasa cafe")] // Latin case and accents
    [InlineData("«عاجل»: أمطار، غزيرة؟!", "عاجل امطار غزيره")] // punctuation separates words
    [InlineData("ﻻ", "لا")] // presentation forms
    [InlineData("کتاب یومی", "كتاب يومي")] // Persian keheh and yeh
    [InlineData("نيوز\u200Cبورتال", "نيوزبورتال")] // zero-width non-joiner
    public void EachRuleFoldsOneWayOfWritingIntoOne(string written, string folded) =>
        Assert.Equal(folded, ArabicNormalizer.Normalize(written));

    [Theory]
    [InlineData("الطائرات", new[] { "الطايرات", "طايرات" })]
    [InlineData("والطائرات", new[] { "والطايرات", "الطايرات", "طايرات" })]
    [InlineData("بالسيارة", new[] { "بالسياره", "السياره", "سياره" })]
    [InlineData("للتعليم", new[] { "للتعليم", "تعليم", "لتعليم" })]
    [InlineData("وزير", new[] { "وزير", "زير" })]
    [InlineData("فالكتاب", new[] { "فالكتاب", "الكتاب", "كتاب" })]
    [InlineData("ولد", new[] { "ولد" })] // a one-letter prefix must leave three letters
    [InlineData("بيت", new[] { "بيت" })]
    [InlineData("الم", new[] { "الم" })] // the article must leave two
    [InlineData("news", new[] { "news" })]
    public void CommonPrefixesAreAlsoIndexedWithoutThem(string word, string[] forms) =>
        Assert.Equal(forms.Order(), ArabicNormalizer.Forms(ArabicNormalizer.Normalize(word)).Order());

    [Fact]
    public void IndexTextHoldsEveryFormOfEveryWord() =>
        Assert.Equal("الطايرات طايرات تهبط", ArabicNormalizer.ToIndexText("الطائراتُ تهبط"));

    [Theory]
    [InlineData("", SearchProblem.Empty)]
    [InlineData("   \t  ", SearchProblem.Empty)]
    [InlineData("\"*^():-", SearchProblem.NoWords)]
    [InlineData("؟!،.«»", SearchProblem.NoWords)]
    [InlineData("ـــ", SearchProblem.NoWords)]
    [InlineData("اقتصاد", SearchProblem.None)]
    public void QueriesWithNothingToSearchSayWhy(string text, SearchProblem problem) =>
        Assert.Equal(problem, SearchQuery.Parse(text).Problem);

    [Fact]
    public void QueriesOverTwoHundredCharactersAreTooLong()
    {
        Assert.Equal(SearchProblem.None, SearchQuery.Parse(new string('ب', SearchQuery.MaxLength)).Problem);
        Assert.Equal(SearchProblem.TooLong, SearchQuery.Parse(new string('ب', SearchQuery.MaxLength + 1)).Problem);
    }

    [Theory]
    [InlineData("\"الطاقة\" OR x")]
    [InlineData("NEAR(اقتصاد نفط, 5)")]
    [InlineData("headline:نفط")]
    [InlineData("نفط* ^بترول -غاز")]
    [InlineData("a AND (b OR NOT c)")]
    public void OperatorsInTheQueryBecomePlainQuotedWords(string text)
    {
        var expression = SearchQuery.Parse(text).ToMatchExpression();
        // Outside the quoted words only the operators written by SearchQuery itself remain.
        var outsideQuotes = string.Concat(expression.Split('"').Where((_, i) => i % 2 == 0));
        Assert.Matches(@"^[()*\sANDOR]*$", outsideQuotes);
        Assert.Equal(0, expression.Count(c => c == '"') % 2);
    }

    [Fact]
    public void LongQueriesAreCutToTheirFirstWords()
    {
        var query = SearchQuery.Parse(string.Join(' ', Enumerable.Range(1, 20).Select(n => $"w{n}")));
        Assert.Equal(SearchQuery.MaxTerms, query.Terms.Count);
        Assert.True(query.WasShortened);
    }

    [Fact]
    public void TheSnippetShowsTheOriginalWordsAroundTheMatches()
    {
        var text = string.Join(' ', Enumerable.Repeat("كلام", 50)) + " وصلت الطائراتُ إلى المطار " + string.Join(' ', Enumerable.Repeat("حشو", 50));
        var snippet = Highlighter.Snippet(text, SearchQuery.Parse("طائرات"));
        Assert.True(snippet.StartsMidText);
        Assert.True(snippet.EndsMidText);
        Assert.Equal(["الطائراتُ"], snippet.Runs.Where(r => r.IsMatch).Select(r => r.Text));
        Assert.Contains("وصلت الطائراتُ إلى المطار", snippet.ToString());
    }

    /// <summary>
    /// Snippets match each word of an article's text in place (folded on the stack) when its letters
    /// allow it, and rule most words out by their letters alone; that must say exactly what folding
    /// it into tokens and forms says. "كالنهر" has a rare letter in its prefix only, and its stem
    /// "نهر" is matched whole: "النهر" matches without a kaf.
    /// </summary>
    [Theory]
    [InlineData("الطاقة الميناء")]
    [InlineData("كالنهر")]
    [InlineData("مؤتمر مستشفى")]
    [InlineData("کتاب")]
    [InlineData("إلى")]
    [InlineData("اقتصاد والطائرات")]
    [InlineData("للطلاب مدرسة 2026")]
    [InlineData("café Energy آمن")]
    [InlineData("مسا إسلام")]
    public void WordsMatchedInPlaceMatchAsWhenFoldedIntoTokens(string searched)
    {
        var json = File.ReadAllText(Path.Combine(Infrastructure.TestSmtpServer.RepositoryRoot, "src", "NewsPortal.Web", "Demo", "demo-content.json"));
        var crafted = new[]
        {
            "الطاقةُ", "الطاقه", "بالطاقة", "وللطاقة", "للطلاب", "فالطائرات", "اقتصادية", "الاقتصاد", "مساء", "مسا",
            "إسلام", "أسلام", "آمن", "ا\u0653من", "ا\u0654سلام", "و\u0654", "ي\u0654", "ﻻ", "ﺍﻟﻄﺎﻗﺔ", "ـــالطاقة",
            "یک", "کتاب", "٢٠٢٦", "۲۰۲۶", "2026", "Café", "CAFE", "café", "ENERGY", "energy", "Ǆ", "ﬁle",
            "ٱلطاقة", "الطاقة\u200c", "\u064b\u064c", "ء", "مدرسة", "مدرسه", "النهر", "نهر", "كالنهر", "نهري", "موتمر", "مستشفي", "إلى", "الي", "إلي", new string('ط', 70), "ال" + new string('ا', 63),
        };
        var words = System.Text.RegularExpressions.Regex.Matches(json, "\\w+").Select(m => m.Value).Concat(crafted).ToList();
        Assert.True(words.Count > 1000, $"only {words.Count} words to compare");

        var inPlace = SearchQuery.Parse(searched);
        var folded = SearchQuery.Parse(searched);
        var matched = 0;
        foreach (var text in words)
        {
            // Words as the snippets cut them out of the text.
            foreach (var (start, length) in Highlighter.Words(text))
            {
                var word = text.Substring(start, length);
                var expected = folded.TermsMatchedBy(word);
                Assert.True(expected == inPlace.TermsMatchedBy(word.AsSpan()), $"{word}: expected {expected}");
                if (expected != 0) matched++;
            }
        }
        Assert.True(matched > 0, "no word matched: the comparison saw only misses");
    }

    [Fact]
    public void AWordFoldsInPlaceOnlyWhenNormalisingCannotChangeIt()
    {
        Span<char> into = stackalloc char[64];
        Assert.True(ArabicNormalizer.TryFoldWord("الطاقةُ", into, out var length));
        Assert.Equal("الطاقه", into[..length].ToString());
        Assert.True(ArabicNormalizer.TryFoldWord("Energy٢", into, out length));
        Assert.Equal("energy2", into[..length].ToString());
        Assert.False(ArabicNormalizer.TryFoldWord("ا\u0653من", into, out _));
        Assert.False(ArabicNormalizer.TryFoldWord("café", into, out _));
        Assert.False(ArabicNormalizer.TryFoldWord("ﻻ", into, out _));
        Assert.False(ArabicNormalizer.TryFoldWord(new string('ط', 65), into, out _));
    }
}
