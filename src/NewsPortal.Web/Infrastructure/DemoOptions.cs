namespace NewsPortal.Web.Infrastructure;

public sealed class DemoOptions
{
    public const string SectionName = "Demo";

    /// <summary>Fills an empty database with sample articles; appsettings.Development.json turns it on.</summary>
    public bool Seed { get; set; }
}
