using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsPortal.Core.Data;

/// <summary>
/// SQLite in WAL mode with synchronous=NORMAL, SQLite's own advice for WAL. A commit is in the
/// write-ahead log (the operating system's file cache) when it returns, so it survives the portal's
/// process being killed — the newsletter's crash promise rests on that. Only an operating-system
/// crash or a power loss can lose the last few commits (never the file's consistency): then a few
/// recorded deliveries could be forgotten and those messages sent again. FULL made every recorded
/// delivery wait for a disk flush, which held newsletter sending back. The setting belongs to the
/// native connection, which the driver's pool keeps open between uses, so it is applied once per
/// native connection rather than on every open (every request opens one).
/// </summary>
public sealed class SqliteDurability : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apply(connection);
        return Task.CompletedTask;
    }

    /// <summary>The native connections already set; an entry goes when its connection is collected.</summary>
    private static readonly ConditionalWeakTable<object, object> Applied = new();

    private static void Apply(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } native }) return;
        if (Applied.TryGetValue(native, out _)) return;
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA synchronous=NORMAL;";
        command.ExecuteNonQuery();
        Applied.AddOrUpdate(native, native);
    }
}
