using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Web.Privacy;

public sealed class ConsentOptions
{
    public const string SectionName = "Consent";

    /// <summary>Raise it when the privacy policy changes: every earlier choice is asked again.</summary>
    [Range(1, 10_000)] public int PolicyVersion { get; set; } = 1;

    /// <summary>A choice is asked again after this many days.</summary>
    [Range(1, 400)] public int MaxAgeDays { get; set; } = 365;
}
