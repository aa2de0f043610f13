using System.Globalization;
using System.Text.RegularExpressions;
using SkiaSharp;

namespace NewsPortal.Web.Uploads;

/// <summary>
/// Uploaded images in the widths screens ask for. The stored name carries the original's size
/// (<c>{id}-{width}x{height}.jpg</c>) and each narrower copy adds its width (<c>…-480w.jpg</c>), so a
/// page writes width, height and srcset from the address alone, without touching the disk.
/// </summary>
public static partial class ResponsiveImages
{
    /// <summary>A phone, a column on a laptop, a wide or dense screen. Only widths below the original's are made.</summary>
    public static readonly int[] Widths = [480, 960, 1600];

    /// <summary>How wide the lead and article images show: the page's container, or the whole screen below it.</summary>
    public const string FullWidthSizes = "(min-width: 1200px) 1140px, 100vw";

    /// <summary>Cards sit three, two or one to a row.</summary>
    public const string CardSizes = "(min-width: 992px) 33vw, (min-width: 576px) 50vw, 100vw";

    private const int JpegQuality = 82;
    private const int WebpQuality = 80;

    public readonly record struct Size(int Width, int Height);

    /// <summary>What a page needs to write an image: its size and, when narrower copies exist, a srcset.</summary>
    public sealed record Rendition(int Width, int Height, string? SrcSet);

    /// <summary>The image's size as it is shown (EXIF rotation applied), or null when it cannot be decoded.</summary>
    public static Size? Measure(byte[] bytes)
    {
        using var codec = SKCodec.Create(new MemoryStream(bytes));
        if (codec is null || codec.Info.Width <= 0 || codec.Info.Height <= 0) return null;
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        return IsQuarterTurned(codec.EncodedOrigin) ? new Size(height, width) : new Size(width, height);
    }

    /// <summary>How many narrower copies an image of this size and type gets.</summary>
    public static int CopiesFor(Size size, string extension) => extension == ".gif" ? 0 : Widths.Count(w => w < size.Width);

    public static string FileName(Guid id, Size size, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"{id:N}-{size.Width}x{size.Height}{extension}");

    public static string VariantName(string fileName, int width) =>
        string.Create(CultureInfo.InvariantCulture, $"{Path.GetFileNameWithoutExtension(fileName)}-{width}w{Path.GetExtension(fileName)}");

    /// <summary>
    /// Narrower copies, never wider than the original. GIFs are left alone (a copy would lose the
    /// animation), and so are photos whose EXIF asks for a rotation, which a copy would not carry.
    /// </summary>
    public static IEnumerable<(int Width, byte[] Bytes)> Resize(byte[] bytes, string extension)
    {
        var format = extension switch
        {
            ".jpg" => SKEncodedImageFormat.Jpeg,
            ".png" => SKEncodedImageFormat.Png,
            ".webp" => SKEncodedImageFormat.Webp,
            _ => (SKEncodedImageFormat?)null,
        };
        if (format is null) yield break;
        using var codec = SKCodec.Create(new MemoryStream(bytes));
        if (codec is null || codec.EncodedOrigin != SKEncodedOrigin.TopLeft) yield break;
        using var original = SKBitmap.Decode(codec);
        if (original is null) yield break;

        foreach (var width in Widths.Where(w => w < original.Width))
        {
            var height = Math.Max(1, (int)Math.Round((double)original.Height * width / original.Width));
            using var resized = original.Resize(new SKImageInfo(width, height, original.ColorType, original.AlphaType),
                new SKSamplingOptions(SKCubicResampler.Mitchell));
            if (resized is null) continue;
            using var data = resized.Encode(format.Value, format == SKEncodedImageFormat.Webp ? WebpQuality : JpegQuality);
            if (data is not null) yield return (width, data.ToArray());
        }
    }

    /// <summary>The size and srcset of an uploaded image, from its address; null for any other image.</summary>
    public static Rendition? Of(string? url)
    {
        if (url is null) return null;
        var match = UploadName().Match(url);
        if (!match.Success) return null;
        var width = int.Parse(match.Groups["width"].Value, CultureInfo.InvariantCulture);
        var height = int.Parse(match.Groups["height"].Value, CultureInfo.InvariantCulture);
        var narrower = Widths.Take(CopiesFor(new Size(width, height), match.Groups["ext"].Value)).ToList();
        if (narrower.Count == 0) return new Rendition(width, height, null);
        var stem = url[..^match.Groups["ext"].Value.Length];
        var srcset = string.Join(", ", narrower
            .Select(w => string.Create(CultureInfo.InvariantCulture, $"{stem}-{w}w{match.Groups["ext"].Value} {w}w"))
            .Append(string.Create(CultureInfo.InvariantCulture, $"{url} {width}w")));
        return new Rendition(width, height, srcset);
    }

    private static bool IsQuarterTurned(SKEncodedOrigin origin) =>
        origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    [GeneratedRegex(@"^/uploads/[0-9a-f]{32}-(?<width>[1-9][0-9]{0,5})x(?<height>[1-9][0-9]{0,5})(?<ext>\.(jpg|png|gif|webp))$")]
    private static partial Regex UploadName();
}
