using System.Globalization;

namespace NewsPortal.Core.Text;

/// <summary>
/// Numbers readers see (counts, page numbers, years): Western digits in English, the site's
/// chosen digits in Arabic (the current UI culture decides which page this is).
/// </summary>
public sealed class NewsNumbers(DigitStyle digits)
{
    public string Format(long number)
    {
        var text = number.ToString(CultureInfo.InvariantCulture);
        return CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? text : Digits.Apply(text, digits);
    }
}
