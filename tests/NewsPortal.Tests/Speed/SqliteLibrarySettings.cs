using Microsoft.Data.Sqlite;
using NewsPortal.Core.Data;
using NewsPortal.Tests.Infrastructure;

namespace NewsPortal.Tests.Speed;

public sealed class SqliteLibrarySettings
{
    [Fact]
    public async Task TheLibraryCountsNoMemoryWhileConnectionsAreOpenAndBusy()
    {
        await using var portal = new PortalFactory();
        using var client = portal.CreateClient();
        (await client.GetAsync("/")).EnsureSuccessStatusCode();

        // With its statistics on, the library counts tens of kilobytes for one open connection.
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "CREATE TABLE t (x TEXT); INSERT INTO t VALUES (zeroblob(100000)); SELECT count(*) FROM t;";
        Assert.Equal(1L, await command.ExecuteScalarAsync());

        Assert.Equal(0, SqliteEngine.MemoryCounted);
    }
}
