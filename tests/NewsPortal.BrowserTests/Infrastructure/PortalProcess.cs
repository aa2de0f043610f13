using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NewsPortal.BrowserTests.Infrastructure;

/// <summary>
/// The real portal, built as it ships, running as its own process on a free loopback port with a
/// fresh SQLite file, its own mail and upload folders, and the Development demo content and admin.
/// </summary>
public sealed class PortalProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _log = new();

    private PortalProcess(Process process, Uri baseUrl, string workDirectory)
    {
        _process = process;
        BaseUrl = baseUrl;
        WorkDirectory = workDirectory;
    }

    public Uri BaseUrl { get; }

    public string WorkDirectory { get; }

    public string MailDirectory => Path.Combine(WorkDirectory, "mail");

    public string UploadDirectory => Path.Combine(WorkDirectory, "uploads");

    public string Log => string.Join('\n', _log);

    /// <summary>Starts the portal and returns once /healthz answers.</summary>
    /// <param name="settings">Extra configuration, by key with ':' (e.g. "Smtp:Host"), over the defaults below.</param>
    public static async Task<PortalProcess> StartAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var assembly = Locations.PortalAssembly;
        if (!File.Exists(assembly)) throw new FileNotFoundException("The portal has not been built.", assembly);

        var work = Directory.CreateTempSubdirectory("newsportal-browser-").FullName;
        var port = FreePort();
        var baseUrl = new Uri($"http://127.0.0.1:{port}");

        var start = new ProcessStartInfo("dotnet")
        {
            // The build output holds appsettings*.json and the static web assets manifest.
            WorkingDirectory = Path.GetDirectoryName(assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseUrl.ToString().TrimEnd('/'));

        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["ConnectionStrings:NewsPortal"] = $"Data Source={Path.Combine(work, "newsportal.db")}",
            ["Site:BaseUrl"] = baseUrl.ToString().TrimEnd('/'),
            ["Mail:PickupDirectory"] = Path.Combine(work, "mail"),
            ["Uploads:Directory"] = Path.Combine(work, "uploads"),
            ["Demo:Seed"] = "true",
            // Every test browser comes from one address; the limits have tests of their own.
            ["RateLimits:SignInPerMinute"] = "100000",
            ["RateLimits:PasswordResetPerHour"] = "100000",
            ["RateLimits:SearchPerMinute"] = "100000",
            ["RateLimits:PublicFormsPerMinute"] = "100000",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:NewsPortal"] = "Information",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) environment[key] = value;
        foreach (var (key, value) in environment) start.Environment[key.Replace(":", "__")] = value;
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment.Remove("DOTNET_ENVIRONMENT");

        var process = new Process { StartInfo = start };
        var portal = new PortalProcess(process, baseUrl, work);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) portal._log.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) portal._log.Enqueue(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await portal.WaitUntilHealthyAsync();
        }
        catch
        {
            await portal.DisposeAsync();
            throw;
        }
        return portal;
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + StartTimeout;
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The portal exited with code {_process.ExitCode} before it was healthy:\n{Log}");
            try
            {
                using var response = await http.GetAsync("/healthz");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but still busy starting.
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"The portal did not become healthy within {StartTimeout.TotalSeconds:0} s:\n{Log}");
            await Task.Delay(100);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
            }
        }
        catch (InvalidOperationException)
        {
            // Never started, or already gone.
        }
        _process.Dispose();
        // What the portal said stays with the screenshots, for when a story failed.
        await File.WriteAllTextAsync(Path.Combine(Locations.Logs, $"portal-{BaseUrl.Port}.log"), Log);
        try { Directory.Delete(WorkDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
