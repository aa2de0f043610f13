namespace NewsPortal.Core.Text;

public static class ArabicText
{
    public const char Tatweel = '\u0640';

    /// <summary>Arabic-Indic (٠-٩) and Eastern Arabic-Indic (۰-۹) digits become 0-9; anything else is returned as is.</summary>
    public static char FoldDigit(char c) => c switch
    {
        >= '\u0660' and <= '\u0669' => (char)('0' + (c - '\u0660')),
        >= '\u06F0' and <= '\u06F9' => (char)('0' + (c - '\u06F0')),
        _ => c,
    };
}
