using System.Text.RegularExpressions;

namespace NewsPortal.BrowserTests.Infrastructure;

/// <summary>What members of the newsroom do in the admin area, step by step as a person does it.</summary>
public static partial class Staff
{
    public const string Password = "tea by the window at dawn";

    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/admin/account/login");
        await page.GetByLabel("البريد الإلكتروني").FillAsync(email);
        await page.GetByLabel("كلمة المرور").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "دخول" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(AdminHome());
    }

    /// <summary>An admin, already signed in on <paramref name="page"/>, invites someone with a role.</summary>
    public static async Task InviteAsync(IPage page, string email, string displayName, string role)
    {
        await page.GotoAsync("/admin/users/invite");
        await page.GetByLabel("البريد الإلكتروني").FillAsync(email);
        await page.GetByLabel("الاسم كما يظهر للقراء").FillAsync(displayName);
        await page.GetByLabel("الدور").SelectOptionAsync(role);
        await page.GetByRole(AriaRole.Button, new() { Name = "أرسل الدعوة" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(email);
    }

    /// <summary>The invited person opens the link in their invitation and chooses a password.</summary>
    public static async Task AcceptInvitationAsync(IPage page, PortalFixture portal, string email, string password)
    {
        var invitation = await Mailbox.WaitForMessageToAsync(portal.Portal.MailDirectory, email);
        await page.GotoAsync(Mailbox.LinkInto(invitation, portal.BaseUrl).ToString());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("اختيار كلمة المرور");
        await page.GetByLabel("كلمة المرور", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("أعد كتابة كلمة المرور").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "حفظ كلمة المرور" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("تم حفظ كلمة المرور");
    }

    /// <summary>A new member of the newsroom with the role, invited by the admin, who has chosen their password.</summary>
    public static async Task<string> MemberAsync(PortalFixture portal, string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@newsroom.example";
        await using (var admin = await portal.SignedInAdminAsync())
        {
            await InviteAsync(await admin.NewPageAsync(), email, "سلمى الحداد", role);
        }
        await using (var invited = await portal.NewVisitorAsync())
        {
            await AcceptInvitationAsync(await invited.NewPageAsync(), portal, email, Password);
        }
        return email;
    }

    [GeneratedRegex(@"/admin$")]
    private static partial Regex AdminHome();
}
