using Microsoft.AspNetCore.Identity;
using NewsPortal.Core.Newsroom;

namespace NewsPortal.Web.Security;

/// <summary>
/// Refuses passwords from a shipped list of common ones, a password that is the account's own
/// address, and a single character repeated: long is not enough if it is guessable.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<NewsUser>
{
    private static readonly Lazy<HashSet<string>> Common = new(Load);

    public Task<IdentityResult> ValidateAsync(UserManager<NewsUser> manager, NewsUser user, string? password)
    {
        if (string.IsNullOrEmpty(password)) return Task.FromResult(IdentityResult.Success);
        var folded = password.Trim().ToLowerInvariant();
        var local = user.Email?.Split('@')[0].ToLowerInvariant();
        var guessable = Common.Value.Contains(folded)
                        || folded.Distinct().Count() <= 2
                        || string.Equals(folded, user.Email, StringComparison.OrdinalIgnoreCase)
                        || (local is { Length: >= 4 } && folded.Contains(local));
        return Task.FromResult(guessable
            ? IdentityResult.Failed(new IdentityError { Code = "CommonPassword", Description = "كلمة المرور هذه شائعة أو سهلة التخمين؛ اختر عبارة أخرى." })
            : IdentityResult.Success);
    }

    private static HashSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("NewsPortal.Web.Security.common-passwords.txt")
            ?? throw new InvalidOperationException("The common passwords list is missing.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && !line.StartsWith('#')) set.Add(line.ToLowerInvariant());
        }
        return set;
    }
}
