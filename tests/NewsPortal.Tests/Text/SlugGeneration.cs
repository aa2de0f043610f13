using NewsPortal.Core.Text;

namespace NewsPortal.Tests.Text;

public class SlugGeneration
{
    [Theory]
    [InlineData("انطلاق معرض الكتاب الدولي", "انطلاق-معرض-الكتاب-الدولي")]
    [InlineData("مُؤتَمَرٌ صَحَفِيٌّ", "مؤتمر-صحفي")]
    [InlineData("الاقتـــصاد ينمو", "الاقتصاد-ينمو")]
    [InlineData("نمو بنسبة ٣٫٥٪ في ٢٠٢٦", "نمو-بنسبة-3-5-في-2026")]
    [InlineData("«عاجل»: أمطار غزيرة؟!", "عاجل-أمطار-غزيرة")]
    [InlineData("Hello, World!", "hello-world")]
    [InlineData("Café Déjà Vu", "cafe-deja-vu")]
    [InlineData("إطلاق iPhone في الرياض", "إطلاق-iphone-في-الرياض")]
    [InlineData("  --  ", "article")]
    [InlineData("", "article")]
    public void TitlesBecomeReadableSlugs(string title, string expected) =>
        Assert.Equal(expected, Slugs.From(title));

    [Fact]
    public void LongTitlesAreCutAtAWordBoundary()
    {
        var title = string.Join(' ', Enumerable.Repeat("كلمة", 40));
        var slug = Slugs.From(title);
        Assert.True(slug.Length <= Slugs.MaxLength, $"{slug.Length} characters");
        Assert.EndsWith("كلمة", slug);
        Assert.DoesNotContain("--", slug);
    }
}
