using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NewsPortal.Core.Data;
using NewsPortal.Core.Newsroom;
using NewsPortal.Web.Authorization;

namespace NewsPortal.Web.Infrastructure;

/// <summary>Creates the roles, and the first admin from Admin:Email / Admin:Password when there is no admin yet.</summary>
public sealed class AdminBootstrap(
    RoleManager<IdentityRole> roles,
    UserManager<NewsUser> users,
    NewsDbContext db,
    IOptions<AdminOptions> options,
    ILogger<AdminBootstrap> logger)
{
    public async Task RunAsync()
    {
        foreach (var role in NewsroomRoles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }

        if ((await users.GetUsersInRoleAsync(NewsroomRoles.Admin)).Count > 0) return;

        var (email, password) = (options.Value.Email?.Trim(), options.Value.Password);
        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(password))
        {
            logger.LogWarning("No admin account exists. Set Admin:Email and Admin:Password to create one at start.");
            return;
        }

        var existing = await users.FindByEmailAsync(email);
        var user = existing ?? new NewsUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "مدير الموقع" };
        foreach (var validator in users.PasswordValidators)
        {
            var verdict = await validator.ValidateAsync(users, user, password);
            if (!verdict.Succeeded)
            {
                // Refusing to start beats running with an admin password anyone could guess.
                throw new InvalidOperationException("Admin:Password is too weak: " + string.Join(" ", verdict.Errors.Select(e => e.Code)));
            }
        }

        var result = existing is null
            ? await users.CreateAsync(user, password)
            : await users.HasPasswordAsync(existing) ? IdentityResult.Success : await users.AddPasswordAsync(existing, password);
        if (!result.Succeeded) throw new InvalidOperationException("The first admin account could not be created: " + string.Join(" ", result.Errors.Select(e => e.Code)));
        await users.AddToRoleAsync(user, NewsroomRoles.Admin);

        if (!await db.Authors.AnyAsync(a => a.UserId == user.Id))
        {
            var author = new Author(user.DisplayName ?? email, $"author-{user.Id[..8]}");
            author.LinkTo(user);
            db.Authors.Add(author);
            await db.SaveChangesAsync();
        }
        logger.LogInformation("Created the first admin account {Email}.", email);
    }
}
