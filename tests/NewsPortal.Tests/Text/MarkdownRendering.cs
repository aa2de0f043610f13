using NewsPortal.Core.Text;

namespace NewsPortal.Tests.Text;

public class MarkdownRendering
{
    private readonly MarkdownArticleRenderer _renderer = new();

    [Fact]
    public void SubheadingsParagraphsAndEmphasisBecomeHtml()
    {
        var html = _renderer.ToSafeHtml("## العنوان الفرعي\n\nفقرة فيها **نص بارز** و*مائل*.\n\n> اقتباس");
        Assert.Contains("<h2", html);
        Assert.Contains("العنوان الفرعي</h2>", html);
        Assert.Contains("<strong>نص بارز</strong>", html);
        Assert.Contains("<em>مائل</em>", html);
        Assert.Contains("<blockquote>", html);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("نص <script src=\"https://evil.example/x.js\"></script> آخر")]
    [InlineData("<SCRIPT>alert('x')</SCRIPT>")]
    public void ScriptElementsAreRemoved(string markdown)
    {
        var html = _renderer.ToSafeHtml(markdown);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("<img src=\"x.png\" onerror=\"alert(1)\">")]
    [InlineData("<p onclick=\"steal()\">انقر</p>")]
    [InlineData("<a href=\"https://example.org\" onmouseover=\"x()\">رابط</a>")]
    [InlineData("<svg onload=\"alert(1)\"></svg>")]
    public void EventHandlersAreRemoved(string markdown)
    {
        var html = _renderer.ToSafeHtml(markdown);
        Assert.DoesNotMatch("(?i)\\son[a-z]+\\s*=", html);
    }

    [Theory]
    [InlineData("[اضغط هنا](javascript:alert(1))")]
    [InlineData("<a href=\"javascript:alert(1)\">اضغط</a>")]
    [InlineData("<a href=\"JaVaScRiPt:alert(1)\">اضغط</a>")]
    [InlineData("<a href=\" javascript:alert(1)\">اضغط</a>")]
    [InlineData("![صورة](javascript:alert(1))")]
    [InlineData("<iframe src=\"javascript:alert(1)\"></iframe>")]
    public void JavascriptUrlsAreRemoved(string markdown)
    {
        var html = _renderer.ToSafeHtml(markdown);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void OutboundLinksKeepTheirAddressButNotTheReadersReferrer()
    {
        var html = _renderer.ToSafeHtml("[التقرير](https://example.org/report)");
        Assert.Contains("href=\"https://example.org/report\"", html);
        Assert.Contains("rel=\"noopener noreferrer nofollow\"", html);
    }

    [Fact]
    public void PlainTextHasNoMarkup()
    {
        var text = _renderer.ToPlainText("## عنوان\n\nفقرة **بارزة** و[رابط](https://example.org).");
        Assert.DoesNotContain("*", text);
        Assert.DoesNotContain("](", text);
        Assert.Contains("بارزة", text);
    }
}
