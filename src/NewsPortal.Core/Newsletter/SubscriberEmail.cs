using System.Globalization;

namespace NewsPortal.Core.Newsletter;

/// <summary>
/// An address as typed into the sign-up form, checked and put in one canonical form so that the same
/// person is one subscriber however they spell it.
/// </summary>
public sealed record SubscriberEmail
{
    public const int MaxLength = 254;

    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true };

    private SubscriberEmail(string value) => Value = value;

    public string Value { get; }

    public override string ToString() => Value;

    /// <summary>The canonical address, or the Arabic reason it was refused.</summary>
    public static bool TryParse(string? input, out SubscriberEmail? email, out string error)
    {
        email = null;
        var text = (input ?? "").Trim();
        if (text.Length == 0)
        {
            error = "أدخل عنوان بريدك الإلكتروني.";
            return false;
        }
        if (text.Length > MaxLength)
        {
            error = "عنوان البريد الإلكتروني أطول من المسموح.";
            return false;
        }
        // Line breaks and other control characters are how a header gets smuggled into a message.
        if (text.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)))
        {
            error = "عنوان البريد الإلكتروني يحتوي على مسافات أو رموز غير مسموح بها.";
            return false;
        }
        var at = text.LastIndexOf('@');
        if (at <= 0 || at == text.Length - 1 || text.IndexOf('@') != at)
        {
            error = "هذا لا يبدو عنوان بريد إلكتروني صحيحًا، مثل name@example.com.";
            return false;
        }
        var local = text[..at];
        var domain = text[(at + 1)..].TrimEnd('.');
        if (local.Length > 64 || !local.All(IsAtomCharacter) || local.StartsWith('.') || local.EndsWith('.') || local.Contains(".."))
        {
            error = "هذا لا يبدو عنوان بريد إلكتروني صحيحًا، مثل name@example.com.";
            return false;
        }
        string asciiDomain;
        try
        {
            asciiDomain = Idn.GetAscii(domain).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            error = "اسم النطاق في عنوان البريد غير صحيح.";
            return false;
        }
        var labels = asciiDomain.Split('.');
        if (labels.Length < 2 || labels.Any(l => l.Length is 0 or > 63) || labels[^1].All(char.IsAsciiDigit))
        {
            error = "اسم النطاق في عنوان البريد غير صحيح.";
            return false;
        }
        var value = local.ToLowerInvariant() + "@" + asciiDomain;
        if (value.Length > MaxLength)
        {
            error = "عنوان البريد الإلكتروني أطول من المسموح.";
            return false;
        }
        email = new SubscriberEmail(value);
        error = "";
        return true;
    }

    // RFC 5322 dot-atom text: no quoted local parts, which no reader types and many systems mishandle.
    private static bool IsAtomCharacter(char c) =>
        char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~.".Contains(c);
}
