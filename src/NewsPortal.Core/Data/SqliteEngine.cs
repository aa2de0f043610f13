using SQLitePCL;

namespace NewsPortal.Core.Data;

/// <summary>
/// Settings of the SQLite library itself, shared by every connection of the process, which can be
/// made only while no connection is open. By default the library counts every allocation in
/// process-wide statistics kept under one lock, which every thread running a statement takes for
/// each allocation: on a busy portal the threads queue on it (searches afresh with 32 connections,
/// 407 -> 449 a second with the statistics off). The portal never reads them.
/// </summary>
public static class SqliteEngine
{
    private static int _configured;

    /// <summary>
    /// Turns the library's memory statistics off. Call it first thing in a process, before any
    /// connection opens; later calls do nothing. While memory is in use (a connection is already
    /// open) the library is left as it is, still correct, only with the statistics on.
    /// </summary>
    public static void Configure()
    {
        if (Interlocked.Exchange(ref _configured, 1) == 1) return;
        Batteries_V2.Init();
        if (raw.sqlite3_memory_used() != 0) return;
        raw.sqlite3_shutdown();
        raw.sqlite3_config(raw.SQLITE_CONFIG_MEMSTATUS, 0);
        var status = raw.sqlite3_initialize();
        if (status != raw.SQLITE_OK) throw new InvalidOperationException($"SQLite did not start again (code {status}).");
    }

    /// <summary>The bytes the library counts as in use: those of its open connections, or zero with the statistics off.</summary>
    public static long MemoryCounted => raw.sqlite3_memory_used();
}
