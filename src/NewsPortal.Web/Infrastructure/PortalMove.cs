using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using NewsPortal.Core.Data;
using NewsPortal.Core.Search;
using NewsPortal.Core.Text;

namespace NewsPortal.Web.Infrastructure;

/// <summary>
/// Moves a portal's data from its SQLite file to an empty PostgreSQL database:
/// <c>NewsPortal.Web move-to-postgres --from "Data Source=newsportal.db" --to "Host=...;Database=...;Username=...;Password=..."</c>.
/// The target is migrated, then every table of the model is copied in one transaction, principals
/// before dependants, keeping every id; identity sequences continue after the highest id; the search
/// index is built afresh; and the row counts of both sides are compared at the end. The source is
/// only read. A target that already holds data is refused, so nothing is ever merged or overwritten.
/// </summary>
public static class PortalMove
{
    public const string Command = "move-to-postgres";

    private const int BatchSize = 500;

    private static readonly MethodInfo CopyMethod =
        typeof(PortalMove).GetMethod(nameof(CopyAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly MethodInfo CountMethod =
        typeof(PortalMove).GetMethod(nameof(CountRowsAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken ct = default)
    {
        if (!TryParse(args, out var from, out var to))
        {
            await error.WriteLineAsync($"Usage: {Command} --from \"Data Source=newsportal.db\" --to \"Host=...;Database=...;Username=...;Password=...\"");
            return 2;
        }
        try
        {
            return await MoveAsync(from, to, output, error, ct);
        }
        catch (Exception e) when (e is MoveRefusedException or System.Data.Common.DbException or ArgumentException)
        {
            await error.WriteLineAsync(e.Message);
            return 1;
        }
    }

    private static async Task<int> MoveAsync(string from, string to, TextWriter output, TextWriter error, CancellationToken ct)
    {
        var file = new SqliteConnectionStringBuilder(from).DataSource;
        // Opening a missing file would create an empty database and "move" nothing.
        if (string.IsNullOrEmpty(file) || !File.Exists(file)) throw new MoveRefusedException($"No SQLite database at '{file}'.");
        await using var source = Open(DatabaseOptions.Sqlite, from);
        await using var target = Open(DatabaseOptions.Postgres, to);

        if ((await source.Database.GetPendingMigrationsAsync(ct)).Any())
        {
            throw new MoveRefusedException("The SQLite database is behind this version of the portal: start the portal on it once " +
                                           "(it applies its migrations), stop it, then move it.");
        }
        await output.WriteLineAsync("Migrating the PostgreSQL database...");
        await target.Database.MigrateAsync(ct);

        var tables = InDependencyOrder(target.Model);
        foreach (var table in tables)
        {
            if (await CountAsync(target, table, ct) > 0)
                throw new MoveRefusedException($"The PostgreSQL database is not empty (table {table.GetTableName()} has rows); nothing was copied.");
        }

        target.ChangeTracker.AutoDetectChangesEnabled = false;
        await using (var transaction = await target.Database.BeginTransactionAsync(ct))
        {
            foreach (var table in tables)
            {
                var copy = (Task<int>)CopyMethod.MakeGenericMethod(table.ClrType).Invoke(null, [source, target, table, ct])!;
                await output.WriteLineAsync($"{table.GetTableName()}: {await copy} rows");
            }
            foreach (var table in tables) await ContinueSequenceAsync(target, table, ct);
            target.ChangeTracker.AutoDetectChangesEnabled = true;
            var indexed = await new SearchIndex(target, new MarkdownArticleRenderer()).RebuildAsync(ct);
            await output.WriteLineAsync($"Search index: {indexed} articles");
            await transaction.CommitAsync(ct);
        }

        var mismatches = 0;
        foreach (var table in tables)
        {
            var (before, after) = (await CountAsync(source, table, ct), await CountAsync(target, table, ct));
            if (before == after) continue;
            mismatches++;
            await error.WriteLineAsync($"{table.GetTableName()}: {before} rows in SQLite, {after} in PostgreSQL");
        }
        if (mismatches > 0) return 1;
        await output.WriteLineAsync($"Done: {tables.Count} tables moved, row counts match. Start the portal with " +
                                    "Database:Provider=Postgres and this connection string.");
        return 0;
    }

    private static NewsDbContext Open(string provider, string connectionString) =>
        new(new DbContextOptionsBuilder<NewsDbContext>().UseNewsDatabase(provider, connectionString).Options);

    /// <summary>Every table of the model (join tables included), each after the tables its foreign keys point to.</summary>
    private static List<IEntityType> InDependencyOrder(IModel model)
    {
        var pending = model.GetEntityTypes().Where(t => !t.IsOwned() && t.GetTableName() is not null)
            .OrderBy(t => t.GetTableName(), StringComparer.Ordinal).ToList();
        var ordered = new List<IEntityType>();
        while (pending.Count > 0)
        {
            var next = pending.FirstOrDefault(t => t.GetForeignKeys()
                .All(fk => fk.PrincipalEntityType == t || ordered.Contains(fk.PrincipalEntityType) || fk.PrincipalEntityType.IsOwned()))
                ?? throw new InvalidOperationException("The model's foreign keys form a cycle; the tables cannot be ordered.");
            ordered.Add(next);
            pending.Remove(next);
        }
        return ordered;
    }

    private static IQueryable<T> Rows<T>(NewsDbContext db, IEntityType table) where T : class =>
        (table.HasSharedClrType ? db.Set<T>(table.Name) : db.Set<T>()).AsNoTracking().IgnoreAutoIncludes().IgnoreQueryFilters();

    private static Task<int> CountAsync(NewsDbContext db, IEntityType table, CancellationToken ct) =>
        (Task<int>)CountMethod.MakeGenericMethod(table.ClrType).Invoke(null, [db, table, ct])!;

    private static Task<int> CountRowsAsync<T>(NewsDbContext db, IEntityType table, CancellationToken ct) where T : class =>
        Rows<T>(db, table).CountAsync(ct);

    /// <summary>
    /// Copies one table through the model, so that every value goes through the same conversions as
    /// the portal's own reads and writes (UTC times, enums, the JSON list that becomes an array).
    /// Keys are set on every row, so the database inserts them as they are.
    /// </summary>
    private static async Task<int> CopyAsync<T>(NewsDbContext source, NewsDbContext target, IEntityType table, CancellationToken ct) where T : class
    {
        var set = table.HasSharedClrType ? target.Set<T>(table.Name) : target.Set<T>();
        var count = 0;
        await foreach (var row in Rows<T>(source, table).AsAsyncEnumerable().WithCancellation(ct))
        {
            set.Add(row);
            if (++count % BatchSize != 0) continue;
            await target.SaveChangesAsync(ct);
            target.ChangeTracker.Clear();
        }
        await target.SaveChangesAsync(ct);
        target.ChangeTracker.Clear();
        return count;
    }

    /// <summary>Rows were inserted with their ids, so each identity sequence is moved past the highest one.</summary>
    private static async Task ContinueSequenceAsync(NewsDbContext target, IEntityType table, CancellationToken ct)
    {
        if (table.FindPrimaryKey() is not { Properties: [var key] } || key.ValueGenerated != ValueGenerated.OnAdd
            || (key.ClrType != typeof(int) && key.ClrType != typeof(long))) return;
        var tableName = table.GetTableName()!;
        var column = key.GetColumnName(StoreObjectIdentifier.Table(tableName, table.GetSchema()))!;
        // Names come from the model, never from input; quote_ident-style quoting keeps their case.
        var sql = $"""SELECT setval(pg_get_serial_sequence('"{tableName}"', '{column}'), COALESCE(MAX("{column}"), 0) + 1, false) FROM "{tableName}" """;
        await target.Database.ExecuteSqlRawAsync(sql, ct);
    }

    private static bool TryParse(string[] args, out string from, out string to)
    {
        from = to = "";
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            switch (args[i])
            {
                case "--from": from = args[i + 1]; break;
                case "--to": to = args[i + 1]; break;
                default: return false;
            }
        }
        return args.Length == 4 && from.Length > 0 && to.Length > 0;
    }

    private sealed class MoveRefusedException(string message) : Exception(message);
}
