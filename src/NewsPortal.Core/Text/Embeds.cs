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
    public static string MarkPlaceholders(string markdown) =>
        OwnLine().Replace(markdown ?? "", match =>
        {
            var url = match.Value.Trim();
            var embed = Recognise(url);
            if (embed is null) return match.Value;
            return $"\n<figure data-embed=\"{embed.Value.Provider}:{embed.Value.Id}\"><a href=\"{WebUtility.HtmlEncode(url)}\">{WebUtility.HtmlEncode(url)}</a></figure>\n";
        });

    /// <summary>Players for readers who accepted third-party content.</summary>
    public static string Activate(string html) => Placeholder().Replace(html, m =>
        $"<figure class=\"embed\"><iframe src=\"{PlayerUrl(m.Groups[1].Value, m.Groups[2].Value)}\" title=\"{Title(m.Groups[1].Value)}\" loading=\"lazy\" allow=\"fullscreen; picture-in-picture\" allowfullscreen referrerpolicy=\"strict-origin-when-cross-origin\"></iframe></figure>");

    /// <summary>Click-to-load boxes for everyone else: nothing is fetched from the other site until asked.</summary>
    public static string Defer(string html) => Placeholder().Replace(html, m =>
    {
        var (provider, id) = (m.Groups[1].Value, m.Groups[2].Value);
        return $"<figure class=\"embed embed-deferred\" data-embed-src=\"{PlayerUrl(provider, id)}\" data-embed-title=\"{Title(provider)}\">"
               + $"<p>محتوى مضمَّن من {ProviderName(provider)}. تحميله يسمح لذلك الموقع بوضع ملفات تعريف ارتباط خاصة به.</p>"
               + "<button type=\"button\" class=\"btn btn-outline-dark embed-load\">تحميل المحتوى</button> "
               + $"<a href=\"{WatchUrl(provider, id)}\" rel=\"noopener noreferrer\">مشاهدة على {ProviderName(provider)}</a></figure>";
    });

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

    private static string Title(string provider) => $"مقطع فيديو من {ProviderName(provider)}";

    [GeneratedRegex(@"^[ \t]*https?://\S+[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex OwnLine();

    [GeneratedRegex(@"^https?://(?:www\.|m\.)?(?:youtube\.com/watch\?(?:\S*&)?v=|youtu\.be/)([A-Za-z0-9_-]{11})(?:[&?#]\S*)?$")]
    private static partial Regex YouTube();

    [GeneratedRegex(@"^https?://(?:www\.)?vimeo\.com/(\d{1,12})/?$")]
    private static partial Regex Vimeo();

    [GeneratedRegex(@"^(youtube|vimeo):[A-Za-z0-9_-]{1,20}$")]
    private static partial Regex PlaceholderValue();

    [GeneratedRegex(@"<figure data-embed=""(youtube|vimeo):([A-Za-z0-9_-]{1,20})"">.*?</figure>", RegexOptions.Singleline)]
    private static partial Regex Placeholder();
}
