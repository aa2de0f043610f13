namespace NewsPortal.Web.Privacy;

/// <summary>An optional analytics script, loaded only for readers who accepted cookies.</summary>
public sealed class AnalyticsOptions
{
    public const string SectionName = "Analytics";

    /// <summary>Absolute https URL of the script; empty means no analytics at all.</summary>
    public string? ScriptUrl { get; set; }

    /// <summary>Site identifier passed to the script as data-site.</summary>
    public string? SiteId { get; set; }

    public bool IsConfigured => Uri.TryCreate(ScriptUrl, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;

    public string? Origin => IsConfigured ? new Uri(ScriptUrl!).GetLeftPart(UriPartial.Authority) : null;
}
