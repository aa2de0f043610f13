using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Options;
using NewsPortal.Core.Data;
using NewsPortal.Core.Mail;
using NewsPortal.Core.Newsroom;
using NewsPortal.Core.Search;
using NewsPortal.Core.Newsletter;
using NewsPortal.Core.Text;
using NewsPortal.Core.Time;
using NewsPortal.Web.Demo;
using NewsPortal.Web.Engagement;
using NewsPortal.Web.Localization;
using NewsPortal.Web.Authorization;
using NewsPortal.Web.Infrastructure;
using NewsPortal.Web.Privacy;
using NewsPortal.Web.Publishing;
using NewsPortal.Web.Security;
using NewsPortal.Web.Uploads;

// Before anything opens a database: the SQLite library's process-wide settings (SqliteEngine).
SqliteEngine.Configure();

// An operator's command instead of the site: copy an SQLite portal into PostgreSQL (see README).
if (args is [PortalMove.Command, .. var moveArguments])
{
    Environment.ExitCode = await PortalMove.RunAsync(moveArguments, Console.Out, Console.Error);
    return;
}

// Settings files are read once, at start. Watching them for changes would put a recursive file
// watcher on the content root, which wakes for every write to an SQLite database kept beside them.
var builder = WebApplication.CreateBuilder([.. args, "--hostBuilder:reloadConfigOnChange=false"]);

// wwwroot/ sits at the repository root; from a build (any environment, tests included) the static
// web assets manifest maps it in. A published app carries its own copy and has no manifest.
builder.WebHost.UseStaticWebAssets();

// Settings: each section bound once and checked at start, so a wrong value fails the boot, not a request.
builder.Services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.SectionName).ValidateDataAnnotations()
    .Validate(site => TimeZoneInfo.TryFindSystemTimeZoneById(site.TimeZone, out _), "Site:TimeZone is not a known time zone.")
    .ValidateOnStart();
builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.SectionName);
builder.Services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName);
builder.Services.AddOptions<UploadOptions>().BindConfiguration(UploadOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<MailOptions>().BindConfiguration(MailOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<ConsentOptions>().BindConfiguration(ConsentOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<AnalyticsOptions>().BindConfiguration(AnalyticsOptions.SectionName);
builder.Services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.SectionName);
builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<SitemapOptions>().BindConfiguration(SitemapOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.SectionName).ValidateDataAnnotations()
    .Validate(redis => !redis.IsConfigured || redis.Parse() is not null, "Redis:Configuration cannot be read as a StackExchange.Redis configuration.")
    .ValidateOnStart();
builder.Services.AddOptions<NewsletterOptions>().BindConfiguration(NewsletterOptions.SectionName).ValidateDataAnnotations()
    .Validate(n => !n.Dkim.IsConfigured || File.Exists(n.Dkim.PrivateKeyPath), "Newsletter:Dkim:PrivateKeyPath names no file.")
    .ValidateOnStart();

// The newsroom: database, clock, Markdown rendering, reader-facing dates and numbers (in the site's digits).
builder.Services.AddNewsDatabase(builder.Configuration);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<IArticleRenderer, MarkdownArticleRenderer>();
builder.Services.AddSingleton(sp =>
{
    var site = sp.GetRequiredService<IOptions<SiteOptions>>().Value;
    return new NewsDates(TimeZoneInfo.FindSystemTimeZoneById(site.TimeZone), site.Digits);
});
builder.Services.AddSingleton(sp => new NewsNumbers(sp.GetRequiredService<IOptions<SiteOptions>>().Value.Digits));
builder.Services.AddTransient<DemoContent>();
builder.Services.AddDataProtection()
    .SetApplicationName("NewsPortal")
    .PersistKeysToDbContext<NewsDbContext>();
builder.Services.AddScoped<SearchIndex>();
builder.Services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddSingleton<SearchResultCache>();
builder.Services.AddSingleton<SearchIndexUpkeep>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<SearchIndexUpkeep>());

// Mail: one transport for the whole app, SMTP when a host is configured, else .eml files in a folder.
builder.Services.AddSingleton<IMailTransport>(sp => sp.GetRequiredService<IOptions<SmtpOptions>>().Value.IsConfigured
    ? ActivatorUtilities.CreateInstance<SmtpMailTransport>(sp)
    : ActivatorUtilities.CreateInstance<PickupDirectoryTransport>(sp));
builder.Services.AddTransient<AccountMail>();

// The newsletter: emails composed once per issue, signed confirmation links, and the dispatcher that
// sends off the request (woken by sign-ups and by editors, otherwise polling for due work).
builder.Services.AddSingleton(sp =>
{
    var site = sp.GetRequiredService<IOptions<SiteOptions>>().Value;
    return new NewsletterSite(site.Name, site.BaseUrl);
});
builder.Services.AddSingleton<NewsletterComposer>();
builder.Services.AddSingleton<ConfirmationTokens>();
builder.Services.AddSingleton<NewsletterDispatcher>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<NewsletterDispatcher>());

// The newsroom's accounts: Identity with lockout and long passwords, roles and policies in one place.
builder.Services.AddNewsroomIdentity(builder.Environment);
builder.Services.AddNewsroomAuthorization();
builder.Services.AddTransient<AdminBootstrap>();
builder.Services.AddSingleton<AccountLinks>();

// Editors' work that happens off the request: scheduled publishing; uploaded images.
builder.Services.AddSingleton<ScheduledPublisher>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<ScheduledPublisher>());
builder.Services.AddSingleton<ImageStore>();

