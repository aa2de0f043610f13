using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;

namespace NewsPortal.Web.Infrastructure;

public static class ArabicTextEncoding
{
    /// <summary>
    /// Razor's encoder escapes every non-Latin letter by default, which triples the size of an
    /// Arabic page; letting the Arabic blocks through keeps pages small and their source readable.
    /// JSON answers get the same treatment, so scripts receive Arabic as UTF-8 too.
    /// </summary>
    public static IServiceCollection AddArabicTextEncoding(this IServiceCollection services)
    {
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = Settings());
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(options =>
            options.JsonSerializerOptions.Encoder = JavaScriptEncoder.Create(Settings()));
        return services;
    }

    /// <summary>The encoder settings for anything else that writes text into pages (structured data).</summary>
    public static TextEncoderSettings Settings() => new(
        UnicodeRanges.BasicLatin,
        UnicodeRanges.Latin1Supplement,
        UnicodeRanges.Arabic,
        UnicodeRanges.ArabicSupplement,
        UnicodeRanges.ArabicExtendedA,
        UnicodeRanges.ArabicPresentationFormsA,
        UnicodeRanges.ArabicPresentationFormsB);
}
