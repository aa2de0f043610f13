using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace NewsPortal.Core.Data;

/// <summary>
/// PostgreSQL cannot hold U+0000 in text and fails the whole statement on it, where SQLite just stores
/// it. A NUL can only come from hostile or broken input (a form, a URL's %00), so on PostgreSQL every
/// text parameter has it replaced by U+FFFD, as CommonMark and HTML parsers read it anyway: a lookup
/// then finds nothing (the site's 404) and a save stores the replacement instead of failing with a 500.
/// </summary>
public sealed class PostgresTextParameters : DbCommandInterceptor
{
    public static readonly PostgresTextParameters Instance = new();

    private PostgresTextParameters() { }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Clean(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Clean(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Clean(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Clean(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Clean(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Clean(command);
        return ValueTask.FromResult(result);
    }

    private static void Clean(DbCommand command)
    {
        foreach (DbParameter parameter in command.Parameters)
        {
            if (parameter.Value is string text && text.Contains('\0')) parameter.Value = text.Replace('\0', '\uFFFD');
        }
    }
}
