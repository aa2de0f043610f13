using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;

namespace NewsPortal.Web.Infrastructure;

public static class ArabicTextEncoding
{
    /// <summary>
    /// Razor's encoder escapes every non-Latin letter by default, which triples the size of an
    /// Arabic page; letting the Arabic blocks through keeps pages small and their source readable.
    /// </summary>
    public static IServiceCollection AddArabicTextEncoding(this IServiceCollection services) =>
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(
            UnicodeRanges.BasicLatin,
            UnicodeRanges.Latin1Supplement,
            UnicodeRanges.Arabic,
            UnicodeRanges.ArabicSupplement,
            UnicodeRanges.ArabicExtendedA,
            UnicodeRanges.ArabicPresentationFormsA,
            UnicodeRanges.ArabicPresentationFormsB));
}
