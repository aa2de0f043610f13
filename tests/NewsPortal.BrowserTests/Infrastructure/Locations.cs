using System.Reflection;

namespace NewsPortal.BrowserTests.Infrastructure;

/// <summary>Where things are on disk, as the build recorded them.</summary>
public static class Locations
{
    public static string PortalAssembly => Recorded("PortalAssembly");

    public static string NodeModules => Recorded("NodeModules");

    /// <summary>Screenshots and other things a person may want to look at after a run; under bin/, so never committed.</summary>
    public static string Screenshots { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    /// <summary>What each portal process logged in this run; an earlier run's logs are cleared.</summary>
    public static string Logs { get; } = Fresh(Path.Combine(AppContext.BaseDirectory, "logs"));

    /// <summary>Debian's Chromium; test.sh installs it when it is missing. No browser is ever downloaded.</summary>
    public const string Chromium = "/usr/bin/chromium";

    private static string Fresh(string directory)
    {
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        return Directory.CreateDirectory(directory).FullName;
    }

    private static string Recorded(string key) =>
        typeof(Locations).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == key)?.Value
        ?? throw new InvalidOperationException($"The build did not record {key}.");
}
