using System.Globalization;

namespace NewsPortal.Web.Discovery;

public static class XmlDates
{
    /// <summary>RFC 1123 (RFC 822 with four-digit years), as RSS 2.0 asks: "Tue, 10 Mar 2026 09:00:00 GMT".</summary>
    public static string Rfc1123(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("r", CultureInfo.InvariantCulture);

    /// <summary>W3C datetime, as sitemaps ask: "2026-03-10T09:00:00Z".</summary>
    public static string W3C(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);
}
