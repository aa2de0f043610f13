using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Core.Data;
using NewsPortal.Core.Mail;
using NewsPortal.Core.Newsroom;
using NewsPortal.Web.Areas.Admin.Models;
using NewsPortal.Web.Authorization;
using NewsPortal.Web.Infrastructure;

namespace NewsPortal.Web.Areas.Admin.Controllers;

[Authorize(Policy = NewsroomPolicies.Admins)]
[Route("admin/users")]
public sealed class UsersController(UserManager<NewsUser> users, NewsDbContext db, AccountMail mail, AccountLinks links) : AdminController
{
    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var all = await users.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync();
        var rows = new List<UserRow>();
        foreach (var user in all)
        {
            var role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? "";
            rows.Add(new UserRow(user.Id, user.Email ?? "", user.DisplayName, role,
                user.LockoutEnd == DateTimeOffset.MaxValue, user.TwoFactorEnabled, user.EmailConfirmed));
        }
        return View(new UsersPage(rows, CurrentUserId));
    }

    [HttpGet("invite")]
    public IActionResult Invite() => View(new InviteForm());

    [HttpPost("invite")]
    public async Task<IActionResult> Invite(InviteForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid) return View(form);
        var email = form.Email.Trim();
        if (await users.FindByEmailAsync(email) is not null)
        {
            ModelState.AddModelError(nameof(form.Email), "يوجد حساب بهذا البريد بالفعل.");
            return View(form);
        }

        var user = new NewsUser { UserName = email, Email = email, DisplayName = form.DisplayName.Trim() };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors) ModelState.AddModelError(nameof(form.Email), error.Description);
            return View(form);
        }
        await users.AddToRoleAsync(user, form.Role);

        var author = new Author(user.DisplayName!, $"{Core.Text.Slugs.From(user.DisplayName)}-{user.Id[..4]}");
        author.LinkTo(user);
        db.Authors.Add(author);
        db.AuditLog.Add(Audit(AuditActions.Invite, $"user:{email}", NewsroomRoles.ArabicName(form.Role)));
        await db.SaveChangesAsync(ct);

        var token = await users.GeneratePasswordResetTokenAsync(user);
        await mail.SendInvitationAsync(email, CurrentUserName, NewsroomRoles.ArabicName(form.Role), links.SetPassword(email, token), ct);
        Flash($"أُرسلت الدعوة إلى {email}.");
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id}/role")]
    public async Task<IActionResult> ChangeRole(string id, RoleForm form, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        if (!ModelState.IsValid || id == CurrentUserId)
        {
            Flash(id == CurrentUserId ? "لا يمكنك تغيير دورك بنفسك." : "الدور غير معروف.");
            return RedirectToAction(nameof(Index));
        }

        var before = await users.GetRolesAsync(user);
        await users.RemoveFromRolesAsync(user, before);
        await users.AddToRoleAsync(user, form.Role);
        await users.UpdateSecurityStampAsync(user);
        db.AuditLog.Add(Audit(AuditActions.RoleChange, $"user:{user.Email}",
            $"{string.Join("،", before.Select(NewsroomRoles.ArabicName))} ← {NewsroomRoles.ArabicName(form.Role)}"));
        await db.SaveChangesAsync(ct);
        Flash("تم تغيير الدور.");
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id}/disable")]
    public async Task<IActionResult> Disable(string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        if (id == CurrentUserId)
        {
            Flash("لا يمكنك إيقاف حسابك بنفسك.");
            return RedirectToAction(nameof(Index));
        }
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        // A new stamp ends the account's open sessions.
        await users.UpdateSecurityStampAsync(user);
        db.AuditLog.Add(Audit(AuditActions.Disable, $"user:{user.Email}"));
        await db.SaveChangesAsync(ct);
        Flash("تم إيقاف الحساب.");
        return RedirectToAction(nameof(Index));
    }

    [HttpPost("{id}/enable")]
    public async Task<IActionResult> Enable(string id, CancellationToken ct)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null) return NotFound();
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        db.AuditLog.Add(Audit(AuditActions.Enable, $"user:{user.Email}"));
        await db.SaveChangesAsync(ct);
        Flash("تم تفعيل الحساب.");
        return RedirectToAction(nameof(Index));
    }
}
