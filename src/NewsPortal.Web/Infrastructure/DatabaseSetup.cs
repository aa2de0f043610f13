using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;

namespace NewsPortal.Web.Infrastructure;

public static class DatabaseSetup
{
    public const string ConnectionStringName = "NewsPortal";

    public static IServiceCollection AddNewsDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName) ?? "Data Source=newsportal.db";
        // Pooled contexts: readers' pages create one per request, and pooling keeps that cheap.
        // Interceptors registered in the container (diagnostics, tests) join every context.
        services.AddDbContextPool<NewsDbContext>((provider, options) => options
            .UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly("NewsPortal.Migrations.Sqlite"))
            .AddInterceptors(provider.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>())
            .AddInterceptors(new SqliteDurability()));
        return services;
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
}
