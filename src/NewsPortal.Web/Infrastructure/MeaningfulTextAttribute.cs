using System.ComponentModel.DataAnnotations;
using NewsPortal.Core.Text;

namespace NewsPortal.Web.Infrastructure;

/// <summary>
/// A required one-line field must still say something once invisible and control characters are
/// taken out; "[Required]" alone accepts a line of zero-width or direction marks.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MeaningfulTextAttribute : ValidationAttribute
{
    public override bool IsValid(object? value) =>
        value is not string text || TextTools.NormaliseLine(text).Any(char.IsLetterOrDigit);
}
