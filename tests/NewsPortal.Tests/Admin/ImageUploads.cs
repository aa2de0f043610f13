using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Tests.Infrastructure;
using NewsPortal.Web.Authorization;

namespace NewsPortal.Tests.Admin;

public class ImageUploads(AdminPortal portal) : IClassFixture<AdminPortal>
{
    // A real 1×1 PNG.
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private Dictionary<string, string> Fields(string headline) => new()
    {
        ["Headline"] = headline,
        ["Body"] = "نص المقال الذي لا يجوز أن يضيع",
        ["SectionId"] = portal.Section.Id.ToString(),
        ["ImageAlt"] = "وصف الصورة",
        ["ImageCaption"] = "تعليق الصورة",
    };

    [Fact]
    public async Task AnImageCheckedByItsContentIsStoredAndServedSafely()
    {
        var (editor, _) = await Staff.SignedInAsync(portal, NewsroomRoles.Editor);
        var response = await editor.SubmitMultipartAsync("/admin/articles/new", "/admin/articles/new", Fields("مقال بصورة"),
            ("Image", "photo.jpeg", Png));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var url = await new Infrastructure.Newsroom(portal).WithDbAsync(db =>
            db.Articles.Where(a => a.Headline == "مقال بصورة").Select(a => a.LeadImageUrl).SingleAsync());
        Assert.Matches(@"^/uploads/[0-9a-f]{32}\.png$", url);

        var image = await portal.CreateReader().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", image.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(Png, await image.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("evil.png", "<script>alert(1)</script>")]
    [InlineData("page.html", "<html><body>hi</body></html>")]
    [InlineData("drawing.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>")]
    [InlineData("../../etc/passwd.jpg", "root:x:0:0")]
    public async Task AFileThatIsNotAnImageIsRefusedAndTheFormKeepsWhatWasTyped(string name, string content)
    {
        var (editor, _) = await Staff.SignedInAsync(portal, NewsroomRoles.Editor);
        var headline = $"مقال بملف مرفوض {Guid.NewGuid():N}";
        var response = await editor.SubmitMultipartAsync("/admin/articles/new", "/admin/articles/new", Fields(headline),
            ("Image", name, System.Text.Encoding.UTF8.GetBytes(content)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Html.ParseAsync(response);
        Assert.Contains("نوع الملف غير مدعوم", document.QuerySelector("#Image + .text-danger").Text());
        Assert.Equal(headline, document.QuerySelector("#Headline")?.GetAttribute("value"));
        Assert.Equal("نص المقال الذي لا يجوز أن يضيع", document.QuerySelector("#Body")?.TextContent);
        Assert.False(await new Infrastructure.Newsroom(portal).WithDbAsync(db => db.Articles.AnyAsync(a => a.Headline == headline)));
        Assert.Empty(Directory.Exists(portal.UploadDirectory) ? Directory.GetFiles(portal.UploadDirectory, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".png")) : []);
    }

    [Fact]
    public async Task AnOversizeImageIsRefusedWithTheLimitInTheMessage()
    {
        var (editor, _) = await Staff.SignedInAsync(portal, NewsroomRoles.Editor);
        var big = new byte[30_000];
        Png.CopyTo(big, 0);
        var response = await editor.SubmitMultipartAsync("/admin/articles/new", "/admin/articles/new", Fields("مقال بصورة كبيرة"),
            ("Image", "big.png", big));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Html.ParseAsync(response);
        Assert.Contains("حجم الصورة يتجاوز الحد المسموح", document.QuerySelector("#Image + .text-danger").Text());
    }
}
