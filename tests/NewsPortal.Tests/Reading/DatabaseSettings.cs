using Microsoft.EntityFrameworkCore;
using NewsPortal.Tests.Infrastructure;

namespace NewsPortal.Tests.Reading;

public class DatabaseSettings(PortalFactory portal) : IClassFixture<PortalFactory>
{
    [SqliteConfigurationFact]
    public async Task TheDatabaseRunsInWalModeWithNormalSynchronousCommits()
    {
        var newsroom = new Infrastructure.Newsroom(portal);
        var (journal, synchronous) = await newsroom.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA journal_mode;";
                var mode = (string)(await command.ExecuteScalarAsync())!;
                command.CommandText = "PRAGMA synchronous;";
                var sync = Convert.ToInt32(await command.ExecuteScalarAsync());
                return (mode, sync);
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        });
        Assert.Equal("wal", journal);
        Assert.Equal(1, synchronous); // NORMAL
    }
}
