using System.ComponentModel.DataAnnotations;
using NewsPortal.Web.Infrastructure;

namespace NewsPortal.Web.Areas.Admin.Models;

public sealed record SectionRow(int Id, string Name, string Slug, int Position, int Articles);

public sealed record SectionsPage(IReadOnlyList<SectionRow> Sections) : IAdminPage
{
    public string Title => "الأقسام";
}

public sealed class SectionForm : IAdminPage
{
    public int? Id { get; set; }

    [Required(ErrorMessage = "أدخل اسم القسم.")]
    [MeaningfulText(ErrorMessage = "أدخل اسم القسم.")]
    [StringLength(100, ErrorMessage = "الاسم أطول من المسموح.")]
    public string Name { get; set; } = "";

    [StringLength(100, ErrorMessage = "المعرّف أطول من المسموح.")]
    [RegularExpression(@"^[\p{L}\p{N}-]*$", ErrorMessage = "المعرّف حروف وأرقام وشرطات فقط.")]
    public string? Slug { get; set; }

    [StringLength(500, ErrorMessage = "الوصف أطول من المسموح.")]
    public string? Description { get; set; }

    [Range(0, 1000, ErrorMessage = "الترتيب رقم بين 0 و1000.")]
    public int Position { get; set; }

    public string Title => Id is null ? "قسم جديد" : "تعديل القسم";
}

public sealed record TagRow(int Id, string Name, string Slug, int Articles);

public sealed class TagsPage : IAdminPage
{
    public IReadOnlyList<TagRow> Tags { get; init; } = [];

    [Required(ErrorMessage = "أدخل اسم الوسم.")]
    [MeaningfulText(ErrorMessage = "أدخل اسم الوسم.")]
    [StringLength(100, ErrorMessage = "الاسم أطول من المسموح.")]
    public string Name { get; set; } = "";

    public string Title => "الوسوم";
}
