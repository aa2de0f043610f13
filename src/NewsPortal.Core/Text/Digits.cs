namespace NewsPortal.Core.Text;

/// <summary>Which digits Arabic pages write numbers with.</summary>
public enum DigitStyle
{
    /// <summary>0-9, as most Arabic news sites in the Maghreb, the Gulf and online use.</summary>
    Western,

    /// <summary>٠-٩, the Arabic-Indic digits of the Mashreq.</summary>
    ArabicIndic,
}

public static class Digits
{
    /// <summary>
    /// Rewrites the digits of text that was already formatted. Formatting first and mapping after
    /// keeps one code path for dates and numbers, whatever the culture's own digit settings.
    /// </summary>
    public static string Apply(string formatted, DigitStyle style)
    {
        if (style == DigitStyle.Western || string.IsNullOrEmpty(formatted)) return formatted;
        return string.Create(formatted.Length, formatted, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is >= '0' and <= '9' ? (char)('\u0660' + (c - '0')) : c;
            }
        });
    }
}
