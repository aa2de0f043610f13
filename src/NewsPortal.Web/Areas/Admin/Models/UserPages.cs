using System.ComponentModel.DataAnnotations;
using NewsPortal.Web.Authorization;
using NewsPortal.Web.Infrastructure;

namespace NewsPortal.Web.Areas.Admin.Models;

public sealed record UserRow(string Id, string Email, string? DisplayName, string Role, bool Disabled, bool TwoFactor, bool Confirmed);

public sealed record UsersPage(IReadOnlyList<UserRow> Users, string? CurrentUserId) : IAdminPage
{
    public string Title => "الحسابات";
}

public sealed class InviteForm : IAdminPage
{
    [Required(ErrorMessage = "أدخل البريد الإلكتروني.")]
    [EmailAddress(ErrorMessage = "عنوان البريد الإلكتروني غير صالح.")]
    [StringLength(256, ErrorMessage = "عنوان البريد الإلكتروني أطول من المسموح.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "أدخل الاسم الذي يظهر للقراء.")]
    [MeaningfulText(ErrorMessage = "أدخل الاسم الذي يظهر للقراء.")]
    [StringLength(150, ErrorMessage = "الاسم أطول من المسموح.")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "اختر دورا.")]
    [AllowedValues(NewsroomRoles.Admin, NewsroomRoles.Editor, NewsroomRoles.Writer, ErrorMessage = "الدور غير معروف.")]
    public string Role { get; set; } = NewsroomRoles.Writer;

    public string Title => "دعوة عضو جديد";
}

public sealed class RoleForm
{
    [Required(ErrorMessage = "اختر دورا.")]
    [AllowedValues(NewsroomRoles.Admin, NewsroomRoles.Editor, NewsroomRoles.Writer, ErrorMessage = "الدور غير معروف.")]
    public string Role { get; set; } = "";
}

public sealed record AuditRow(DateTime At, string Actor, string Action, string Subject, string? Details);

public sealed record AuditPage(Core.Reading.Page<AuditRow> Entries) : IAdminPage
{
    public string Title => "سجل التدقيق";
}
