using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsPortal.Core.Data;

/// <summary>
/// SQLite in WAL mode with synchronous=NORMAL, SQLite's own advice for WAL. A commit is in the
/// write-ahead log (the operating system's file cache) when it returns, so it survives the portal's
/// process being killed — the newsletter's crash promise rests on that. Only an operating-system
/// crash or a power loss can lose the last few commits (never the file's consistency): then a few
/// recorded deliveries could be forgotten and those messages sent again. FULL made every recorded
/// delivery wait for a disk flush, which held newsletter sending back. The setting belongs to the
/// connection, so it is applied on each open.
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
