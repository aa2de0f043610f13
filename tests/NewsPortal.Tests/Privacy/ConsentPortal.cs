using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Newsroom;
using NewsPortal.Tests.Infrastructure;

namespace NewsPortal.Tests.Privacy;

/// <summary>
/// A portal with analytics configured, an article with a video, and one extra endpoint that tries to
/// set a non-essential cookie, as a tracking script's server side would.
/// </summary>
public class ConsentPortal : PortalFactory, IAsyncLifetime
{
    public const string AnalyticsUrl = "https://stats.example/script.js";
    public const string TrackingPath = "/__test/tracking-cookie";

    public Article Story { get; private set; } = null!;

    protected virtual int PolicyVersion => 1;

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Analytics:ScriptUrl"] = AnalyticsUrl,
        ["Analytics:SiteId"] = "news-example",
        ["Consent:PolicyVersion"] = PolicyVersion.ToString(),
    };

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter>(new TrackingCookieEndpoint()));
    }

    public async Task InitializeAsync()
    {
        var newsroom = new Infrastructure.Newsroom(this);
        var section = await newsroom.SectionAsync("منوعات", "misc");
        var tag = (await newsroom.TagsAsync("فيديو"))[0];
        var author = await newsroom.AuthorAsync("ريم النجار", "reem-najjar");
        Story = await newsroom.PublishedAsync("مهرجان الفنون الشعبية يختتم دورته", section, 2, authors: [author], tags: [tag],
            body: "## المشاهد\n\nشاهد الختام:\n\nhttps://www.youtube.com/watch?v=dQw4w9WgXcQ\n\nوانتهى الحفل.");
        await newsroom.PublishedAsync("خبر ثان في القسم", section, 5, tags: [tag]);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;

    private sealed class TrackingCookieEndpoint : IStartupFilter
    {
        // Appended after the app's own pipeline, so the cookie policy is in force as for any page.
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use(async (context, nextMiddleware) =>
            {
                if (context.Request.Path != TrackingPath)
                {
                    await nextMiddleware();
                    return;
                }
                context.Response.Cookies.Append("tracker", "visitor-42", new CookieOptions { IsEssential = false });
                await context.Response.WriteAsync("ok");
            });
        };
    }
}
