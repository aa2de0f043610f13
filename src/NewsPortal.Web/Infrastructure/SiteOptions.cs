using System.ComponentModel.DataAnnotations;
using NewsPortal.Core.Text;

namespace NewsPortal.Web.Infrastructure;

public sealed class SiteOptions
{
    public const string SectionName = "Site";

    [Required] public string Name { get; set; } = "نيوز بورتال";

    [Required, Url] public string BaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>IANA zone in which readers are shown dates.</summary>
    [Required] public string TimeZone { get; set; } = "Asia/Riyadh";

    /// <summary>Digits of dates and numbers on Arabic pages: <c>Western</c> (0-9) or <c>ArabicIndic</c> (٠-٩).</summary>
    [EnumDataType(typeof(DigitStyle))] public DigitStyle Digits { get; set; } = DigitStyle.Western;
}
