using System.Globalization;
using NewsPortal.Core.Text;

namespace NewsPortal.Core.Time;

/// <summary>
/// Formats newsroom times for readers, in the site's time zone and the language of the page
/// (the current UI culture): the Gregorian date with month names of that language, and the
/// Hijri date by the Umm al-Qura calendar. Arabic pages write their digits as the site chooses.
/// </summary>
public sealed class NewsDates
{
    private static readonly string[] EnglishHijriMonths =
    [
        "Muharram", "Safar", "Rabi I", "Rabi II", "Jumada I", "Jumada II",
        "Rajab", "Sha'ban", "Ramadan", "Shawwal", "Dhu al-Qi'dah", "Dhu al-Hijjah",
    ];

    private readonly TimeZoneInfo _zone;
    private readonly DigitStyle _digits;
    private readonly CultureInfo _arabicGregorian;
    private readonly CultureInfo _arabicHijri;
    private readonly CultureInfo _english = CultureInfo.GetCultureInfo("en");
    private readonly UmAlQuraCalendar _ummAlQura = new();

    public NewsDates(TimeZoneInfo zone, DigitStyle digits = DigitStyle.Western)
    {
        _zone = zone;
        _digits = digits;
        _arabicGregorian = (CultureInfo)CultureInfo.GetCultureInfo("ar-EG").Clone();
        _arabicGregorian.DateTimeFormat.Calendar = new GregorianCalendar(GregorianCalendarTypes.Localized);
        _arabicHijri = (CultureInfo)CultureInfo.GetCultureInfo("ar-SA").Clone();
        _arabicHijri.DateTimeFormat.Calendar = new UmAlQuraCalendar();
    }

    public TimeZoneInfo Zone => _zone;

    private static bool InEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone);

    /// <summary>"25 نوفمبر 2026"; "25 November 2026"</summary>
    public string GregorianDate(DateTime utc) => InEnglish
        ? ToLocal(utc).ToString("d MMMM yyyy", _english)
        : Arabic(ToLocal(utc).ToString("d MMMM yyyy", _arabicGregorian));

    /// <summary>"25 نوفمبر 2026، 14:05"; "25 November 2026, 14:05"</summary>
    public string GregorianDateTime(DateTime utc) => InEnglish
        ? ToLocal(utc).ToString("d MMMM yyyy, HH:mm", _english)
        : Arabic(ToLocal(utc).ToString("d MMMM yyyy، HH:mm", _arabicGregorian));

    /// <summary>"5 جمادى الآخرة 1448 هـ"; "5 Jumada II 1448 AH"</summary>
    public string HijriDate(DateTime utc)
    {
        var local = ToLocal(utc);
        // Umm al-Qura covers 1900-2077; outside it the Gregorian date stands alone.
        if (local < _ummAlQura.MinSupportedDateTime || local > _ummAlQura.MaxSupportedDateTime)
            return "";
        if (!InEnglish)
            return Arabic(local.ToString("d MMMM yyyy", _arabicHijri) + " هـ");
        // English cultures do not carry the Umm al-Qura calendar; its numbers come from the
        // calendar itself and the months take their usual English transliterations.
        var day = _ummAlQura.GetDayOfMonth(local);
        var month = EnglishHijriMonths[_ummAlQura.GetMonth(local) - 1];
        var year = _ummAlQura.GetYear(local);
        return string.Create(CultureInfo.InvariantCulture, $"{day} {month} {year} AH");
    }

    /// <summary>The machine-readable form for &lt;time datetime&gt;, always in Western digits.</summary>
    public string Iso(DateTime utc) => new DateTimeOffset(ToLocal(utc), _zone.GetUtcOffset(utc)).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>
    /// The site's calendar day at <paramref name="utc"/>, as one object for as long as the day
    /// lasts: what is made from the date alone (a page's masthead) can be kept with it.
    /// </summary>
    public LocalDay DayOf(DateTime utc)
    {
        var date = DateOnly.FromDateTime(ToLocal(utc));
        var day = _day;
        if (day?.Date != date) _day = day = new LocalDay(date);
        return day;
    }

    private volatile LocalDay? _day;

    private string Arabic(string formatted) => Digits.Apply(formatted, _digits);
}

/// <summary>A calendar day in the site's time zone (<see cref="NewsDates.DayOf"/>).</summary>
public sealed record LocalDay(DateOnly Date)
{
    /// <summary>The day for &lt;time datetime&gt; on a date shown without its time.</summary>
    public string Iso => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
