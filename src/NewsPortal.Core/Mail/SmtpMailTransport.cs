using System.Net.Sockets;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace NewsPortal.Core.Mail;

/// <summary>Sends mail over SMTP with MailKit: single messages on a connection of their own, newsletters over kept-open sessions.</summary>
public sealed class SmtpMailTransport(IOptions<SmtpOptions> options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct = default)
    {
        await using var session = new SmtpMailSession(options.Value);
        await session.SendAsync(message, ct);
    }

    public Task<IMailSession> OpenSessionAsync(CancellationToken ct = default) =>
        Task.FromResult<IMailSession>(new SmtpMailSession(options.Value));

    /// <summary>
    /// Connects a socket with Nagle's algorithm off and hands it to MailKit. SMTP is a chatty
    /// request-and-answer protocol: with Nagle on, each small command waits for the peer's delayed
    /// ACK (about 40 ms on loopback), which caps a connection near 25 messages a second.
    /// </summary>
    public static async Task<Socket> ConnectSocketAsync(string host, int port, CancellationToken ct)
    {
        var addresses = await System.Net.Dns.GetHostAddressesAsync(host, ct);
        Exception? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(address, port, ct);
                return socket;
            }
            catch (SocketException e)
            {
                last = e;
                socket.Dispose();
            }
        }
        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }

    /// <summary>Connects and signs in; returns the socket under the connection.</summary>
    public static async Task<Socket> ConnectAsync(SmtpClient client, SmtpOptions smtp, CancellationToken ct)
    {
        var host = smtp.Host ?? throw new InvalidOperationException("Smtp:Host is not set.");
        var security = Enum.Parse<SecureSocketOptions>(smtp.Security, ignoreCase: true);
        var socket = await ConnectSocketAsync(host, smtp.Port, ct);
        try
        {
            await client.ConnectAsync(socket, host, smtp.Port, security, ct);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
        }
        return socket;
    }
}

/// <summary>One MailKit connection used for message after message; reconnects when the connection was lost.</summary>
public sealed class SmtpMailSession(SmtpOptions smtp) : IMailSession
{
    private readonly SmtpClient _client = new() { Timeout = (int)TimeSpan.FromSeconds(60).TotalMilliseconds };

    /// <summary>The socket under the current connection; tests check how it was set up.</summary>
    internal Socket? Socket { get; private set; }

    public async Task SendAsync(MimeMessage message, CancellationToken ct = default)
    {
        if (!_client.IsConnected)
        {
            Socket = null;
            Socket = await SmtpMailTransport.ConnectAsync(_client, smtp, ct);
        }
        try
        {
            await _client.SendAsync(message, ct);
        }
        catch (SmtpCommandException)
        {
            // The server refused this message but the conversation is intact: the next one may go on the same connection.
            throw;
        }
        catch
        {
            await DropAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected)
        {
            try
            {
                using var quit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await _client.DisconnectAsync(quit: true, quit.Token);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or MailKit.ProtocolException)
            {
                // Saying goodbye to a server that is gone is not worth reporting.
            }
        }
        _client.Dispose();
    }

    private async Task DropAsync()
    {
        try
        {
            await _client.DisconnectAsync(quit: false);
        }
        catch (Exception e) when (e is IOException or SocketException or MailKit.ProtocolException)
        {
        }
    }
}
