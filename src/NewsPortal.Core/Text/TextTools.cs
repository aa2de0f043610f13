using System.Text;

namespace NewsPortal.Core.Text;

public static class TextTools
{
    /// <summary>One line of text as a person meant it: trimmed, inner whitespace collapsed, control characters removed.</summary>
    public static string NormaliseLine(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) { space = builder.Length > 0; continue; }
            if (char.IsControl(c) || IsBidiControl(c)) continue;
            if (space) { builder.Append(' '); space = false; }
            builder.Append(c);
        }
        return builder.ToString();
    }

    /// <summary>
    /// Embedding, override and isolate controls can make a line display as something other than what it
    /// says; in one-line fields they serve no honest purpose. The directional marks (LRM, RLM, ALM) stay.
    /// </summary>
    public static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    /// <summary>The first words of a text, cut at a word boundary, with an ellipsis when cut.</summary>
    public static string Excerpt(string text, int maxLength)
    {
        text = NormaliseLine(text);
        if (text.Length <= maxLength) return text;
        var cut = text.LastIndexOf(' ', maxLength);
        if (cut < maxLength / 2) cut = maxLength;
        return text[..cut].TrimEnd(' ', '،', ',', '.', '؛', ':') + "…";
    }
}
