using System.Runtime.CompilerServices;
using NewsPortal.Core.Data;

namespace NewsPortal.Tests.Infrastructure;

/// <summary>
/// The portals of this assembly run in its process, and some tests open SQLite themselves before
/// any portal starts: the library's settings are made when the assembly loads, as the portal's
/// Program makes them first thing.
/// </summary>
internal static class SqliteEngineSetup
{
    [ModuleInitializer]
    internal static void Configure() => SqliteEngine.Configure();
}
