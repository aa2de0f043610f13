namespace NewsPortal.BrowserTests.Infrastructure;

/// <summary>
/// One running portal and one headless Chromium, shared by the stories of a collection. Each story
/// opens its own browser context, so visitors never share cookies.
/// </summary>
/// <remarks>
/// A journey that needs more around the portal (a real SMTP server for the newsletter, say) derives
/// from this class, starts what it needs in <see cref="InitializeAsync"/> before calling the base,
/// and passes the portal its settings through <see cref="Settings"/>.
/// </remarks>
public class PortalFixture : IAsyncLifetime
{
    public const string AdminEmail = "admin@newsportal.local";

    /// <summary>From src/NewsPortal.Web/appsettings.Development.json, which creates the first admin.</summary>
    public const string AdminPassword = "newsroom-demo-passphrase";

    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };
    public static readonly ViewportSize Desktop = new() { Width = 1366, Height = 900 };

    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private PortalProcess? _portal;
    private readonly SemaphoreSlim _adminSession = new(1, 1);
    private string? _adminState;

    static PortalFixture()
    {
        // Pages of a Development build on a two-core machine, shared with other work, can take longer than Playwright's 5 s.
        SetDefaultExpectTimeout(15_000);
    }

    public PortalProcess Portal => _portal ?? throw new InvalidOperationException("The portal has not started.");

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public Uri BaseUrl => Portal.BaseUrl;

    /// <summary>Configuration for the portal over the fixture's defaults, keys written with ':'.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>();

    public virtual async Task InitializeAsync()
    {
        if (!File.Exists(Locations.Chromium))
            throw new InvalidOperationException($"{Locations.Chromium} is missing: ./test.sh installs Debian's chromium package.");
        var portal = PortalProcess.StartAsync(Settings);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Locations.Chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
        });
        _portal = await portal;
    }

    /// <summary>A new visitor: an empty cookie jar, Arabic as the browser's language, the newsroom's time zone.</summary>
    public async Task<IBrowserContext> NewVisitorAsync(ViewportSize? viewport = null, bool bypassContentSecurityPolicy = false,
        string? storageState = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl.ToString(),
            Locale = "ar",
            TimezoneId = "Asia/Riyadh",
            ViewportSize = viewport ?? Desktop,
            IsMobile = viewport is { Width: < 600 },
            HasTouch = viewport is { Width: < 600 },
            BypassCSP = bypassContentSecurityPolicy,
            StorageState = storageState,
        });
        context.SetDefaultTimeout(20_000);
        return context;
    }

    /// <summary>A browser in which the Development admin is signed in; the sign-in itself happens once per fixture.</summary>
    public async Task<IBrowserContext> SignedInAdminAsync(bool bypassContentSecurityPolicy = false)
    {
        await _adminSession.WaitAsync();
        try
        {
            if (_adminState is null)
            {
                await using var signingIn = await NewVisitorAsync();
                await Staff.SignInAsync(await signingIn.NewPageAsync(), AdminEmail, AdminPassword);
                _adminState = await signingIn.StorageStateAsync();
            }
        }
        finally
        {
            _adminSession.Release();
        }
        return await NewVisitorAsync(bypassContentSecurityPolicy: bypassContentSecurityPolicy, storageState: _adminState);
    }

    public virtual async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_portal is not null) await _portal.DisposeAsync();
        _adminSession.Dispose();
    }
}
