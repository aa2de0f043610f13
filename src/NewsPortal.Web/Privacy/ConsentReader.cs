using Microsoft.Extensions.Options;

namespace NewsPortal.Web.Privacy;

/// <summary>Reads the visitor's current consent state from the request.</summary>
public sealed class ConsentReader(IOptions<ConsentOptions> options, TimeProvider clock)
{
    public ConsentState StateOf(HttpContext context)
    {
        var choice = ConsentChoice.Parse(context.Request.Cookies[ConsentChoice.CookieName]);
        if (choice is null) return ConsentState.Unanswered;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        return choice.StateFor(options.Value.PolicyVersion, today, options.Value.MaxAgeDays);
    }

    public ConsentChoice NewChoice(bool accepted) =>
        new(options.Value.PolicyVersion, accepted, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));

    public TimeSpan MaxAge => TimeSpan.FromDays(options.Value.MaxAgeDays);
}
