using System.IO.Compression;
using System.Text.RegularExpressions;
using NewsPortal.Tests.Infrastructure;

namespace NewsPortal.Tests.Speed;

/// <summary>The demo site outside Development, where static files are fingerprinted and served compressed.</summary>
public sealed class DemoPortal : PortalFactory
{
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Demo:Seed"] = "true" };
}

/// <summary>What a first visit to an article costs a reader's connection, images aside.</summary>
public class PageWeight(DemoPortal portal) : IClassFixture<DemoPortal>
{
    private const int BudgetBytes = 150 * 1024;

    /// <summary>
    /// Bytes on the wire. Pages are compressed by the app itself; static files are compressed at publish
    /// time, which the test host (serving the build output) does not do, so those count at their gzip size.
    /// </summary>
    private static async Task<long> TransferredAsync(HttpClient client, string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.ParseAdd("br");
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode}");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        if (response.Content.Headers.ContentType?.MediaType == "font/woff2") return bytes.LongLength;
        if (response.Content.Headers.ContentType?.MediaType == "text/html") return bytes.LongLength;
        // The build output's file, as publishing compresses it.
        bytes = await File.ReadAllBytesAsync(WwwrootFile(url));
        using var gzipped = new MemoryStream();
        await using (var gzip = new GZipStream(gzipped, CompressionLevel.SmallestSize, leaveOpen: true)) await gzip.WriteAsync(bytes);
        return gzipped.Length;
    }

    private static string WwwrootFile(string url)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "NewsPortal.sln"))) root = Path.GetDirectoryName(root)!;
        var path = Regex.Replace(url.TrimStart('/'), @"\.[a-z0-9]{10}(\.(css|js))$", "$1");
        return Path.Combine(root, "wwwroot", path);
    }

    [Fact]
    public async Task AnArticlePageStaysUnder150KilobytesOnAFirstVisit()
    {
        var client = portal.CreateReader();
        var home = await client.GetDocumentAsync("/");
        var articleUrl = home.QuerySelector(".lead-title a")!.GetAttribute("href")!;
        var html = await client.GetStringAsync(articleUrl);
        var document = await Html.ParseAsync(await client.GetAsync(articleUrl));

        long total = await TransferredAsync(client, articleUrl);
        var assets = document.QuerySelectorAll("link[rel=stylesheet], script[src]")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!).ToList();
        foreach (var asset in assets) total += await TransferredAsync(client, asset);

        // Fonts: every face the stylesheet declares and the page could use is counted.
        var css = await client.GetStringAsync(assets.First(a => a.Contains("site")));
        foreach (Match font in Regex.Matches(css, @"url\(""?\.\./(lib/fonts/[^"")]+)""?\)"))
        {
            total += await TransferredAsync(client, "/" + font.Groups[1].Value);
        }

        Assert.True(total < BudgetBytes, $"{total / 1024.0:F1} KB transferred: " + string.Join(", ", assets));
        Assert.True(total > 40 * 1024, $"{total / 1024.0:F1} KB is too little to be the whole page");
        Assert.True(assets.All(a => Regex.IsMatch(a, @"\.[a-z0-9]{10}\.(css|js)$")), "assets are not fingerprinted: " + string.Join(", ", assets));
        // Nothing that blocks rendering comes from another site.
        Assert.DoesNotMatch(@"<(script[^>]+src|link[^>]+rel=""(stylesheet|preload)""[^>]+href)=""(https?:)?//", html);
    }

    [Fact]
    public async Task PagesAreCompressed()
    {
        var client = portal.CreateReader();
        var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.AcceptEncoding.ParseAdd("br");
        var page = await client.SendAsync(request);
        Assert.Equal("br", page.Content.Headers.ContentEncoding.Single());
        await using var brotli = new BrotliStream(await page.Content.ReadAsStreamAsync(), CompressionMode.Decompress);
        var text = await new StreamReader(brotli).ReadToEndAsync();
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", text);
    }

    [Fact]
    public async Task ImagesDeclareTheirSizeAndCardsLoadLazily()
    {
        var document = await portal.CreateReader().GetDocumentAsync("/");
        Assert.All(document.QuerySelectorAll("main img"), img =>
        {
            Assert.NotNull(img.GetAttribute("width"));
            Assert.NotNull(img.GetAttribute("height"));
        });
        Assert.All(document.QuerySelectorAll(".card-story img"), img => Assert.Equal("lazy", img.GetAttribute("loading")));
        Assert.Equal("high", document.QuerySelector(".lead-story img")?.GetAttribute("fetchpriority"));
    }
}
