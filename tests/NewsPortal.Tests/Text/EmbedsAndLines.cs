using NewsPortal.Core.Text;

namespace NewsPortal.Tests.Text;

public class EmbedsAndLines
{
    private readonly MarkdownArticleRenderer _renderer = new();

    [Theory]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://youtu.be/dQw4w9WgXcQ", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ")]
    [InlineData("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1")]
    public void AVideoAddressOnItsOwnLineBecomesAPlayerOnlyWhenActivated(string url, string player)
    {
        var stored = _renderer.ToSafeHtml($"قبل\n\n{url}\n\nبعد");
        Assert.DoesNotContain("<iframe", stored);
        Assert.True(Embeds.HasPlaceholders(stored));

        var deferred = Embeds.Defer(stored);
        Assert.DoesNotContain("<iframe", deferred);
        Assert.Contains($"data-embed-src=\"{player}\"", deferred);

        var active = Embeds.Activate(stored);
        Assert.Contains($"<iframe src=\"{player}\"", active);
    }

    [Theory]
    [InlineData("شاهد https://www.youtube.com/watch?v=dQw4w9WgXcQ هنا")]
    [InlineData("https://evil.example/watch?v=dQw4w9WgXcQ")]
    [InlineData("<figure data-embed=\"evil:javascript:alert(1)\">x</figure>")]
    public void AnythingElseNeverBecomesAPlayer(string markdown)
    {
        var stored = _renderer.ToSafeHtml(markdown);
        var active = Embeds.Activate(stored);
        Assert.DoesNotContain("<iframe", active);
        Assert.DoesNotContain("javascript:", active);
        // The article page skips both steps for a body without placeholders: they must change nothing in it.
        if (!Embeds.HasPlaceholders(stored))
        {
            Assert.Equal(stored, active);
            Assert.Equal(stored, Embeds.Defer(stored));
        }
    }

    [Fact]
    public void AHandWrittenPlaceholderCanOnlyEverPointAtTheVideoPlayer()
    {
        var stored = _renderer.ToSafeHtml("<figure data-embed=\"youtube:abc\" onclick=\"alert(1)\">x</figure>");
        Assert.True(Embeds.HasPlaceholders(stored));
        var active = Embeds.Activate(stored);
        Assert.Contains("<iframe src=\"https://www.youtube-nocookie.com/embed/abc\"", active);
        Assert.DoesNotContain("onclick", active);
    }

    [Theory]
    [InlineData("عنوان\u202Eمقلوب", "عنوانمقلوب")]
    [InlineData("\u2066معزول\u2069", "معزول")]
    [InlineData("سطر\r\nثان", "سطر ثان")]
    [InlineData("  مسافات   كثيرة  ", "مسافات كثيرة")]
    [InlineData("فارسي\u200Cنصف‌فاصلة", "فارسي\u200Cنصف‌فاصلة")]
    public void OneLineFieldsLoseControlsButKeepJoiners(string input, string expected) =>
        Assert.Equal(expected, TextTools.NormaliseLine(input));
}
