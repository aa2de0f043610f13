using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace NewsPortal.Tests.Infrastructure;

/// <summary>
/// A real Redis (Debian's redis-server) in a child process on a free loopback port, holding nothing
/// on disk, stopped when the test is done. Never a Redis the machine runs for itself.
/// </summary>
public sealed class TestRedisServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private TestRedisServer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The value for <c>Redis:Configuration</c>.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<TestRedisServer> StartAsync()
    {
        var executable = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("redis-server is not installed: run ./test.sh, or apt-get install redis-server.");
        var directory = Directory.CreateTempSubdirectory("newsportal-redis-").FullName;
        var port = FreePort();
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var argument in new[] { "--port", port.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                     "--dir", directory, "--daemonize", "no", "--loglevel", "notice" })
        {
            start.ArgumentList.Add(argument);
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start.");
        var server = new TestRedisServer(process, directory, port);
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        // Wait for the line that says it accepts connections, not for a length of time.
        var log = new List<string>();
        try
        {
            while (true)
            {
                var line = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
                if (line is null) throw new InvalidOperationException($"redis-server stopped: {string.Join('\n', log)}");
                log.Add(line);
                if (line.Contains("Ready to accept connections")) break;
            }
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
        // Keep reading, so a full pipe never blocks the server.
        _ = Task.Run(async () => { while (await process.StandardOutput.ReadLineAsync() is not null) { } });
        return server;
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
        try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        await _process.WaitForExitAsync();
        _process.Dispose();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
