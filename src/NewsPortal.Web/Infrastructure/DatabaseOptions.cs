using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Web.Infrastructure;

public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    [AllowedValues("Sqlite")] public string Provider { get; set; } = "Sqlite";

    public bool MigrateOnStartup { get; set; } = true;
}
