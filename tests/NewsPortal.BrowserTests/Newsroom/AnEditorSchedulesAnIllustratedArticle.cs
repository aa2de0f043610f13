using System.Text.RegularExpressions;
using NewsPortal.BrowserTests.Infrastructure;

namespace NewsPortal.BrowserTests.Newsroom;

[Collection(NewsroomCollection.Name)]
public sealed partial class AnEditorSchedulesAnIllustratedArticle(PortalFixture portal)
{
    private static readonly TimeZoneInfo NewsroomTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Riyadh");

    // The scheduled publisher looks every 15 s; the article is due one to two minutes after it was scheduled.
    private static readonly TimeSpan PublisherSlack = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task WritesItWithAnImageSchedulesItAndReadersSeeItOnTheHomePageAtItsTime()
    {
        var editor = await Staff.MemberAsync(portal, "Editor");
        await using var newsroom = await portal.NewVisitorAsync();
        var page = await newsroom.NewPageAsync();
        await Staff.SignInAsync(page, editor, Staff.Password);

        var headline = $"افتتاح حديقة عامة جديدة على ضفاف النهر تتسع لـ{Random.Shared.Next(100, 999)} زائر";
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "مقال جديد" }).ClickAsync();
        await page.GetByLabel("العنوان", new() { Exact = true }).FillAsync(headline);
        await page.GetByLabel("العنوان الفرعي").FillAsync("الحديقة تضم مسارات للمشي وملاعب للأطفال ومكتبة صغيرة في الهواء الطلق.");
        await page.GetByLabel(BodyLabel()).FillAsync("## المشروع\n\nتمتد الحديقة على ضفة النهر الشرقية وتفتح أبوابها للجميع مجانا.\n\n## المواعيد\n\nتستقبل الزوار من الصباح حتى منتصف الليل.");
        await page.GetByLabel("القسم").SelectOptionAsync(new SelectOptionValue { Label = "ثقافة" });
        await page.GetByLabel(ImageLabel()).SetInputFilesAsync(new FilePayload
        {
            Name = "hadiqa.png",
            MimeType = "image/png",
            Buffer = Png.Solid(320, 180, 0x2E, 0x7D, 0x32),
        });
        await page.GetByLabel(AltLabel()).FillAsync("مساحة خضراء على ضفة النهر");
        await page.GetByRole(AriaRole.Button, new() { Name = "حفظ المسودة" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(EditorAddress());
        await Expect(page.Locator("img.current-image")).ToHaveAttributeAsync("src", UploadAddress());

        var due = NextWholeMinuteAtLeast(TimeSpan.FromSeconds(40));
        var local = TimeZoneInfo.ConvertTimeFromUtc(due, NewsroomTime);
        await page.GetByLabel(ScheduleLabel()).FillAsync(local.ToString("yyyy-MM-ddTHH:mm"));
        await page.GetByRole(AriaRole.Button, new() { Name = "جدولة" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("جُدول المقال للنشر");
        await Expect(page.Locator(".article-state time")).ToHaveAttributeAsync("datetime", new Regex($"^{local:yyyy-MM-ddTHH:mm}"));

        await using var readers = await portal.NewVisitorAsync();
        var home = await readers.NewPageAsync();
        await home.GotoAsync("/");
        var story = home.GetByRole(AriaRole.Link, new() { Name = headline });
        await Expect(story).ToHaveCountAsync(0);

        await ComesUpOnTheHomePageAsync(home, story, due + PublisherSlack + TimeSpan.FromMinutes(1));
        Assert.True(DateTime.UtcNow >= due, $"The article was on the home page before its time ({due:HH:mm:ss} UTC).");

        await story.First.ClickAsync();
        await Expect(home.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(headline);
        var image = home.GetByRole(AriaRole.Img, new() { Name = "مساحة خضراء على ضفة النهر" });
        await Expect(image).ToHaveAttributeAsync("src", UploadAddress());
        await Expect(image).ToHaveJSPropertyAsync("naturalWidth", 320);
    }

    /// <summary>Reloads the home page, as a reader waiting for news would, until the story is there.</summary>
    private static async Task ComesUpOnTheHomePageAsync(IPage home, ILocator story, DateTime deadline)
    {
        while (await story.CountAsync() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The scheduled article was not on the home page by {deadline:HH:mm:ss} UTC.");
            await Task.Delay(TimeSpan.FromSeconds(2));
            await home.ReloadAsync();
        }
    }

    /// <summary>The datetime-local field takes whole minutes; the first one at least <paramref name="ahead"/> away.</summary>
    private static DateTime NextWholeMinuteAtLeast(TimeSpan ahead)
    {
        var earliest = DateTime.UtcNow + ahead;
        var minute = new DateTime(earliest.Ticks - earliest.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
        return minute < earliest ? minute.AddMinutes(1) : minute;
    }

    [GeneratedRegex(@"^النص \(Markdown")]
    private static partial Regex BodyLabel();

    [GeneratedRegex(@"^رفع صورة")]
    private static partial Regex ImageLabel();

    [GeneratedRegex(@"^النص البديل")]
    private static partial Regex AltLabel();

    [GeneratedRegex(@"^أو جدول النشر")]
    private static partial Regex ScheduleLabel();

    [GeneratedRegex(@"/admin/articles/\d+/edit$")]
    private static partial Regex EditorAddress();

    // The stored name carries the image's size, from which pages write width, height and srcset.
    [GeneratedRegex(@"^/uploads/[0-9a-f]+-320x180\.png$")]
    private static partial Regex UploadAddress();
}
