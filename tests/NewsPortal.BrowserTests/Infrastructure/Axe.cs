using System.Text.Json;

namespace NewsPortal.BrowserTests.Infrastructure;

/// <summary>axe-core, from npm, run inside the page as it stands.</summary>
public static class Axe
{
    private static readonly Lazy<string> Source = new(() =>
    {
        var path = Path.Combine(Locations.NodeModules, "axe-core", "axe.min.js");
        if (!File.Exists(path)) throw new FileNotFoundException("axe-core is not installed; ./test.sh runs npm ci for it.", path);
        return File.ReadAllText(path);
    });

    public sealed record Violation(string Id, string Impact, string Help, string[] Nodes)
    {
        public override string ToString() => $"{Impact} {Id}: {Help}\n    " + string.Join("\n    ", Nodes);
    }

    /// <summary>
    /// The page's serious and critical violations. The site's Content-Security-Policy allows no inline
    /// script, so the page must come from a context opened with BypassCSP for the script tag to run.
    /// </summary>
    public static async Task<IReadOnlyList<Violation>> SeriousViolationsAsync(IPage page)
    {
        await page.AddScriptTagAsync(new() { Content = Source.Value });
        var json = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return result.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => ({
                  id: v.id,
                  impact: v.impact,
                  help: v.help,
                  nodes: v.nodes.map(n => n.target.join(' ') + ' — ' + (n.failureSummary || '').replace(/\s+/g, ' ')),
                }));
            }
            """);
        return json.Deserialize<Violation[]>(new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? [];
    }
}
