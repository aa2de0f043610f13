namespace NewsPortal.Web.Engagement;

/// <summary>Marks the action whose successful answers are article reads.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CountsArticleReadsAttribute : Attribute;

/// <summary>
/// Counts reads in front of the output cache: most readers get the article from the cache, and the
/// action behind it never runs for them.
/// </summary>
public sealed class CountArticleReads(RequestDelegate next, ViewCounter views)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (context.Response.StatusCode == StatusCodes.Status200OK
            && context.GetEndpoint()?.Metadata.GetMetadata<CountsArticleReadsAttribute>() is not null
            && int.TryParse(context.GetRouteValue("id") as string, out var id))
        {
            views.CountVisit(context.Request, id);
        }
    }
}
