using NewsPortal.Web.Infrastructure;

namespace NewsPortal.Tests.Discovery;

/// <summary>The addresses feeds, sitemaps and link previews give: the site's own under its base address, others as they are.</summary>
public class AbsoluteAddresses
{
    [Theory]
    [InlineData("https://news.example", "/articles/7/سلام-عليكم", "https://news.example/articles/7/سلام-عليكم")]
    [InlineData("https://news.example/", "/privacy", "https://news.example/privacy")]
    [InlineData("https://news.example/", "privacy", "https://news.example/privacy")]
    [InlineData("https://news.example", "/", "https://news.example/")]
    [InlineData("https://news.example", "https://images.example/a.png", "https://images.example/a.png")]
    [InlineData("https://news.example", "http://images.example/a.png", "http://images.example/a.png")]
    [InlineData("https://news.example", "/uploads/2026/03/a.webp", "https://news.example/uploads/2026/03/a.webp")]
    public void ASitePathGoesUnderTheBaseAddressAndAnotherSitesAddressStaysAsItIs(string baseUrl, string pathOrUrl, string expected) =>
        Assert.Equal(expected, new SiteOptions { BaseUrl = baseUrl }.Absolute(pathOrUrl));
}
