using System.Globalization;
using NewsPortal.Core.Text;
using NewsPortal.Core.Time;
using NewsPortal.Tests.Infrastructure;

namespace NewsPortal.Tests.Engagement;

/// <summary>Runs a piece of code as a page of the given language would.</summary>
internal sealed class InLanguage : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    public InLanguage(string name)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}

public class EnglishDates
{
    private static readonly TimeZoneInfo Riyadh = TimeZoneInfo.FindSystemTimeZoneById("Asia/Riyadh");
    private readonly NewsDates _dates = new(Riyadh);

    [Fact]
    public void TheGregorianDateUsesEnglishMonthNames()
    {
        using var _ = new InLanguage("en");
        var utc = new DateTime(2026, 11, 25, 9, 30, 0, DateTimeKind.Utc);
        Assert.Equal("25 November 2026", _dates.GregorianDate(utc));
        Assert.Equal("25 November 2026, 12:30", _dates.GregorianDateTime(utc));
    }

    [Fact]
    public void TheHijriDateIsTheUmmAlQuraDateWithEnglishMonthNames()
    {
        using var _ = new InLanguage("en");
        // Ramadan 1445 began on 11 March 2024 by the Umm al-Qura calendar.
        var utc = new DateTime(2024, 3, 11, 9, 0, 0, DateTimeKind.Utc);
        Assert.Equal("1 Ramadan 1445 AH", _dates.HijriDate(utc));
        Assert.Equal("29 Sha'ban 1445 AH", _dates.HijriDate(utc.AddDays(-1)));
    }

    [Fact]
    public void EveryHijriMonthHasItsEnglishName()
    {
        // One date in each month of 1448, in both languages: the day and year agree, the month is named in each.
        var calendar = new UmAlQuraCalendar();
        string[] english = ["Muharram", "Safar", "Rabi I", "Rabi II", "Jumada I", "Jumada II", "Rajab", "Sha'ban", "Ramadan", "Shawwal", "Dhu al-Qi'dah", "Dhu al-Hijjah"];
        for (var month = 1; month <= 12; month++)
        {
            var local = calendar.ToDateTime(1448, month, 5, 12, 0, 0, 0);
            var utc = TimeZoneInfo.ConvertTimeToUtc(local, Riyadh);
            string inEnglish, inArabic;
            using (new InLanguage("en")) inEnglish = _dates.HijriDate(utc);
            using (new InLanguage("ar")) inArabic = _dates.HijriDate(utc);
            Assert.Equal($"5 {english[month - 1]} 1448 AH", inEnglish);
            Assert.StartsWith("5 ", inArabic);
            Assert.EndsWith(" 1448 هـ", inArabic);
        }
        using (new InLanguage("ar"))
        {
            Assert.Equal("5 جمادى الآخرة 1448 هـ", _dates.HijriDate(TimeZoneInfo.ConvertTimeToUtc(calendar.ToDateTime(1448, 6, 5, 12, 0, 0, 0), Riyadh)));
        }
    }
}

public class ArabicDigits
{
    private static readonly TimeZoneInfo Riyadh = TimeZoneInfo.FindSystemTimeZoneById("Asia/Riyadh");
    private static readonly DateTime Utc = new(2026, 11, 25, 9, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void MapEveryWesternDigitAndNothingElse()
    {
        Assert.Equal("٠١٢٣٤٥٦٧٨٩ صفحة، page", Digits.Apply("0123456789 صفحة، page", DigitStyle.ArabicIndic));
        Assert.Equal("0123456789", Digits.Apply("0123456789", DigitStyle.Western));
    }

    [Fact]
    public void ApplyToArabicDatesAndNumbersWhenChosen()
    {
        var dates = new NewsDates(Riyadh, DigitStyle.ArabicIndic);
        var numbers = new NewsNumbers(DigitStyle.ArabicIndic);
        using var _ = new InLanguage("ar");

        Assert.Equal("٢٥ نوفمبر ٢٠٢٦", dates.GregorianDate(Utc));
        Assert.Equal("٢٥ نوفمبر ٢٠٢٦، ١٢:٣٠", dates.GregorianDateTime(Utc));
        Assert.Matches("^[٠-٩]+ [^0-9]+ ١٤٤٨ هـ$", dates.HijriDate(Utc));
        Assert.Equal("١٢٠", numbers.Format(120));
        // Machines read the datetime attribute; it stays in Western digits.
        Assert.Equal("2026-11-25T12:30:00+03:00", dates.Iso(Utc));
    }

    [Fact]
    public void WesternDigitsAreTheDefault()
    {
        using var _ = new InLanguage("ar");
        Assert.Equal("25 نوفمبر 2026", new NewsDates(Riyadh).GregorianDate(Utc));
        Assert.Equal("120", new NewsNumbers(DigitStyle.Western).Format(120));
    }

    [Fact]
    public void EnglishPagesKeepWesternDigits()
    {
        using var _ = new InLanguage("en");
        Assert.Equal("25 November 2026", new NewsDates(Riyadh, DigitStyle.ArabicIndic).GregorianDate(Utc));
        Assert.Equal("120", new NewsNumbers(DigitStyle.ArabicIndic).Format(120));
    }
}

public sealed class ArabicIndicPortal : PortalFactory, IAsyncLifetime
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Site:Digits"] = "ArabicIndic" };

