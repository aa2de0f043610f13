using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NewsPortal.Tests.Infrastructure;

/// <summary>
/// A real Redis (Debian's redis-server) in a child process on a free loopback port, holding nothing
/// on disk, stopped when the test is done. Never a Redis the machine runs for itself. It can be
/// stopped and started again on the same port, as a Redis that goes down and comes back (empty).
/// </summary>
public sealed class TestRedisServer : IAsyncDisposable
{
    private readonly string _directory;
    private Process? _process;

    private TestRedisServer(string directory, int port)
    {
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The value for <c>Redis:Configuration</c>.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<TestRedisServer> StartAsync()
    {
        var server = new TestRedisServer(Directory.CreateTempSubdirectory("newsportal-redis-").FullName, FreePort());
        try
        {
            await server.RestartAsync();
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        return server;
    }

    /// <summary>Starts the server (again, after <see cref="StopAsync"/>) on its port.</summary>
    public async Task RestartAsync()
    {
        var executable = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("redis-server is not installed: run ./test.sh, or apt-get install redis-server.");
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _directory,
        };
        foreach (var argument in new[] { "--port", Port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                     "--dir", _directory, "--daemonize", "no", "--loglevel", "notice" })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        _process = process;
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        // Wait for the line that says it accepts connections, not for a length of time.
        var log = new List<string>();
        while (true)
        {
            var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
            if (line is null) throw new InvalidOperationException($"redis-server stopped: {string.Join('\n', log)}");
            log.Add(line);
            if (line.Contains("Ready to accept connections")) break;
        }
        // Keep reading, so a full pipe never blocks the server.
        _ = Task.Run(async () => { while (await process.StandardOutput.ReadLineAsync() is not null) { } });
    }

    /// <summary>The server goes away at once, as a crashed Redis would.</summary>
    public async Task StopAsync()
    {
        if (_process is null) return;
        try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>A port nothing listens on now (for a Redis that is away).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
