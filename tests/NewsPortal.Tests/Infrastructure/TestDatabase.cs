using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Web.Infrastructure;

namespace NewsPortal.Tests.Infrastructure;

/// <summary>
/// The engine the integration tests run on: SQLite files by default, or PostgreSQL when the
/// environment variable NEWSPORTAL_TEST_DATABASE is "Postgres" (./test.sh runs the suite both ways).
/// Tests name a database by a file path either way; on PostgreSQL the path stands for a database of
/// the test cluster, created on first use, so tests that share a database between portals work on both.
/// </summary>
public static class TestDatabase
{
    public const string Variable = "NEWSPORTAL_TEST_DATABASE";

    private static readonly ConcurrentDictionary<string, Lazy<Task>> Created = new();

    public static string Provider { get; } =
        string.Equals(Environment.GetEnvironmentVariable(Variable), DatabaseOptions.Postgres, StringComparison.OrdinalIgnoreCase)
            ? DatabaseOptions.Postgres
            : DatabaseOptions.Sqlite;

    public static bool IsPostgres => Provider == DatabaseOptions.Postgres;

    public static string NewPath(string prefix = "newsportal-test") => Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}.db");

    /// <summary>The connection string of the database a path names, created (migrated and empty) on PostgreSQL.</summary>
    public static string ConnectionStringFor(string databasePath, string? provider = null)
    {
        if ((provider ?? Provider) != DatabaseOptions.Postgres) return $"Data Source={databasePath}";
        var name = DatabaseName(databasePath);
        var cluster = PostgresTestCluster.Instance;
        Created.GetOrAdd(name, n => new Lazy<Task>(() => cluster.CreateDatabaseAsync(n, migrated: true))).Value.GetAwaiter().GetResult();
        return cluster.ConnectionStringFor(name);
    }

    /// <summary>A PostgreSQL database with nothing in it, not even the schema, named by a path as above.</summary>
    public static string BlankPostgresDatabase(string databasePath)
    {
        var name = DatabaseName(databasePath);
        var cluster = PostgresTestCluster.Instance;
        if (!Created.TryAdd(name, new Lazy<Task>(() => cluster.CreateDatabaseAsync(name, migrated: false))))
            throw new InvalidOperationException("That database exists already.");
        return ConnectionStringFor(databasePath, DatabaseOptions.Postgres);
    }

    /// <summary>A context on the database a path names, outside any portal.</summary>
    public static NewsDbContext Open(string databasePath, string? provider = null) => new(new DbContextOptionsBuilder<NewsDbContext>()
        .UseNewsDatabase(provider ?? Provider, ConnectionStringFor(databasePath, provider)).Options);

    public static async Task DeleteAsync(string databasePath, string? provider = null)
    {
        if ((provider ?? Provider) == DatabaseOptions.Postgres)
        {
            var name = DatabaseName(databasePath);
            if (Created.TryRemove(name, out _)) await PostgresTestCluster.Instance.DropDatabaseAsync(name);
            return;
        }
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            try { File.Delete(databasePath + suffix); } catch (IOException) { }
        }
    }

    /// <summary>Rows in the search index (of one article, when given), read straight from its table.</summary>
    public static FormattableString CountSearchRows(int? articleId = null) => (IsPostgres, articleId) switch
    {
        (true, null) => $"""SELECT COUNT(*)::int AS "Value" FROM "ArticleSearch" """,
        (true, { } id) => $"""SELECT COUNT(*)::int AS "Value" FROM "ArticleSearch" WHERE "ArticleId" = {id}""",
        (false, null) => $"SELECT COUNT(*) AS Value FROM ArticleSearch",
        (false, { } id) => $"SELECT COUNT(*) AS Value FROM ArticleSearch_docsize WHERE (id & 4294967295) = {id}",
    };

    /// <summary>Empties the search index behind the application's back.</summary>
    public static FormattableString EmptySearchIndex() => $"""DELETE FROM "ArticleSearch" """;

    private static string DatabaseName(string databasePath) =>
        "newsportal_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(databasePath)))[..24];
}

/// <summary>A test that needs the PostgreSQL test cluster beside whatever the portals run on: it runs once, in the PostgreSQL configuration.</summary>
public sealed class PostgresConfigurationFactAttribute : FactAttribute
{
    public PostgresConfigurationFactAttribute()
    {
        if (!TestDatabase.IsPostgres) Skip = $"runs in the PostgreSQL configuration ({TestDatabase.Variable}=Postgres)";
    }
}

/// <summary>A test of SQLite's own settings or behaviour: it runs in the SQLite configuration only.</summary>
public sealed class SqliteConfigurationFactAttribute : FactAttribute
{
    public SqliteConfigurationFactAttribute(string why = "checks SQLite's own settings; the PostgreSQL configuration has none of them")
    {
        if (TestDatabase.IsPostgres) Skip = why;
    }
}
