using NewsPortal.Core.Time;

namespace NewsPortal.Tests.Text;

public class DateFormatting
{
    private readonly NewsDates _dates = new(TimeZoneInfo.FindSystemTimeZoneById("Asia/Riyadh"));

    [Fact]
    public void TheFirstOfRamadan1445IsGivenByTheUmmAlQuraCalendar()
    {
        // Ramadan 1445 began on 11 March 2024 by the Umm al-Qura calendar.
        var utc = new DateTime(2024, 3, 11, 9, 0, 0, DateTimeKind.Utc);
        Assert.Equal("1 رمضان 1445 هـ", _dates.HijriDate(utc));
        Assert.Equal("29 شعبان 1445 هـ", _dates.HijriDate(utc.AddDays(-1)));
    }

    [Fact]
    public void TheGregorianDateUsesArabicMonthNames()
    {
        var utc = new DateTime(2026, 11, 25, 9, 30, 0, DateTimeKind.Utc);
        Assert.Equal("25 نوفمبر 2026", _dates.GregorianDate(utc));
        Assert.Equal("25 نوفمبر 2026، 12:30", _dates.GregorianDateTime(utc));
    }

    [Fact]
    public void DatesAreShownInTheSitesTimeZone()
    {
        // 22:30 UTC is already the next day in Riyadh (UTC+3).
        var utc = new DateTime(2026, 1, 31, 22, 30, 0, DateTimeKind.Utc);
        Assert.Equal("1 فبراير 2026", _dates.GregorianDate(utc));
        Assert.Equal("2026-02-01T01:30:00+03:00", _dates.Iso(utc));
    }
}
