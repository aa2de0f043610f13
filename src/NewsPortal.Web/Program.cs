using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Options;
using NewsPortal.Core.Data;
using NewsPortal.Core.Newsroom;
using NewsPortal.Core.Search;
using NewsPortal.Core.Text;
using NewsPortal.Core.Time;
using NewsPortal.Web.Demo;
using NewsPortal.Web.Infrastructure;

var builder = WebApplication.CreateBuilder(args);

// wwwroot/ sits at the repository root; from a build (any environment, tests included) the static
// web assets manifest maps it in. A published app carries its own copy and has no manifest.
builder.WebHost.UseStaticWebAssets();

// Settings: each section bound once and checked at start, so a wrong value fails the boot, not a request.
builder.Services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.SectionName).ValidateDataAnnotations()
    .Validate(site => TimeZoneInfo.TryFindSystemTimeZoneById(site.TimeZone, out _), "Site:TimeZone is not a known time zone.")
    .ValidateOnStart();
builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName);
builder.Services.AddOptions<SitemapOptions>().BindConfiguration(SitemapOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();

// The newsroom: database, clock, Markdown rendering, reader-facing dates.
builder.Services.AddNewsDatabase(builder.Configuration);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<IArticleRenderer, MarkdownArticleRenderer>();
builder.Services.AddSingleton(sp =>
    new NewsDates(TimeZoneInfo.FindSystemTimeZoneById(sp.GetRequiredService<IOptions<SiteOptions>>().Value.TimeZone)));
builder.Services.AddIdentityCore<NewsUser>()
    .AddRoles<IdentityRole>()
    .AddEntityFrameworkStores<NewsDbContext>();
builder.Services.AddTransient<DemoContent>();
builder.Services.AddScoped<SearchIndex>();

// The HTTP face: Arabic travels as UTF-8, not as character references.
builder.Services.AddArabicTextEncoding();
builder.Services.AddControllersWithViews();
builder.Services.AddRouting(options => options.LowercaseUrls = true);
builder.Services.AddHealthChecks().AddDbContextCheck<NewsDbContext>("database");

var app = builder.Build();

if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
{
    await app.Services.MigrateNewsDatabaseAsync();
}
if (app.Services.GetRequiredService<IOptions<DemoOptions>>().Value.Seed && !app.Environment.IsProduction())
{
    await using var scope = app.Services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<DemoContent>().SeedIfEmptyAsync();
}
// The search index is kept by the application, not by the database: bring it level with the
// articles (demo content, an import or a restored backup leave it behind) before serving.
await app.Services.CatchUpSearchIndexAsync();

// Failures and unknown addresses get the site's own Arabic pages, never the framework's.
app.UseExceptionHandler("/error");
app.UseStatusCodePagesWithReExecute("/error/{0}");

var arabic = new CultureInfo("ar");
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture(arabic),
    SupportedCultures = [arabic],
    SupportedUICultures = [arabic],
});

app.UseRouting();
app.MapStaticAssets();
app.MapHealthChecks("/healthz");
app.MapControllers();

app.Run();

/// <summary>Lets the test host find the application's entry point.</summary>
public partial class Program;
