using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Web.Infrastructure;
using Npgsql;

namespace NewsPortal.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster (Debian's postgresql-15) for one test run: initdb in a temporary
/// folder, a free loopback port, durability off (nothing here has to survive a power cut). The real
/// migrations run once into a template database; every portal then gets its own copy of it, which is
/// much faster than migrating each one. A watchdog process stops and deletes the cluster when the
/// test run ends, however it ends: it waits for its standard input, which closes when this process exits.
/// </summary>
public sealed class PostgresTestCluster
{
    private const string Template = "newsportal_template";
    private const string Superuser = "postgres";

    private static readonly Lazy<PostgresTestCluster> Shared = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly SemaphoreSlim _creating = new(1, 1);
    private readonly string _adminConnectionString;
    private readonly int _port;

    private PostgresTestCluster(int port)
    {
        _port = port;
        _adminConnectionString = ConnectionStringFor("postgres");
    }

    public static PostgresTestCluster Instance => Shared.Value;

    public string ConnectionStringFor(string database) =>
        $"Host=127.0.0.1;Port={_port};Database={database};Username={Superuser};Include Error Detail=true;Maximum Pool Size=30";

    /// <summary>A new database holding the migrated, empty schema, or (not <paramref name="migrated"/>) nothing at all.</summary>
    public async Task CreateDatabaseAsync(string database, bool migrated)
    {
        await _creating.WaitAsync();
        try
        {
            await ExecuteAsync($"""CREATE DATABASE "{database}" TEMPLATE "{(migrated ? Template : "template0")}" """);
        }
        finally
        {
            _creating.Release();
        }
    }

    public async Task DropDatabaseAsync(string database)
    {
        // The pool is the one of the connection string contexts use (with its added settings).
        await using (var connection = new NpgsqlConnection(DatabaseSetup.WithAutoPrepare(ConnectionStringFor(database)))) NpgsqlConnection.ClearPool(connection);
        await ExecuteAsync($"""DROP DATABASE IF EXISTS "{database}" WITH (FORCE)""");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static PostgresTestCluster Start()
    {
        var bin = FindBinDirectory();
        var directory = Directory.CreateTempSubdirectory("newsportal-pg-").FullName;
        var data = Path.Combine(directory, "data");
        // PostgreSQL refuses to run as root; CI runs as root, so the server runs as the postgres account.
        var asOtherUser = Environment.UserName == "root";
        if (asOtherUser) Run("chown", "-R", $"{Superuser}:", directory);

        RunServerTool(asOtherUser, Path.Combine(bin, "initdb"), "-D", data, "-U", Superuser, "-A", "trust", "-E", "UTF8",
            "--locale=C", "--no-sync");
        var port = FreePort();
        var settings = $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c max_connections=400 " +
                       "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=64MB";
        RunServerTool(asOtherUser, Path.Combine(bin, "pg_ctl"), "-D", data, "-l", Path.Combine(directory, "server.log"), "-w",
            "-t", "60", "-o", settings, "start");
        StartWatchdog(asOtherUser, Path.Combine(bin, "pg_ctl"), data, directory);

        var cluster = new PostgresTestCluster(port);
        cluster.ExecuteAsync($"""CREATE DATABASE "{Template}" """).GetAwaiter().GetResult();
        var templateConnection = cluster.ConnectionStringFor(Template);
        using (var db = new NewsDbContext(new DbContextOptionsBuilder<NewsDbContext>()
                   .UseNewsDatabase(DatabaseOptions.Postgres, templateConnection).Options))
        {
            db.Database.Migrate();
        }
        // A template may have no open connections while it is copied.
        using (var connection = new NpgsqlConnection(DatabaseSetup.WithAutoPrepare(templateConnection))) NpgsqlConnection.ClearPool(connection);
        return cluster;
    }

    private static string FindBinDirectory()
    {
        var root = new DirectoryInfo("/usr/lib/postgresql");
        var bin = root.Exists
            ? root.GetDirectories().Select(d => Path.Combine(d.FullName, "bin"))
                .Where(b => File.Exists(Path.Combine(b, "pg_ctl"))).OrderByDescending(b => b, StringComparer.Ordinal).FirstOrDefault()
            : null;
        return bin ?? throw new InvalidOperationException(
            "PostgreSQL was not found under /usr/lib/postgresql: run ./test.sh, or apt-get install postgresql-15.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Stops the server and deletes its folder once this process's end closes the watchdog's input.
    /// The pipe is the one thing that closes even when the test run is killed.
    /// </summary>
    private static void StartWatchdog(bool asOtherUser, string pgCtl, string data, string directory)
    {
        var stop = $"{(asOtherUser ? $"runuser -u {Superuser} -- " : "")}'{pgCtl}' -D '{data}' -m immediate -w stop";
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"cat >/dev/null; {stop} >/dev/null 2>&1; rm -rf '{directory}'");
        var watchdog = Process.Start(start) ?? throw new InvalidOperationException("The PostgreSQL watchdog did not start.");
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            watchdog.StandardInput.Close();
            watchdog.WaitForExit(TimeSpan.FromSeconds(10));
        };
    }

    private static void RunServerTool(bool asOtherUser, string tool, params string[] arguments) =>
        Run(asOtherUser ? "runuser" : tool, asOtherUser ? ["-u", Superuser, "--", tool, .. arguments] : arguments);

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{output.Result}\n{error.Result}");
        }
    }
}
