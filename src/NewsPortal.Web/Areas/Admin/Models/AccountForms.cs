using System.ComponentModel.DataAnnotations;

namespace NewsPortal.Web.Areas.Admin.Models;

public sealed class LoginForm : IAdminPage
{
    [Required(ErrorMessage = "أدخل بريدك الإلكتروني.")]
    [EmailAddress(ErrorMessage = "عنوان البريد الإلكتروني غير صالح.")]
    [StringLength(256, ErrorMessage = "عنوان البريد الإلكتروني أطول من المسموح.")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "أدخل كلمة المرور.")]
    [StringLength(512, ErrorMessage = "كلمة المرور أطول من المسموح.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }

    public string Title => "تسجيل الدخول";
}

public sealed class TwoFactorForm : IAdminPage
{
    [Required(ErrorMessage = "أدخل الرمز من تطبيق المصادقة.")]
    [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "الرمز ستة أرقام.")]
    public string Code { get; set; } = "";

    public bool RememberMe { get; set; }

    public string? ReturnUrl { get; set; }

    public string Title => "التحقق بخطوتين";
}

public sealed class ForgotPasswordForm : IAdminPage
{
    [Required(ErrorMessage = "أدخل بريدك الإلكتروني.")]
    [EmailAddress(ErrorMessage = "عنوان البريد الإلكتروني غير صالح.")]
    [StringLength(256, ErrorMessage = "عنوان البريد الإلكتروني أطول من المسموح.")]
    public string Email { get; set; } = "";

    public string Title => "نسيت كلمة المرور";
}

public sealed class ResetPasswordForm : IAdminPage
{
    [Required] public string Email { get; set; } = "";

    [Required] public string Token { get; set; } = "";

    [Required(ErrorMessage = "اختر كلمة مرور.")]
    [StringLength(512, ErrorMessage = "كلمة المرور أطول من المسموح.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [Compare(nameof(Password), ErrorMessage = "كلمتا المرور غير متطابقتين.")]
    [DataType(DataType.Password)]
    public string ConfirmPassword { get; set; } = "";

    public string Title => "اختيار كلمة المرور";
}

public sealed record MessagePage(string Title, string Message, string? LinkText = null, string? LinkUrl = null) : IAdminPage;

public sealed class TwoFactorSetupPage : IAdminPage
{
    public bool Enabled { get; init; }

    public string SharedKey { get; init; } = "";

    public string AuthenticatorUri { get; init; } = "";

    [Required(ErrorMessage = "أدخل الرمز من تطبيق المصادقة.")]
    [RegularExpression(@"^\s*\d{3}\s?\d{3}\s*$", ErrorMessage = "الرمز ستة أرقام.")]
    public string Code { get; set; } = "";

    public string Title => "التحقق بخطوتين";
}
