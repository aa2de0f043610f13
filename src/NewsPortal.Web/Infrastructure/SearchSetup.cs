using NewsPortal.Core.Search;

namespace NewsPortal.Web.Infrastructure;

public static class SearchSetup
{
    public static async Task CatchUpSearchIndexAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var changed = await scope.ServiceProvider.GetRequiredService<SearchIndex>().CatchUpAsync(ct);
        if (changed > 0)
        {
            scope.ServiceProvider.GetRequiredService<ILogger<SearchIndex>>()
                .LogInformation("Search index brought up to date: {Rows} articles re-indexed or removed.", changed);
        }
    }
}
