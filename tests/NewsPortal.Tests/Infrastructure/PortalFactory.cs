using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace NewsPortal.Tests.Infrastructure;

/// <summary>
/// The real application on a real, fresh database with the real migrations (an SQLite file, or a
/// PostgreSQL database: see <see cref="TestDatabase"/>), and a clock the test controls.
/// </summary>
public class PortalFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Start = new(2026, 3, 10, 9, 0, 0, TimeSpan.Zero);

    private readonly string _databasePath;
    private readonly bool _ownsDatabase;

    public PortalFactory() : this(null) { }

    /// <summary>A portal on an existing database file, as after a restart.</summary>
    protected PortalFactory(string? databasePath)
    {
        _ownsDatabase = databasePath is null;
        _databasePath = databasePath ?? TestDatabase.NewPath();
        WorkDirectory = Directory.CreateTempSubdirectory("newsportal-test-").FullName;
    }

    /// <summary>This portal's own folders for mail and uploads.</summary>
    public string WorkDirectory { get; }

    public string MailDirectory => Path.Combine(WorkDirectory, "mail");

    public string UploadDirectory => Path.Combine(WorkDirectory, "uploads");

    public string DatabasePath => _databasePath;

    public FakeTimeProvider Clock { get; } = new(Start);

    protected virtual string EnvironmentName => "Testing";

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>The engine of this portal's database: the run's configuration, unless a test needs a particular one.</summary>
    protected virtual string DatabaseProvider => TestDatabase.Provider;

    public string ConnectionString => _connectionString ??= TestDatabase.ConnectionStringFor(_databasePath, DatabaseProvider);

    private string? _connectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.UseSetting("Database:Provider", DatabaseProvider);
        builder.UseSetting("ConnectionStrings:NewsPortal", ConnectionString);
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Site:BaseUrl", "https://news.example");
        builder.UseSetting("Mail:PickupDirectory", MailDirectory);
        builder.UseSetting("Uploads:Directory", UploadDirectory);
        // Every test client shares one address; the limits themselves have tests of their own.
        foreach (var limit in new[] { "SignInPerMinute", "PasswordResetPerHour", "SearchPerMinute", "PublicFormsPerMinute" })
            builder.UseSetting($"RateLimits:{limit}", "100000");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    public HttpClient CreateReader() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        try { Directory.Delete(WorkDirectory, recursive: true); } catch (IOException) { }
        if (_ownsDatabase) TestDatabase.DeleteAsync(_databasePath, DatabaseProvider).GetAwaiter().GetResult();
        else Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
