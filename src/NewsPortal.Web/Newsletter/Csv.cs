using System.Globalization;

namespace NewsPortal.Web.Newsletter;

/// <summary>RFC 4180 CSV cells that a spreadsheet opens as text, never as a formula.</summary>
public static class Csv
{
    public static string Line(params string?[] cells) => string.Join(',', cells.Select(Cell));

    public static string Cell(string? value)
    {
        value ??= "";
        // A cell starting with one of these is run as a formula by spreadsheet programs (CSV injection).
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    public static string Time(DateTime? utc) => utc?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) ?? "";
}
