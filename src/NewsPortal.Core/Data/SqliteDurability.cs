using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsPortal.Core.Data;

/// <summary>
/// In WAL mode SQLite's own advice is synchronous=NORMAL: a commit survives the process being killed
/// (the newsletter's crash promise), and only a power cut can lose the last few commits, never the
/// file's consistency. FULL makes every recorded delivery wait for a disk flush, which is what held
/// newsletter sending back. The setting belongs to the connection, so it is applied on each open.
/// </summary>
public sealed class SqliteDurability : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        if (connection is not Microsoft.Data.Sqlite.SqliteConnection) return;
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        command.ExecuteNonQuery();
    }
}
