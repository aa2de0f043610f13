using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace NewsPortal.Core.Newsletter;

/// <summary>
/// Signed, expiring confirmation links. The payload names the subscriber and the request it answers;
/// expiry is checked against the app's clock rather than the data protector's, so it can be tested.
/// </summary>
public sealed class ConfirmationTokens(IDataProtectionProvider protection, IOptions<NewsletterOptions> options)
{
    private readonly IDataProtector _protector = protection.CreateProtector("NewsPortal.Newsletter.Confirmation.v1");

    public string Create(Subscriber subscriber, DateTime nowUtc)
    {
        var expires = nowUtc.AddHours(options.Value.ConfirmationHours);
        var payload = string.Create(CultureInfo.InvariantCulture, $"{subscriber.Id}|{subscriber.RequestedAt.Ticks}|{expires.Ticks}");
        return Subscriber.Base64Url(_protector.Protect(Encoding.UTF8.GetBytes(payload)));
    }

    /// <summary>The subscriber and request a genuine, unexpired token names; false for anything else.</summary>
    public bool TryRead(string? token, DateTime nowUtc, out int subscriberId, out DateTime requestedAt)
    {
        subscriberId = 0;
        requestedAt = default;
        if (string.IsNullOrEmpty(token) || token.Length > 1000) return false;
        try
        {
            var padded = token.Replace('-', '+').Replace('_', '/');
            padded += new string('=', (4 - padded.Length % 4) % 4);
            var parts = Encoding.UTF8.GetString(_protector.Unprotect(Convert.FromBase64String(padded))).Split('|');
            if (parts.Length != 3) return false;
            subscriberId = int.Parse(parts[0], CultureInfo.InvariantCulture);
            requestedAt = new DateTime(long.Parse(parts[1], CultureInfo.InvariantCulture), DateTimeKind.Utc);
            return new DateTime(long.Parse(parts[2], CultureInfo.InvariantCulture), DateTimeKind.Utc) >= nowUtc;
        }
        catch (Exception e) when (e is FormatException or CryptographicException or OverflowException or ArgumentException)
        {
            return false;
        }
    }
}
