using NewsPortal.BrowserTests.Infrastructure;

namespace NewsPortal.BrowserTests.Newsroom;

[Collection(NewsroomCollection.Name)]
public sealed class AnAdminInvitesAWriter(PortalFixture portal)
{
    [Fact]
    public async Task TheWriterChoosesAPasswordFromTheEmailAndSignsIn()
    {
        var email = $"writer-{Guid.NewGuid():N}@newsroom.example";

        await using var adminBrowser = await portal.NewVisitorAsync();
        var admin = await adminBrowser.NewPageAsync();
        await Staff.SignInAsync(admin, PortalFixture.AdminEmail, PortalFixture.AdminPassword);
        await admin.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "الحسابات" }).ClickAsync();
        await admin.GetByRole(AriaRole.Link, new() { Name = "دعوة عضو جديد" }).ClickAsync();
        await Staff.InviteAsync(admin, email, "نادر الخطيب", "Writer");
        var row = admin.GetByRole(AriaRole.Row).Filter(new() { HasText = email });
        await Expect(row).ToContainTextAsync("بانتظار قبول الدعوة");

        await using var writerBrowser = await portal.NewVisitorAsync();
        var writer = await writerBrowser.NewPageAsync();
        await Staff.AcceptInvitationAsync(writer, portal, email, Staff.Password);
        await writer.GetByRole(AriaRole.Link, new() { Name = "تسجيل الدخول" }).ClickAsync();
        await writer.GetByLabel("البريد الإلكتروني").FillAsync(email);
        await writer.GetByLabel("كلمة المرور").FillAsync(Staff.Password);
        await writer.GetByRole(AriaRole.Button, new() { Name = "دخول" }).ClickAsync();

        await Expect(writer.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("لوحة التحكم");
        await Expect(writer.Locator(".admin-user")).ToHaveTextAsync(email);
        var menu = writer.GetByRole(AriaRole.Navigation, new() { Name = "قائمة الإدارة" });
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "مقال جديد" })).ToBeVisibleAsync();
        await Expect(menu.GetByRole(AriaRole.Link, new() { Name = "الحسابات" })).ToHaveCountAsync(0);

        await admin.ReloadAsync();
        await Expect(row).ToContainTextAsync("نشط");
    }
}