// Most read: article pages only queue the article's id; a background writer adds the reads to
// hourly counts in batches, so counting never holds up a page.
builder.Services.AddSingleton<ViewCounter>();
builder.Services.AddSingleton<ViewCountWriter>();
builder.Services.AddHostedService(sp => sp.GetRequiredService<ViewCountWriter>());

// Privacy by default: no cookie that is not strictly necessary until the reader accepts.
builder.Services.AddSingleton<ConsentReader>();
builder.Services.Configure<CookiePolicyOptions>(options =>
{
    options.CheckConsentNeeded = context => context.RequestServices.GetRequiredService<ConsentReader>().StateOf(context) != ConsentState.Accepted;
    options.MinimumSameSitePolicy = SameSiteMode.Lax;
    options.HttpOnly = Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.Always;
    options.Secure = builder.Environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
});
builder.Services.AddNewsroomRateLimits();

// Speed: cached reader pages (evicted by tag when editors change something), compressed responses.
builder.Services.AddReaderCache(builder.Configuration);
// Several instances share one Redis (when Redis:Configuration is set): the cached pages live there,
// so an editor's change on one instance evicts them on all.
builder.Services.AddSharedRedis(builder.Configuration);
builder.Services.AddResponseCompression(options =>
{
    options.EnableForHttps = true;
    options.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
    options.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
    options.MimeTypes = Microsoft.AspNetCore.ResponseCompression.ResponseCompressionDefaults.MimeTypes
        .Concat(["application/rss+xml", "image/svg+xml"]);
});
builder.Services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
builder.Services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Fastest);
builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));

// The HTTP face: Arabic travels as UTF-8, not as character references. Reader pages speak Arabic
// or English (Localization/ReaderText.en.resx); the admin area is Arabic only.
builder.Services.AddArabicTextEncoding();
builder.Services.AddLocalization();
builder.Services.AddControllersWithViews(options =>
    {
        ArabicModelBindingMessages.Apply(options.ModelBindingMessageProvider);
        options.Filters.Add<OneConnectionPerRequest>();
    })
    .AddViewLocalization()
    .AddCookieTempDataProvider(options =>
    {
        // Only staff see flash messages, after signing in; the cookie is part of that essential session.
        options.Cookie.Name = "np-flash";
        options.Cookie.IsEssential = true;
    });
builder.Services.AddAntiforgery(options =>
{
    options.Cookie.Name = builder.Environment.IsProduction() ? "__Host-np-af" : "np-af";
    options.Cookie.SecurePolicy = builder.Environment.IsProduction() ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
});
builder.Services.AddRouting(options => options.LowercaseUrls = true);
builder.Services.AddHealthChecks().AddDbContextCheck<NewsDbContext>("database");

var app = builder.Build();

if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
{
    await app.Services.MigrateNewsDatabaseAsync();
}
await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<AdminBootstrap>().RunAsync();
    if (app.Services.GetRequiredService<IOptions<DemoOptions>>().Value.Seed && !app.Environment.IsProduction())
    {
        await scope.ServiceProvider.GetRequiredService<DemoContent>().SeedIfEmptyAsync();
    }
}

// Security headers first, so that every response carries them, error pages included.
app.UseMiddleware<SecurityHeaders>();
if (app.Environment.IsProduction())
{
    app.UseHsts();
    app.UseHttpsRedirection();
}
// The search index is kept by the application, not by the database: bring it level with the
// articles (demo content, an import or a restored backup leave it behind) before serving.
await app.Services.CatchUpSearchIndexAsync();

// English pages live under /en: the prefix becomes the path base before anything looks at the
// path, so the error pages and every link of an English page stay English.
app.UseEnglishPrefix();

// Pages holding secrets next to reflected input (the admin area's forms) are not compressed (BREACH).
app.UseWhen(context => !context.Request.Path.StartsWithSegments("/admin"), branch => branch.UseResponseCompression());

// Failures and unknown addresses get the site's own pages, never the framework's.
app.UseExceptionHandler("/error");
app.UseStatusCodePagesWithReExecute("/error/{0}");

app.UseRequestLocalization(UiLanguages.LocalizationOptions());

app.UseCookiePolicy();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseMiddleware<NewsPortal.Web.Engagement.CountArticleReads>();
app.UseOutputCache();

// Fonts are named from inside the stylesheet, where the fingerprinting of MapStaticAssets does not
// reach; their file names carry their own content hash instead, so they too are cached for a year.
app.MapStaticAssets().Add(endpoint =>
{
    if (endpoint is not RouteEndpointBuilder { RoutePattern.RawText: { } route } || !route.StartsWith("lib/fonts/", StringComparison.Ordinal)) return;
    var serve = endpoint.RequestDelegate!;
    endpoint.RequestDelegate = context =>
    {
        context.Response.OnStarting(() =>
        {
            if (context.Response.StatusCode == StatusCodes.Status200OK)
                context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Task.CompletedTask;
        });
        return serve(context);
    };
});
// Uploaded images: only the known image types, never sniffed, never executed.
app.UseStaticFiles(new StaticFileOptions
{
    RequestPath = ImageStore.UrlPrefix,
    FileProvider = app.Services.GetRequiredService<ImageStore>().FileProvider(),
    ContentTypeProvider = new FileExtensionContentTypeProvider(new Dictionary<string, string>(ImageStore.ContentTypes)),
    OnPrepareResponse = context =>
    {
        context.Context.Response.Headers.XContentTypeOptions = "nosniff";
        context.Context.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        context.Context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
    },
});
app.MapHealthChecks("/healthz");
// WithStaticAssets lets views link the fingerprinted, immutable-cached file names.
app.MapControllers().WithStaticAssets();

app.Run();

/// <summary>Lets the test host find the application's entry point.</summary>
public partial class Program;
