using System.Text.RegularExpressions;
using MimeKit;

namespace NewsPortal.BrowserTests.Infrastructure;

/// <summary>The .eml files the portal writes to its pickup folder when no SMTP server is configured.</summary>
public static partial class Mailbox
{
    public static async Task<MimeMessage> WaitForMessageToAsync(string directory, string recipient, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            if (Directory.Exists(directory))
            {
                foreach (var file in Directory.GetFiles(directory, "*.eml"))
                {
                    var message = await TryLoadAsync(file);
                    if (message?.To.Mailboxes.Any(m => m.Address.Equals(recipient, StringComparison.OrdinalIgnoreCase)) == true) return message;
                }
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No message to {recipient} arrived in {directory}.");
            await Task.Delay(100);
        }
    }

    /// <summary>The first link in the message's plain-text body that leads into the portal.</summary>
    public static Uri LinkInto(MimeMessage message, Uri portal)
    {
        var link = Links().Matches(message.TextBody ?? "").Select(m => new Uri(m.Value))
            .FirstOrDefault(u => u.Authority == portal.Authority);
        return link ?? throw new InvalidOperationException($"The message \"{message.Subject}\" has no link into {portal}.");
    }

    private static async Task<MimeMessage?> TryLoadAsync(string file)
    {
        try
        {
            return await MimeMessage.LoadAsync(file);
        }
        catch (IOException)
        {
            // Still being written.
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Links();
}
