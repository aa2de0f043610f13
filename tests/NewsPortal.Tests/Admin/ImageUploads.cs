using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsPortal.Tests.Infrastructure;
using NewsPortal.Web.Authorization;
using SkiaSharp;

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
        // A 1×1 image: its size in the name, and no narrower copies to make.
        Assert.Matches(@"^/uploads/[0-9a-f]{32}-1x1\.png$", url);

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

    private static byte[] WidePng(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SteelBlue);
            canvas.DrawRect(0, 0, width / 2f, height / 2f, new SKPaint { Color = SKColors.Gold });
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    private async Task<string> UploadAsync(string headline, byte[] image)
    {
        var (editor, _) = await Staff.SignedInAsync(portal, NewsroomRoles.Editor);
        var response = await editor.SubmitMultipartAsync("/admin/articles/new", "/admin/articles/new", Fields(headline), ("Image", "photo.png", image));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (await new Infrastructure.Newsroom(portal).WithDbAsync(db =>
            db.Articles.Where(a => a.Headline == headline).Select(a => a.LeadImageUrl).SingleAsync()))!;
    }

    [Fact]
    public async Task AWideImageGetsNarrowerCopiesButNeverAWiderOne()
    {
        var url = await UploadAsync("مقال بصورة عريضة", WidePng(1000, 500));
        Assert.Matches(@"^/uploads/[0-9a-f]{32}-1000x500\.png$", url);

        var reader = portal.CreateReader();
        foreach (var (width, height) in new[] { (480, 240), (960, 480) })
        {
            var copy = await reader.GetAsync(url.Replace(".png", $"-{width}w.png"));
            Assert.Equal(HttpStatusCode.OK, copy.StatusCode);
            using var decoded = SKBitmap.Decode(await copy.Content.ReadAsByteArrayAsync());
            Assert.Equal((width, height), (decoded.Width, decoded.Height));
        }
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(url.Replace(".png", "-1600w.png"))).StatusCode);
    }

    [Fact]
    public async Task PagesOfferTheCopiesWithTheImagesSize()
    {
        var url = await UploadAsync("مقال بصورة للصفحة", WidePng(1000, 500));
        var newsroom = new Infrastructure.Newsroom(portal);
        var article = await newsroom.PublishedAsync("خبر بصورة مرفوعة", portal.Section, 1, image: url);

        var page = await portal.CreateReader().GetDocumentAsync($"/articles/{article.Id}/{Uri.EscapeDataString(article.Slug)}");
        var img = page.QuerySelector(".story-image img")!;
        var stem = url[..^".png".Length];
        Assert.Equal($"{stem}-480w.png 480w, {stem}-960w.png 960w, {url} 1000w", img.GetAttribute("srcset"));
        Assert.NotNull(img.GetAttribute("sizes"));
        Assert.Equal(("1000", "500"), (img.GetAttribute("width"), img.GetAttribute("height")));
    }

    [Fact]
    public async Task AFileThatLooksLikeAnImageButCannotBeReadIsRefused()
    {
        var (editor, _) = await Staff.SignedInAsync(portal, NewsroomRoles.Editor);
        var broken = Png[..16].Concat(new byte[200]).ToArray();
        var response = await editor.SubmitMultipartAsync("/admin/articles/new", "/admin/articles/new", Fields("مقال بصورة تالفة"),
            ("Image", "broken.png", broken));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await Html.ParseAsync(response);
        Assert.Contains("تعذرت قراءة الصورة", document.QuerySelector("#Image + .text-danger").Text());
    }
}
