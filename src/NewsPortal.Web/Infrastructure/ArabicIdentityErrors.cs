using Microsoft.AspNetCore.Identity;

namespace NewsPortal.Web.Infrastructure;

/// <summary>Identity's error messages in Arabic; none of them tells whether some other account exists.</summary>
public sealed class ArabicIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = $"يجب ألا تقل كلمة المرور عن {length} حرفا." };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"يجب أن تضم كلمة المرور {uniqueChars} أحرف مختلفة على الأقل." };

    public override IdentityError InvalidToken() =>
        new() { Code = nameof(InvalidToken), Description = "الرابط غير صالح أو انتهت صلاحيته." };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = "تعذّر استخدام هذا البريد الإلكتروني." };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = "تعذّر استخدام هذا البريد الإلكتروني." };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = "عنوان البريد الإلكتروني غير صالح." };

    public override IdentityError InvalidUserName(string? userName) =>
        new() { Code = nameof(InvalidUserName), Description = "عنوان البريد الإلكتروني غير صالح." };

    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = "كلمة المرور غير صحيحة." };

    public override IdentityError DefaultError() =>
        new() { Code = nameof(DefaultError), Description = "تعذّر إتمام العملية." };

    public override IdentityError UserAlreadyInRole(string role) =>
        new() { Code = nameof(UserAlreadyInRole), Description = "الحساب يحمل هذا الدور بالفعل." };

    public override IdentityError ConcurrencyFailure() =>
        new() { Code = nameof(ConcurrencyFailure), Description = "تغيّرت البيانات في أثناء الحفظ؛ أعد المحاولة." };
}
