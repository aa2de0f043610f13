using System.Globalization;
using System.Text;

namespace NewsPortal.Core.Text;

/// <summary>
/// Readable URL segments from titles. Arabic letters stay Arabic (browsers show them as typed);
/// diacritics, tatweel and punctuation go, Latin letters are lower-cased and stripped of accents.
/// </summary>
public static class Slugs
{
    public const int MaxLength = 80;
    public const string Fallback = "article";

    public static string From(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Fallback;

        var builder = new StringBuilder(text.Length);
        var pendingHyphen = false;
        // Only Latin letters are decomposed to shed their accents: decomposing Arabic would take the
        // hamza off أ and ؤ, which changes the word.
        foreach (var raw in text.Normalize(NormalizationForm.FormC))
        {
            if (raw is > '\u007F' and < '\u0250')
            {
                foreach (var part in raw.ToString().Normalize(NormalizationForm.FormD)) Append(part);
                continue;
            }
            Append(raw);
        }

        void Append(char raw)
        {
            var c = ArabicText.FoldDigit(raw);
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
                || c == ArabicText.Tatweel || category == UnicodeCategory.Format)
                return;

            if (char.IsLetterOrDigit(c))
            {
                if (pendingHyphen && builder.Length > 0) builder.Append('-');
                pendingHyphen = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingHyphen = true;
            }
        }

        var slug = builder.ToString();
        if (slug.Length > MaxLength)
        {
            var cut = slug.LastIndexOf('-', MaxLength);
            slug = cut > MaxLength / 2 ? slug[..cut] : slug[..MaxLength].TrimEnd('-');
        }
        return slug.Length == 0 ? Fallback : slug;
    }
}
