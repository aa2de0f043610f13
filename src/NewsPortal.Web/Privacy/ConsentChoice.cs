using System.Globalization;

namespace NewsPortal.Web.Privacy;

public enum ConsentState { Unanswered, Accepted, Rejected }

/// <summary>
/// A reader's answer to the cookie question, kept in one strictly necessary cookie as
/// "version.choice.yyyymmdd". An answer to an older policy, or older than the maximum age, counts as none.
/// </summary>
public sealed record ConsentChoice(int PolicyVersion, bool Accepted, DateOnly Date)
{
    public const string CookieName = "np-consent";

    public static ConsentChoice? Parse(string? value)
    {
        var parts = value?.Split('.');
        if (parts is not { Length: 3 }
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            || parts[1] is not ("accept" or "reject")
            || !DateOnly.TryParseExact(parts[2], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return null;
        return new ConsentChoice(version, parts[1] == "accept", date);
    }

    public override string ToString() =>
        $"{PolicyVersion.ToString(CultureInfo.InvariantCulture)}.{(Accepted ? "accept" : "reject")}.{Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";

    public ConsentState StateFor(int currentVersion, DateOnly today, int maxAgeDays) =>
        PolicyVersion != currentVersion || Date.AddDays(maxAgeDays) < today || Date > today.AddDays(1)
            ? ConsentState.Unanswered
            : Accepted ? ConsentState.Accepted : ConsentState.Rejected;
}
