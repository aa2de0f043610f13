using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Web.Infrastructure;

public sealed class SiteOptions
{
    public const string SectionName = "Site";

    [Required] public string Name { get; set; } = "نيوز بورتال";

    [Required, Url] public string BaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>IANA zone in which readers are shown dates.</summary>
    [Required] public string TimeZone { get; set; } = "Asia/Riyadh";
}
