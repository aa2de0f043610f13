using System.Globalization;

namespace NewsPortal.Core.Time;

/// <summary>
/// Formats newsroom times for readers: the Gregorian date in Arabic month names and the
/// Hijri date by the Umm al-Qura calendar, both in the site's time zone.
/// </summary>
public sealed class NewsDates
{
    private readonly TimeZoneInfo _zone;
    private readonly CultureInfo _gregorian;
    private readonly CultureInfo _hijri;

    public NewsDates(TimeZoneInfo zone)
    {
        _zone = zone;
        _gregorian = (CultureInfo)CultureInfo.GetCultureInfo("ar-EG").Clone();
        _gregorian.DateTimeFormat.Calendar = new GregorianCalendar(GregorianCalendarTypes.Localized);
        _hijri = (CultureInfo)CultureInfo.GetCultureInfo("ar-SA").Clone();
        _hijri.DateTimeFormat.Calendar = new UmAlQuraCalendar();
    }

    public TimeZoneInfo Zone => _zone;

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone);

    /// <summary>"25 نوفمبر 2026"</summary>
    public string GregorianDate(DateTime utc) => ToLocal(utc).ToString("d MMMM yyyy", _gregorian);

    /// <summary>"25 نوفمبر 2026، 14:05"</summary>
    public string GregorianDateTime(DateTime utc) => ToLocal(utc).ToString("d MMMM yyyy، HH:mm", _gregorian);

    /// <summary>"5 جمادى الآخرة 1448 هـ"</summary>
    public string HijriDate(DateTime utc)
    {
        var local = ToLocal(utc);
        // Umm al-Qura covers 1900-2077; outside it the Gregorian date stands alone.
        if (local < _hijri.DateTimeFormat.Calendar.MinSupportedDateTime || local > _hijri.DateTimeFormat.Calendar.MaxSupportedDateTime)
            return "";
        return local.ToString("d MMMM yyyy", _hijri) + " هـ";
    }

    /// <summary>The machine-readable form for &lt;time datetime&gt;.</summary>
    public string Iso(DateTime utc) => new DateTimeOffset(ToLocal(utc), _zone.GetUtcOffset(utc)).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture);
}
