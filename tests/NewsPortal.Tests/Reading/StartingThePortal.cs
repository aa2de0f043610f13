using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Tests.Infrastructure;

namespace NewsPortal.Tests.Reading;

public sealed class DevelopmentPortal : PortalFactory
{
    protected override string EnvironmentName => "Development";
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Demo:Seed"] = "true" };
}

public sealed class ProductionPortal : PortalFactory
{
    protected override string EnvironmentName => "Production";
    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Demo:Seed"] = "true" };
}

public class StartingThePortalInDevelopment(DevelopmentPortal portal) : IClassFixture<DevelopmentPortal>
{
    [Fact]
    public async Task AppliesTheMigrationsAndFillsTheSiteWithDemoContent()
    {
        var newsroom = new Infrastructure.Newsroom(portal);
        var applied = await newsroom.WithDbAsync(db => db.Database.GetAppliedMigrationsAsync());
        Assert.Contains(applied, m => m.EndsWith("_Initial"));
        Assert.Empty(await newsroom.WithDbAsync(db => db.Database.GetPendingMigrationsAsync()));

        var articles = await newsroom.WithDbAsync(db => db.Articles.CountAsync());
        var sections = await newsroom.WithDbAsync(db => db.Sections.CountAsync());
        var authors = await newsroom.WithDbAsync(db => db.Authors.CountAsync(a => a.UserId != null));
        Assert.True(articles >= 30, $"{articles} demo articles");
        Assert.True(sections >= 5, $"{sections} demo sections");
        Assert.True(authors >= 2, $"{authors} demo authors with accounts");
    }

    [Fact]
    public async Task EveryDemoArticleOpens()
    {
        var reader = portal.CreateReader();
        var newsroom = new Infrastructure.Newsroom(portal);
        var ids = await newsroom.WithDbAsync(db => db.Articles.Select(a => new { a.Id, a.Slug }).ToListAsync());
        foreach (var a in ids)
        {
            var response = await reader.GetAsync($"/articles/{a.Id}/{Uri.EscapeDataString(a.Slug)}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"article {a.Id} answered {(int)response.StatusCode}");
        }
        var home = await reader.GetDocumentAsync("/");
        Assert.True(home.QuerySelectorAll(".section-block").Length >= 5);
    }

    [Fact]
    public void ReadsItsSettingsFilesOnceWithoutWatchingTheFolderTheDatabaseIsWrittenIn()
    {
        // A watched settings file puts a recursive watcher on the content root, and an SQLite file
        // kept there would wake it on every write.
        var configuration = (IConfigurationRoot)portal.Services.GetRequiredService<IConfiguration>();
        var files = configuration.Providers.OfType<FileConfigurationProvider>().ToList();
        Assert.Contains(files, f => f.Source.Path == "appsettings.json");
        Assert.All(files, f => Assert.False(f.Source.ReloadOnChange, $"{f.Source.Path} is watched for changes"));
    }
}

public class StartingThePortalInProduction(ProductionPortal portal) : IClassFixture<ProductionPortal>
{
    [Fact]
    public async Task NeverAddsDemoContent()
    {
        var response = await portal.CreateReader().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var articles = await new Infrastructure.Newsroom(portal).WithDbAsync(db => db.Articles.CountAsync());
        Assert.Equal(0, articles);
    }
}
