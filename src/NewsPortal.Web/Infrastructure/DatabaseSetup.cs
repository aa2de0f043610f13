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
            options.UseNpgsql(connectionString, npgsql => npgsql.MigrationsAssembly(PostgresMigrations))
                .AddInterceptors(PostgresTextParameters.Instance);
        else
            options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(SqliteMigrations))
                .AddInterceptors(new SqliteDurability());
        return options;
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
