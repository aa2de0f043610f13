using System.Net;
using System.Text.RegularExpressions;

namespace NewsPortal.Core.Text;

/// <summary>
/// Third-party media in article bodies. A line holding only a YouTube or Vimeo address is stored as a
/// neutral placeholder; whether it becomes a player or a click-to-load box is decided per reader,
/// because loading it lets the other site set its own cookies.
/// </summary>
public static partial class Embeds
{
    /// <summary>
    /// The words around an embed, in the language of the page; <c>{0}</c> stands for the provider's name.
    /// They are plain text and are encoded on the way in.
    /// </summary>
    public sealed record Labels(string Notice, string Load, string WatchOn, string VideoFrom)
    {
        public static readonly Labels Arabic = new(
            "محتوى مضمَّن من {0}. تحميله يسمح لذلك الموقع بوضع ملفات تعريف ارتباط خاصة به.",
            "تحميل المحتوى",
            "مشاهدة على {0}",
            "مقطع فيديو من {0}");
    }

    public static string MarkPlaceholders(string markdown) =>
        OwnLine().Replace(markdown ?? "", match =>
        {
            var url = match.Value.Trim();
            var embed = Recognise(url);
            if (embed is null) return match.Value;
            return $"\n{PlaceholderStart}{embed.Value.Provider}:{embed.Value.Id}\"><a href=\"{WebUtility.HtmlEncode(url)}\">{WebUtility.HtmlEncode(url)}</a></figure>\n";
        });

    /// <summary>Players for readers who accepted third-party content.</summary>
    public static string Activate(string html, Labels? labels = null) => Placeholder().Replace(html, m =>
        $"<figure class=\"embed\"><iframe src=\"{PlayerUrl(m.Groups[1].Value, m.Groups[2].Value)}\" title=\"{Say((labels ?? Labels.Arabic).VideoFrom, m.Groups[1].Value)}\" loading=\"lazy\" allow=\"fullscreen; picture-in-picture\" allowfullscreen referrerpolicy=\"strict-origin-when-cross-origin\"></iframe></figure>");

    /// <summary>Click-to-load boxes for everyone else: nothing is fetched from the other site until asked.</summary>
    public static string Defer(string html, Labels? labels = null) => Placeholder().Replace(html, m =>
    {
        var words = labels ?? Labels.Arabic;
        var (provider, id) = (m.Groups[1].Value, m.Groups[2].Value);
        return $"<figure class=\"embed embed-deferred\" data-embed-src=\"{PlayerUrl(provider, id)}\" data-embed-title=\"{Say(words.VideoFrom, provider)}\">"
               + $"<p>{Say(words.Notice, provider)}</p>"
               + $"<button type=\"button\" class=\"btn btn-outline-dark embed-load\">{WebUtility.HtmlEncode(words.Load)}</button> "
               + $"<a href=\"{WatchUrl(provider, id)}\" rel=\"noopener noreferrer\">{Say(words.WatchOn, provider)}</a></figure>";
    });

    /// <summary>Whether <paramref name="html"/> may hold a placeholder; when not, it has nothing to activate or defer.</summary>
    public static bool HasPlaceholders(string html) => html.Contains(PlaceholderStart, StringComparison.Ordinal);

    private const string PlaceholderStart = "<figure data-embed=\"";

    public static bool IsPlaceholderValue(string value) => PlaceholderValue().IsMatch(value);

    private static (string Provider, string Id)? Recognise(string url)
    {
        var youtube = YouTube().Match(url);
        if (youtube.Success) return ("youtube", youtube.Groups[1].Value);
        var vimeo = Vimeo().Match(url);
        if (vimeo.Success) return ("vimeo", vimeo.Groups[1].Value);
        return null;
    }

    private static string PlayerUrl(string provider, string id) => provider == "youtube"
        ? $"https://www.youtube-nocookie.com/embed/{id}"
        : $"https://player.vimeo.com/video/{id}?dnt=1";

    private static string WatchUrl(string provider, string id) => provider == "youtube"
        ? $"https://www.youtube.com/watch?v={id}"
        : $"https://vimeo.com/{id}";

    private static string ProviderName(string provider) => provider == "youtube" ? "YouTube" : "Vimeo";

    private static string Say(string label, string provider) => WebUtility.HtmlEncode(string.Format(System.Globalization.CultureInfo.InvariantCulture, label, ProviderName(provider)));

    [GeneratedRegex(@"^[ \t]*https?://\S+[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex OwnLine();

    [GeneratedRegex(@"^https?://(?:www\.|m\.)?(?:youtube\.com/watch\?(?:\S*&)?v=|youtu\.be/)([A-Za-z0-9_-]{11})(?:[&?#]\S*)?$")]
    private static partial Regex YouTube();

    [GeneratedRegex(@"^https?://(?:www\.)?vimeo\.com/(\d{1,12})/?$")]
    private static partial Regex Vimeo();

    [GeneratedRegex(@"^(youtube|vimeo):[A-Za-z0-9_-]{1,20}$")]
    private static partial Regex PlaceholderValue();

    [GeneratedRegex(PlaceholderStart + @"(youtube|vimeo):([A-Za-z0-9_-]{1,20})"">.*?</figure>", RegexOptions.Singleline)]
    private static partial Regex Placeholder();
}
