using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Tests.Infrastructure;
using NewsPortal.Web.Infrastructure;
using Npgsql;

namespace NewsPortal.Tests.Speed;

/// <summary>PostgreSQL keeps the portal's repeated statements prepared instead of planning each afresh.</summary>
public sealed class PreparedStatementsOnPostgres : IAsyncLifetime
{
    private readonly string _database = TestDatabase.NewPath("prepared");

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await TestDatabase.DeleteAsync(_database, DatabaseOptions.Postgres);

    [PostgresConfigurationFact]
    public async Task A_statement_the_portal_repeats_is_prepared_on_its_connection()
    {
        await using var db = TestDatabase.Open(_database, DatabaseOptions.Postgres);
        Assert.Equal(DatabaseSetup.AutoPrepared, new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()).MaxAutoPrepare);

        await db.Database.OpenConnectionAsync();
        Assert.Equal(0, await PreparedAsync(db));
        for (var i = 0; i < 6; i++)
            await db.Articles.AsNoTracking().Where(a => a.Id == i).Select(a => a.Headline).ToListAsync();

        // The article question, now prepared, and nothing else the test asked.
        Assert.Equal(1, await PreparedAsync(db));
    }

    [Fact]
    public void A_connection_string_that_names_the_setting_keeps_its_value()
    {
        foreach (var given in new[] { "Host=db;Max Auto Prepare=0", "Host=db;MaxAutoPrepare=0", "Host=db;max auto prepare=0" })
            Assert.Equal(given, DatabaseSetup.WithAutoPrepare(given));
        Assert.Equal(DatabaseSetup.AutoPrepared,
            new NpgsqlConnectionStringBuilder(DatabaseSetup.WithAutoPrepare("Host=db;Database=newsportal")).MaxAutoPrepare);
    }

    private static async Task<int> PreparedAsync(NewsDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await using var count = connection.CreateCommand();
        count.CommandText = "SELECT count(*)::int FROM pg_prepared_statements";
        return (int)(await count.ExecuteScalarAsync())!;
    }
}
