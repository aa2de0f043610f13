using System.Security.Cryptography;
using System.Text.RegularExpressions;
using NewsPortal.Tests.Infrastructure;

namespace NewsPortal.Tests.Speed;

/// <summary>Fonts are named from the stylesheet, out of reach of the fingerprinting of linked assets.</summary>
public class FontCaching(DemoPortal portal) : IClassFixture<DemoPortal>
{
    private async Task<List<string>> FontsOfTheStylesheetAsync(HttpClient client)
    {
        var home = await client.GetDocumentAsync("/");
        var stylesheet = home.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).Single(h => h.Contains("/css/site."));
        var css = await client.GetStringAsync(stylesheet);
        return Regex.Matches(css, @"url\(""?\.\./(lib/fonts/[^"")]+)""?\)").Select(m => "/" + m.Groups[1].Value).ToList();
    }

    [Fact]
    public async Task EveryFontOfTheStylesheetIsNamedByItsContentAndCachedForAYear()
    {
        var client = portal.CreateReader();
        var fonts = await FontsOfTheStylesheetAsync(client);
        Assert.NotEmpty(fonts);
        foreach (var font in fonts)
        {
            var response = await client.GetAsync(font);
            Assert.True(response.IsSuccessStatusCode, $"{font}: {(int)response.StatusCode}");
            Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
            var hash = Convert.ToHexStringLower(SHA256.HashData(await response.Content.ReadAsByteArrayAsync()))[..10];
            Assert.EndsWith($".{hash}.woff2", font);
        }
    }

    [Fact]
    public async Task ThePreloadedFontsAreTheOnesTheStylesheetUses()
    {
        var client = portal.CreateReader();
        var fonts = await FontsOfTheStylesheetAsync(client);
        var home = await client.GetDocumentAsync("/");
        var preloads = home.QuerySelectorAll("link[rel=preload][as=font]").Select(l => l.GetAttribute("href")!).ToList();
        Assert.NotEmpty(preloads);
        Assert.All(preloads, p => Assert.Contains(p, fonts));
    }
}
