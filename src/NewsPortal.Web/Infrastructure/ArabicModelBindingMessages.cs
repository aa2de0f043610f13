using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;

namespace NewsPortal.Web.Infrastructure;

/// <summary>The framework's own form-binding messages, in Arabic like everything else a user reads.</summary>
public static class ArabicModelBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider messages)
    {
        messages.SetValueMustNotBeNullAccessor(_ => "هذا الحقل مطلوب.");
        messages.SetMissingBindRequiredValueAccessor(_ => "هذا الحقل مطلوب.");
        messages.SetMissingKeyOrValueAccessor(() => "هذا الحقل مطلوب.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "الطلب فارغ.");
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => $"القيمة «{value}» غير صالحة.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"القيمة «{value}» غير صالحة.");
        messages.SetUnknownValueIsInvalidAccessor(_ => "القيمة غير صالحة.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "القيمة غير صالحة.");
        messages.SetValueIsInvalidAccessor(value => $"القيمة «{value}» غير صالحة.");
        messages.SetValueMustBeANumberAccessor(_ => "يجب أن تكون القيمة رقما.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "يجب أن تكون القيمة رقما.");
    }
}
