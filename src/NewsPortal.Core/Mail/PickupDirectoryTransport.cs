using Microsoft.Extensions.Options;
using MimeKit;

namespace NewsPortal.Core.Mail;

/// <summary>Writes each message as an .eml file, so a portal without a mail server still shows what it would send.</summary>
public sealed class PickupDirectoryTransport(IOptions<MailOptions> options) : IMailTransport, IMailSession
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct = default)
    {
        var directory = Path.GetFullPath(options.Value.PickupDirectory);
        Directory.CreateDirectory(directory);
        var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss-fff}-{Guid.NewGuid():N}.eml";
        var temporary = Path.Combine(directory, name + ".tmp");
        // Written aside, then renamed: a reader of the folder never sees half a message.
        await message.WriteToAsync(temporary, ct);
        File.Move(temporary, Path.Combine(directory, name));
    }

    public Task<IMailSession> OpenSessionAsync(CancellationToken ct = default) => Task.FromResult<IMailSession>(this);

    ValueTask IAsyncDisposable.DisposeAsync() => ValueTask.CompletedTask;
}