    public async Task InitializeAsync()
    {
        var newsroom = new Infrastructure.Newsroom(this);
        var section = await newsroom.SectionAsync("اقتصاد", "economy");
        for (var i = 1; i <= 13; i++) await newsroom.PublishedAsync($"تقرير اقتصادي {i}", section, i);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public class TheDigitsSetting(ArabicIndicPortal portal) : IClassFixture<ArabicIndicPortal>
{
    [Fact]
    public async Task WritesArabicPagesDatesAndCountsInArabicIndicDigits()
    {
        var reader = portal.CreateReader();
        var archive = await reader.GetDocumentAsync("/sections/economy");
        Assert.Equal("١٠ مارس ٢٠٢٦", archive.QuerySelector(".today time").Text());
        Assert.Equal("2026-03-10", archive.QuerySelector(".today time")?.GetAttribute("datetime"));
        Assert.Equal("الصفحة ١ من ٢", archive.QuerySelector(".pager-position").Text());
        Assert.DoesNotMatch("[0-9]", archive.QuerySelector(".card-story time").Text());
        Assert.Contains("٢٠٢٦", archive.QuerySelector(".copyright").Text());

        var search = await reader.GetDocumentAsync("/search?q=" + Uri.EscapeDataString("تقرير"));
        Assert.Equal("عدد النتائج: ١٣", search.QuerySelector(".search-summary").Text());
        // The pager's links are addresses, not text for reading.
        Assert.Equal("/search?q=" + Uri.EscapeDataString("تقرير") + "&page=2", search.QuerySelector(".pager a[rel=next]")?.GetAttribute("href"));
    }

    [Fact]
    public async Task LeavesEnglishPagesInWesternDigits()
    {
        var archive = await portal.CreateReader().GetDocumentAsync("/en/sections/economy");
        Assert.Equal("10 March 2026", archive.QuerySelector(".today time").Text());
        Assert.Equal("Page 1 of 2", archive.QuerySelector(".pager-position").Text());
    }
}

public class AnUnknownDigitsSetting
{
    private sealed class Portal(string digits) : PortalFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Site:Digits"] = digits };
    }

    [Theory]
    [InlineData("Roman")]
    [InlineData("7")]
    public void StopsThePortalFromStarting(string digits)
    {
        using var portal = new Portal(digits);
        var failure = Assert.ThrowsAny<Exception>(() => portal.CreateClient());
        Assert.Contains("Digits", failure.ToString());
    }
}

public class EmbedsInTheReadersLanguage
{
    [Fact]
    public void TheClickToLoadBoxSpeaksThePagesLanguageAndEncodesItsWords()
    {
        var html = new MarkdownArticleRenderer().ToSafeHtml("https://www.youtube.com/watch?v=dQw4w9WgXcQ");
        var english = new Embeds.Labels("Content embedded from {0} <b>", "Load the content", "Watch on {0}", "Video from {0}");

        var deferred = Embeds.Defer(html, english);
        Assert.Contains("<p>Content embedded from YouTube &lt;b&gt;</p>", deferred);
        Assert.Contains(">Load the content</button>", deferred);
        Assert.Contains(">Watch on YouTube</a>", deferred);
        Assert.Contains("title=\"Video from YouTube\"", Embeds.Activate(html, english));
        Assert.Contains("تحميل المحتوى", Embeds.Defer(html));
    }
}
