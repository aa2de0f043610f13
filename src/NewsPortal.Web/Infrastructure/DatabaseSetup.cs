using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.Reading;
using Npgsql;

namespace NewsPortal.Web.Infrastructure;

public static class DatabaseSetup
{
    public const string ConnectionStringName = "NewsPortal";

    public const string SqliteMigrations = "NewsPortal.Migrations.Sqlite";
    public const string PostgresMigrations = "NewsPortal.Migrations.Postgres";

    public static IServiceCollection AddNewsDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>()?.Provider ?? DatabaseOptions.Sqlite;
        var connectionString = configuration.GetConnectionString(ConnectionStringName) ?? "Data Source=newsportal.db";
        if (provider == DatabaseOptions.Postgres) CheckPostgresConnectionString(connectionString);
        // Pooled contexts: readers' pages create one per request, and pooling keeps that cheap.
        // Interceptors registered in the container (diagnostics, tests) join every context.
        services.AddDbContextPool<NewsDbContext>((sp, options) => options
            .UseNewsDatabase(provider, connectionString)
            .AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()));
        if (provider == DatabaseOptions.Sqlite)
            services.AddSingleton(sp => new SqliteArticleReads(connectionString, sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>()));
        return services;
    }

    /// <summary>The provider and its migrations; an unknown provider is caught earlier by <see cref="DatabaseOptions"/>.</summary>
    public static TBuilder UseNewsDatabase<TBuilder>(this TBuilder options, string provider, string connectionString)
        where TBuilder : DbContextOptionsBuilder
    {
        if (provider == DatabaseOptions.Postgres)
            options.UseNpgsql(WithAutoPrepare(connectionString), npgsql => npgsql.MigrationsAssembly(PostgresMigrations))
                .AddInterceptors(PostgresTextParameters.Instance);
        else
            options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrations))
                .AddInterceptors(new SqliteDurability());
        return options;
    }

    /// <summary>The statements prepared on each PostgreSQL connection when the connection string does not say.</summary>
    public const int AutoPrepared = 64;

    /// <summary>
    /// Npgsql prepares nothing unless asked, so PostgreSQL would parse and plan every statement of every
    /// page afresh (see the README's PostgreSQL section for what that cost). With this setting a
    /// statement run five times on a connection is prepared there and kept, the least recently used
    /// going first when there are more. A connection string that names <c>Max Auto Prepare</c> keeps
    /// its own value (0 turns it off, as a pooler in transaction mode may need).
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.Keys.Cast<string>().Any(key => key.Replace(" ", "").Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
            return connectionString;
        return new NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = AutoPrepared }.ConnectionString;
    }

    public static async Task MigrateNewsDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NewsDbContext>();
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers carry on while an editor saves.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }

    /// <summary>
    /// The SQLite default left in place by a Postgres setting would otherwise fail at the first query
    /// with a message about an unknown keyword; this says what is missing, at start.
    /// </summary>
    private static void CheckPostgresConnectionString(string connectionString)
    {
        string? host;
        try
        {
            host = new NpgsqlConnectionStringBuilder(connectionString).Host;
        }
        catch (ArgumentException)
        {
            host = null;
        }
        if (string.IsNullOrWhiteSpace(host))
        {
            throw new InvalidOperationException(
                $"Database:Provider is {DatabaseOptions.Postgres}, but ConnectionStrings:{ConnectionStringName} is not a PostgreSQL " +
                "connection string with a Host (e.g. \"Host=db;Database=newsportal;Username=newsportal;Password=...\").");
        }
    }
}
