using System.Text.RegularExpressions;
using MimeKit;

namespace NewsPortal.Tests.Infrastructure;

/// <summary>Reads what the portal wrote to its mail pickup folder.</summary>
public static partial class Mailbox
{
    public static async Task<MimeMessage> WaitForMessageToAsync(string directory, string recipient, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            if (Directory.Exists(directory))
            {
                foreach (var file in Directory.GetFiles(directory, "*.eml").OrderByDescending(File.GetLastWriteTimeUtc))
                {
                    var message = await MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => m.Address.Equals(recipient, StringComparison.OrdinalIgnoreCase))) return message;
                }
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"No message to {recipient} in {directory}.");
            await Task.Delay(50);
        }
    }

    public static int CountTo(string directory, string recipient) =>
        !Directory.Exists(directory) ? 0 : Directory.GetFiles(directory, "*.eml")
            .Count(f => MimeMessage.Load(f).To.Mailboxes.Any(m => m.Address.Equals(recipient, StringComparison.OrdinalIgnoreCase)));

    /// <summary>The path and query of the first link into the portal's admin area.</summary>
    public static string AdminLink(MimeMessage message)
    {
        var match = LinkPattern().Match(message.TextBody ?? "");
        Assert.True(match.Success, "The message carries no admin link.");
        return new Uri(match.Value).PathAndQuery;
    }

    [GeneratedRegex(@"https://news\.example/admin/\S+")]
    private static partial Regex LinkPattern();
}
