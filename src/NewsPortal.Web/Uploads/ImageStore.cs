using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using NewsPortal.Web.Infrastructure;

namespace NewsPortal.Web.Uploads;

/// <summary>
/// Keeps uploaded images: the type is read from the file's first bytes, never from its name or the
/// browser's claim, and the stored name is ours, so nothing uploaded can become a script or a path.
/// </summary>
public sealed class ImageStore(IOptions<UploadOptions> options)
{
    public const string UrlPrefix = "/uploads";

    private static readonly (string Extension, string ContentType, byte?[] Signature)[] Formats =
    [
        (".jpg", "image/jpeg", [0xFF, 0xD8, 0xFF]),
        (".png", "image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        (".gif", "image/gif", [0x47, 0x49, 0x46, 0x38]),
        (".webp", "image/webp", [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50]),
    ];

    public static IReadOnlyDictionary<string, string> ContentTypes { get; } =
        Formats.ToDictionary(f => f.Extension, f => f.ContentType, StringComparer.OrdinalIgnoreCase);

    public long MaxBytes => options.Value.MaxBytes;

    /// <summary>Stores the image and returns its public URL, or an Arabic reason for refusing it.</summary>
    public async Task<(string? Url, string? Error)> SaveAsync(IFormFile file, CancellationToken ct)
    {
        if (file.Length == 0) return (null, "الملف المرفوع فارغ.");
        if (file.Length > MaxBytes) return (null, $"حجم الصورة يتجاوز الحد المسموح ({MaxBytes / (1024 * 1024)} ميغابايت).");

        var head = new byte[12];
        await using (var peek = file.OpenReadStream())
        {
            var read = await peek.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
            Array.Resize(ref head, read);
        }
        var format = Formats.FirstOrDefault(f => Matches(head, f.Signature));
        if (format.Extension is null) return (null, "نوع الملف غير مدعوم؛ الصور المقبولة: JPEG وPNG وGIF وWebP.");

        // Within the size limit checked above, so holding it in memory is bounded.
        byte[] bytes;
        await using (var source = file.OpenReadStream())
        using (var buffer = new MemoryStream((int)file.Length))
        {
            await source.CopyToAsync(buffer, ct);
            bytes = buffer.ToArray();
        }
        var size = ResponsiveImages.Measure(bytes);
        if (size is null) return (null, "تعذرت قراءة الصورة؛ قد يكون الملف تالفا. جرّب حفظها من جديد ثم ارفعها.");

        // The name promises the narrower copies to every page that shows it; an image that did not get
        // them all (a rotated photo) keeps a plain name and is shown as it is.
        var variants = ResponsiveImages.Resize(bytes, format.Extension).ToList();
        var id = Guid.NewGuid();
        var name = variants.Count == ResponsiveImages.CopiesFor(size.Value, format.Extension)
            ? ResponsiveImages.FileName(id, size.Value, format.Extension)
            : $"{id:N}{format.Extension}";

        Directory.CreateDirectory(options.Value.FullPath);
        foreach (var (width, resized) in variants)
        {
            await File.WriteAllBytesAsync(Path.Combine(options.Value.FullPath, ResponsiveImages.VariantName(name, width)), resized, ct);
        }
        // The original last: once its name exists, so do its copies.
        await File.WriteAllBytesAsync(Path.Combine(options.Value.FullPath, name), bytes, ct);
        return ($"{UrlPrefix}/{name}", null);
    }

    private static bool Matches(byte[] head, byte?[] signature) =>
        head.Length >= signature.Length && signature.Select((b, i) => b is null || head[i] == b).All(x => x);

    public IFileProvider FileProvider()
    {
        Directory.CreateDirectory(options.Value.FullPath);
        return new PhysicalFileProvider(options.Value.FullPath);
    }
}
