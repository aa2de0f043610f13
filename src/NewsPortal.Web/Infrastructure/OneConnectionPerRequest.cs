using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;

namespace NewsPortal.Web.Infrastructure;

/// <summary>
/// A reader page asks a dozen small questions: the article, its byline and tags, the related
/// stories, and the layout's blocks. Left to itself the context takes a connection from the pool and
/// gives it back around each of them, which cost about a third of the uncached article page's time.
/// Opened here, the one connection serves the action and the view's components; the context closes
/// it when the request's scope ends. Actions marked <see cref="OpensItsOwnConnectionAttribute"/>
/// are left to open one only when they need it; for them this filter does not take a context from
/// the pool either (their own constructors may).
/// </summary>
public sealed class OneConnectionPerRequest : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<OpensItsOwnConnectionAttribute>() is null)
        {
            var db = context.HttpContext.RequestServices.GetRequiredService<NewsDbContext>();
            await db.Database.OpenConnectionAsync(context.HttpContext.RequestAborted);
        }
        await next();
    }
}

/// <summary>
/// An action whose usual request asks EF Core nothing (its data comes from kept blocks or kept
/// statements): opening the shared connection, and handing it back, would be most of its database
/// cost. Where it does ask (a block to load again), it opens the connection itself first.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class OpensItsOwnConnectionAttribute : Attribute;
