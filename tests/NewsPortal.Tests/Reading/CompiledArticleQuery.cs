using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Data;
using NewsPortal.Tests.Infrastructure;
using NewsPortal.Web.Infrastructure;
using NewsPortal.Web.Models;

namespace NewsPortal.Tests.Reading;

public class CompiledArticleQuery(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task TheArticlePageServesContextsOfEveryModelInTheProcess()
    {
        var newsroom = new Infrastructure.Newsroom(portal);
        var section = await newsroom.SectionAsync("منوعات", "compiled-misc");
        var article = await newsroom.PublishedAsync("خبر يقرؤه سياقان", section);
        var reader = portal.CreateReader();
        var page = await reader.GetAsync($"/articles/{article.Id}/{Uri.EscapeDataString(article.Slug)}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        // The portal's own context asks first, so the compiled query meets the portal's model first
        // (on SQLite the page itself reads through a kept statement, not the compiled query).
        var now = portal.Clock.GetUtcNow().UtcDateTime;
        var blocks = portal.Services.GetRequiredService<ReaderBlocks>();
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var own = await ArticlePageQuery.LoadPublishedAsync(scope.ServiceProvider.GetRequiredService<NewsDbContext>(), null, article.Id, now, blocks, CancellationToken.None);
            Assert.Equal("خبر يقرؤه سياقان", own?.Headline);
        }

        // A context with an internal service provider of its own has a model of its own, as a second
        // host in the same process (or the other database during the move) has.
        var options = new DbContextOptionsBuilder<NewsDbContext>()
            .UseNewsDatabase(portal.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value.Provider, portal.ConnectionString)
            .EnableServiceProviderCaching(false)
            .Options;
        await using var other = new NewsDbContext(options);
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            Assert.NotSame(scope.ServiceProvider.GetRequiredService<NewsDbContext>().Model, other.Model);
        }
        var loaded = await ArticlePageQuery.LoadPublishedAsync(other, null, article.Id, now, blocks, CancellationToken.None);
        Assert.Equal("خبر يقرؤه سياقان", loaded?.Headline);
    }
}
