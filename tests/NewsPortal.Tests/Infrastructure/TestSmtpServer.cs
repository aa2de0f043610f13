using System.Diagnostics;
using MimeKit;

namespace NewsPortal.Tests.Infrastructure;

/// <summary>How the test SMTP server (tests/smtp/server.js) should behave.</summary>
/// <remarks><paramref name="HoldAfter"/>: accept that many messages, then leave every further one unanswered until <see cref="TestSmtpServer.Release"/>.</remarks>
public sealed record SmtpBehaviour(int DelayMs = 0, string? SoftFail = null, int SoftFailTimes = 1, string? HardFail = null, int? HoldAfter = null);

/// <summary>
/// A real SMTP server in a child Node process, on a loopback port, storing what it accepts as .eml
/// files in its own folder. It can be stopped and started again on the same port, as a mail server
/// that goes down and comes back.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private Process? _process;

    private TestSmtpServer(string directory) => Directory = directory;

    public string Directory { get; }

    public int Port { get; private set; }

    public static async Task<TestSmtpServer> StartAsync(SmtpBehaviour? behaviour = null)
    {
        var server = new TestSmtpServer(System.IO.Directory.CreateTempSubdirectory("newsportal-smtp-").FullName);
        await server.StartAsync(behaviour ?? new SmtpBehaviour(), port: 0);
        return server;
    }

    public static string RepositoryRoot
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "NewsPortal.sln"))) directory = directory.Parent;
            return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found.");
        }
    }

    /// <summary>Starts again after <see cref="StopAsync"/>, on the same port.</summary>
    public Task RestartAsync(SmtpBehaviour? behaviour = null) => StartAsync(behaviour ?? new SmtpBehaviour(), Port);

    private async Task StartAsync(SmtpBehaviour behaviour, int port)
    {
        var smtp = Path.Combine(RepositoryRoot, "tests", "smtp");
        if (!System.IO.Directory.Exists(Path.Combine(smtp, "node_modules", "smtp-server")))
        {
            throw new InvalidOperationException("tests/smtp has no node_modules: run ./test.sh, or npm ci --prefix tests/smtp.");
        }
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(smtp, "server.js"), "--port", port.ToString(), "--dir", Directory, "--exit-with-stdin", "--delay-ms", behaviour.DelayMs.ToString() })
        {
            start.ArgumentList.Add(argument);
        }
        if (behaviour.SoftFail is not null)
        {
            start.ArgumentList.Add("--soft-fail");
            start.ArgumentList.Add(behaviour.SoftFail);
            start.ArgumentList.Add("--soft-fail-times");
            start.ArgumentList.Add(behaviour.SoftFailTimes.ToString());
        }
        if (behaviour.HardFail is not null)
        {
            start.ArgumentList.Add("--hard-fail");
            start.ArgumentList.Add(behaviour.HardFail);
        }
        if (behaviour.HoldAfter is { } holdAfter)
        {
            start.ArgumentList.Add("--hold-after");
            start.ArgumentList.Add(holdAfter.ToString());
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();
        // It says so once it accepts connections; wait for that line, not for a length of time.
        var line = await _process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
        if (line is null || !line.StartsWith("listening ")) throw new InvalidOperationException($"The test SMTP server did not start: {line}");
        Port = int.Parse(line["listening ".Length..]);
    }

    /// <summary>The server goes away at once, as a crashed mail server would.</summary>
    public async Task StopAsync()
    {
        if (_process is null) return;
        try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    public IReadOnlyList<MimeMessage> Messages() =>
        System.IO.Directory.GetFiles(Directory, "*.eml").Order().Select(f => MimeMessage.Load(f)).ToList();

    public int Count => System.IO.Directory.GetFiles(Directory, "*.eml").Length;

    public IReadOnlyList<MimeMessage> MessagesTo(string address) =>
        Messages().Where(m => m.To.Mailboxes.Any(b => b.Address.Equals(address, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>Messages received in full and left waiting for the server's answer (see <see cref="SmtpBehaviour.HoldAfter"/>).</summary>
    public int Held
    {
        get
        {
            var log = Path.Combine(Directory, "held.log");
            if (!File.Exists(log)) return 0;
            using var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        }
    }

    /// <summary>Answers the held messages and holds no more.</summary>
    public async Task ReleaseAsync()
    {
        var input = (_process ?? throw new InvalidOperationException("The server is not running.")).StandardInput;
        await input.WriteLineAsync("release");
        await input.FlushAsync();
    }

    /// <summary>How many times the portal tried to hand over mail for the address (every RCPT TO, accepted or not).</summary>
    public int AttemptsFor(string address)
    {
        var log = Path.Combine(Directory, "attempts.log");
        if (!File.Exists(log)) return 0;
        using var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n').Count(l => l.StartsWith(address.ToLowerInvariant() + " "));
    }

    public async Task<MimeMessage> WaitForMessageToAsync(string address, int count = 1)
    {
        await Eventually.HoldsAsync(() => Task.FromResult(MessagesTo(address).Count >= count), TimeSpan.FromSeconds(20),
            $"No message reached {address}.");
        return MessagesTo(address)[count - 1];
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
