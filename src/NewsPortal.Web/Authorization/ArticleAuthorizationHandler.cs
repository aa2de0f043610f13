using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using NewsPortal.Core.Newsroom;

namespace NewsPortal.Web.Authorization;

public static class ArticleOperations
{
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = nameof(Edit) };
}

/// <summary>Editors and admins edit any article; a writer edits only their own, and only while it is in progress.</summary>
public sealed class ArticleAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, Article>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, Article article)
    {
        if (requirement.Name != ArticleOperations.Edit.Name) return Task.CompletedTask;

        var user = context.User;
        if (user.IsInRole(NewsroomRoles.Admin) || user.IsInRole(NewsroomRoles.Editor))
        {
            context.Succeed(requirement);
        }
        else if (user.IsInRole(NewsroomRoles.Writer)
                 && article.OwnerId is not null
                 && article.OwnerId == user.FindFirstValue(ClaimTypes.NameIdentifier)
                 && article.IsInProgress)
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
