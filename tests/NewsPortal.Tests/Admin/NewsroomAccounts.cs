using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Newsroom;
using NewsPortal.Tests.Infrastructure;
using NewsPortal.Web.Authorization;

namespace NewsPortal.Tests.Admin;

public class NewsroomAccounts(AdminPortal portal) : IClassFixture<AdminPortal>
{
    private const string SignInFailed = "البريد الإلكتروني أو كلمة المرور غير صحيحين، أو أن الحساب موقوف مؤقتا.";

    private static async Task<string> SignInErrorAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await Html.ParseAsync(response)).QuerySelector(".validation-summary-errors").Text();
    }

    [Fact]
    public async Task TheFirstAdminComesFromConfiguration()
    {
        var browser = Staff.Browser(portal);
        var response = await Staff.SignInAsync(browser, AdminPortal.AdminEmail, AdminPortal.AdminPassword);
        Assert.Equal("/admin", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task AnAccountIsLockedForFifteenMinutesAfterFiveWrongPasswords()
    {
        var user = await Staff.CreateAsync(portal, NewsroomRoles.Writer);
        var browser = Staff.Browser(portal);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(SignInFailed, await SignInErrorAsync(await Staff.SignInAsync(browser, user.Email!, "not the right passphrase")));
        }

        // The right password no longer opens the account, and the answer reads like any other failure.
        Assert.Equal(SignInFailed, await SignInErrorAsync(await Staff.SignInAsync(browser, user.Email!, Staff.Password)));

        // Identity keeps lockouts on the system clock: the end is stored fifteen minutes ahead.
        var lockoutEnd = await new Infrastructure.Newsroom(portal).WithDbAsync(db =>
            db.Users.Where(u => u.Id == user.Id).Select(u => u.LockoutEnd).SingleAsync());
        Assert.NotNull(lockoutEnd);
        Assert.InRange(lockoutEnd.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }

    [Fact]
    public async Task SignInFailuresNeverRevealWhetherAnAccountExists()
    {
        var user = await Staff.CreateAsync(portal, NewsroomRoles.Writer);
        var browser = Staff.Browser(portal);
        var known = await SignInErrorAsync(await Staff.SignInAsync(browser, user.Email!, "wrong passphrase here"));
        var unknown = await SignInErrorAsync(await Staff.SignInAsync(browser, "nobody-here@newsroom.example", "wrong passphrase here"));
        Assert.Equal(known, unknown);

        var resetKnown = await (await browser.SubmitAsync("/admin/account/forgot-password", "/admin/account/forgot-password", new() { ["Email"] = user.Email! })).Content.ReadAsStringAsync();
        var resetUnknown = await (await browser.SubmitAsync("/admin/account/forgot-password", "/admin/account/forgot-password", new() { ["Email"] = "nobody-here@newsroom.example" })).Content.ReadAsStringAsync();
        Assert.Equal(Strip(resetKnown), Strip(resetUnknown));
        Assert.Equal(0, Mailbox.CountTo(portal.MailDirectory, "nobody-here@newsroom.example"));
    }

    private static string Strip(string html) => System.Text.RegularExpressions.Regex.Replace(html, "value=\"[^\"]*\"", "");

    [Fact]
    public async Task AForgottenPasswordIsResetFromTheEmailedLink()
    {
        var user = await Staff.CreateAsync(portal, NewsroomRoles.Editor);
        var browser = Staff.Browser(portal);
        await browser.SubmitAsync("/admin/account/forgot-password", "/admin/account/forgot-password", new() { ["Email"] = user.Email! });

        var message = await Mailbox.WaitForMessageToAsync(portal.MailDirectory, user.Email!);
        Assert.Equal("إعادة تعيين كلمة المرور", message.Subject);
        var link = Mailbox.AdminLink(message);
        var newPassword = "a brand new reset passphrase";
        var set = await browser.SubmitAsync(link, "/admin/account/set-password", new()
        {
            ["Email"] = user.Email!,
            ["Token"] = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + link).Query)["token"]!,
            ["Password"] = newPassword,
            ["ConfirmPassword"] = newPassword,
        });
        Assert.Contains("تم حفظ كلمة المرور", await set.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, (await Staff.SignInAsync(browser, user.Email!, Staff.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Staff.SignInAsync(browser, user.Email!, newPassword)).StatusCode);
    }

    [Fact]
    public async Task AShortPasswordIsRefusedWithAnArabicMessage()
    {
        var user = await Staff.CreateAsync(portal, NewsroomRoles.Editor);
        string token;
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<NewsUser>>();
            token = await users.GeneratePasswordResetTokenAsync((await users.FindByEmailAsync(user.Email!))!);
        }
        var browser = Staff.Browser(portal);
        var link = $"/admin/account/set-password?email={Uri.EscapeDataString(user.Email!)}&token={Uri.EscapeDataString(token)}";
        var response = await browser.SubmitAsync(link, "/admin/account/set-password", new()
        {
            ["Email"] = user.Email!, ["Token"] = token, ["Password"] = "short", ["ConfirmPassword"] = "short",
        });
        Assert.Contains("يجب ألا تقل كلمة المرور عن 12 حرفا.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnAdminInvitesAWriterWhoSetsAPasswordAndSignsIn()
    {
        var admin = Staff.Browser(portal);
        await Staff.SignInAsync(admin, AdminPortal.AdminEmail, AdminPortal.AdminPassword);
        var email = $"new-writer-{Guid.NewGuid():N}@newsroom.example";
        var invite = await admin.SubmitAsync("/admin/users/invite", "/admin/users/invite", new()
        {
            ["Email"] = email, ["DisplayName"] = "هالة الكاتبة", ["Role"] = NewsroomRoles.Writer,
        });
        Assert.Equal("/admin/users", invite.Headers.Location?.OriginalString);

        var message = await Mailbox.WaitForMessageToAsync(portal.MailDirectory, email);
        Assert.Equal("دعوة للانضمام إلى فريق التحرير", message.Subject);
        var link = Mailbox.AdminLink(message);
        var writer = Staff.Browser(portal);
        var password = "the invited writer passphrase";
        await writer.SubmitAsync(link, "/admin/account/set-password", new()
        {
            ["Email"] = email,
            ["Token"] = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + link).Query)["token"]!,
            ["Password"] = password,
            ["ConfirmPassword"] = password,
        });

        Assert.Equal(HttpStatusCode.Redirect, (await Staff.SignInAsync(writer, email, password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await writer.GetAsync("/admin/articles/new")).StatusCode);
        Assert.StartsWith("http://localhost/admin/account/denied", (await writer.GetAsync("/admin/sections")).Headers.Location?.ToString());
        Assert.True(await new Infrastructure.Newsroom(portal).WithDbAsync(db => db.Authors.AnyAsync(a => a.DisplayName == "هالة الكاتبة" && a.User!.Email == email)));
    }

    [Fact]
    public async Task AnAdminChangesARoleAndDisablesAnAccountAndBothAreAudited()
    {
        var user = await Staff.CreateAsync(portal, NewsroomRoles.Writer);
        var admin = Staff.Browser(portal);
        await Staff.SignInAsync(admin, AdminPortal.AdminEmail, AdminPortal.AdminPassword);

        await admin.SubmitAsync("/admin/users", $"/admin/users/{user.Id}/role", new() { ["Role"] = NewsroomRoles.Editor });
        await using (var scope = portal.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<NewsUser>>();
            Assert.Equal([NewsroomRoles.Editor], await users.GetRolesAsync((await users.FindByIdAsync(user.Id))!));
        }

        await admin.SubmitAsync("/admin/users", $"/admin/users/{user.Id}/disable", []);
        var browser = Staff.Browser(portal);
        Assert.Equal(SignInFailed, await SignInErrorAsync(await Staff.SignInAsync(browser, user.Email!, Staff.Password)));

        var actions = await new Infrastructure.Newsroom(portal).WithDbAsync(db =>
            db.AuditLog.Where(e => e.Subject == $"user:{user.Email}").OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
        Assert.Equal([AuditActions.RoleChange, AuditActions.Disable], actions);
    }

    [Fact]
    public async Task TwoFactorSignInAsksForTheAuthenticatorCode()
    {
        var (browser, user) = await Staff.SignedInAsync(portal, NewsroomRoles.Editor);
        var setup = await browser.GetDocumentAsync("/admin/account/two-factor-setup");
        var key = setup.QuerySelector("code.shared-key").Text();
        Assert.False(string.IsNullOrEmpty(key));

        var wrong = await browser.SubmitAsync("/admin/account/two-factor-setup", "/admin/account/two-factor-setup", new() { ["Code"] = "000000" });
        Assert.Contains("الرمز غير صحيح.", await wrong.Content.ReadAsStringAsync());
        var enable = await browser.SubmitAsync("/admin/account/two-factor-setup", "/admin/account/two-factor-setup",
            new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal(HttpStatusCode.Redirect, enable.StatusCode);

        var fresh = Staff.Browser(portal);
        var first = await Staff.SignInAsync(fresh, user.Email!, Staff.Password);
        Assert.StartsWith("/admin/account/two-factor", first.Headers.Location?.OriginalString);
        Assert.StartsWith("http://localhost/admin/account/login", (await fresh.GetAsync("/admin")).Headers.Location?.ToString());

        var second = await fresh.SubmitAsync(first.Headers.Location!.OriginalString, "/admin/account/two-factor",
            new() { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow), ["ReturnUrl"] = "/admin" });
        Assert.Equal("/admin", second.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await fresh.GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task SignInOnlyReturnsToAddressesOnThisSite()
    {
        var user = await Staff.CreateAsync(portal, NewsroomRoles.Writer);
        var browser = Staff.Browser(portal);
        var offsite = await Staff.SignInAsync(browser, user.Email!, Staff.Password, "https://evil.example/phish");
        Assert.Equal("/admin", offsite.Headers.Location?.OriginalString);

        var other = Staff.Browser(portal);
        var local = await Staff.SignInAsync(other, user.Email!, Staff.Password, "/admin/articles");
        Assert.Equal("/admin/articles", local.Headers.Location?.OriginalString);
    }
}
