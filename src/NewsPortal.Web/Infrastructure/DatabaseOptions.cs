using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Web.Infrastructure;

public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    [AllowedValues(Sqlite, Postgres)] public string Provider { get; set; } = Sqlite;

    public bool MigrateOnStartup { get; set; } = true;

}
