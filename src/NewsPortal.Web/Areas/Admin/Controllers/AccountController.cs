using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using NewsPortal.Core.Mail;
using NewsPortal.Core.Newsroom;
using NewsPortal.Web.Areas.Admin.Models;
using NewsPortal.Web.Infrastructure;
using NewsPortal.Web.Security;

namespace NewsPortal.Web.Areas.Admin.Controllers;

/// <summary>Signing in and out, password resets and two-factor sign-in. Answers never reveal whether an account exists.</summary>
[Route("admin/account")]
public sealed class AccountController(
    SignInManager<NewsUser> signIn,
    UserManager<NewsUser> users,
    AccountMail mail,
    AccountLinks links,
    IOptions<SiteOptions> site,
    ILogger<AccountController> logger) : AdminController
{
    private const string SignInFailed = "البريد الإلكتروني أو كلمة المرور غير صحيحين، أو أن الحساب موقوف مؤقتا.";

    [AllowAnonymous, HttpGet("login")]
    public IActionResult Login(string? returnUrl) => View(new LoginForm { ReturnUrl = returnUrl });

    [AllowAnonymous, HttpPost("login"), EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> Login(LoginForm form)
    {
        if (!ModelState.IsValid) return View(form);

        var user = await users.FindByEmailAsync(form.Email.Trim());
        var result = user is null
            ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, form.Password, form.RememberMe, lockoutOnFailure: true);

        if (result.Succeeded) return LocalRedirect(SafeReturnUrl(form.ReturnUrl));
        if (result.RequiresTwoFactor)
            return RedirectToAction(nameof(TwoFactor), new { returnUrl = SafeReturnUrl(form.ReturnUrl), rememberMe = form.RememberMe });
        if (result.IsLockedOut) logger.LogWarning("Sign-in refused: account locked out.");

        // Wrong password, unknown address and locked account read the same to the visitor.
        ModelState.AddModelError("", SignInFailed);
        form.Password = "";
        return View(form);
    }

    [AllowAnonymous, HttpGet("two-factor")]
    public async Task<IActionResult> TwoFactor(string? returnUrl, bool rememberMe)
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToAction(nameof(Login));
        return View(new TwoFactorForm { ReturnUrl = returnUrl, RememberMe = rememberMe });
    }

    [AllowAnonymous, HttpPost("two-factor"), EnableRateLimiting(RateLimits.SignIn)]
    public async Task<IActionResult> TwoFactor(TwoFactorForm form)
    {
        if (!ModelState.IsValid) return View(form);
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return RedirectToAction(nameof(Login));

        var code = form.Code.Replace(" ", "");
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, form.RememberMe, rememberClient: false);
        if (result.Succeeded) return LocalRedirect(SafeReturnUrl(form.ReturnUrl));
        ModelState.AddModelError(nameof(form.Code), result.IsLockedOut ? SignInFailed : "الرمز غير صحيح.");
        form.Code = "";
        return View(form);
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout()
    {
        await signIn.SignOutAsync();
        return RedirectToAction(nameof(Login));
    }

    [AllowAnonymous, HttpGet("denied")]
    public IActionResult Denied() =>
        View("Message", new MessagePage("لا تملك صلاحية", "حسابك لا يملك صلاحية الوصول إلى هذه الصفحة.", "العودة إلى لوحة التحكم", "/admin"));

    [AllowAnonymous, HttpGet("forgot-password")]
    public IActionResult ForgotPassword() => View(new ForgotPasswordForm());

    [AllowAnonymous, HttpPost("forgot-password"), EnableRateLimiting(RateLimits.PasswordReset)]
    public async Task<IActionResult> ForgotPassword(ForgotPasswordForm form, CancellationToken ct)
    {
        if (!ModelState.IsValid) return View(form);

        var user = await users.FindByEmailAsync(form.Email.Trim());
        if (user is not null && user.Email is not null && !await users.IsLockedOutAsync(user))
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            await mail.SendPasswordResetAsync(user.Email, links.SetPassword(user.Email, token), ct);
        }
        return View("Message", new MessagePage("تحقق من بريدك",
            "إن كان هذا البريد مسجلا لدينا فستصلك رسالة فيها رابط لاختيار كلمة مرور جديدة."));
    }

    /// <summary>Both the reset link and the invitation link land here.</summary>
    [AllowAnonymous, HttpGet("set-password")]
    public IActionResult SetPassword(string? email, string? token) =>
        string.IsNullOrEmpty(email) || string.IsNullOrEmpty(token)
            ? View("Message", new MessagePage("رابط غير صالح", "الرابط غير صالح أو انتهت صلاحيته."))
            : View(new ResetPasswordForm { Email = email, Token = token });

    [AllowAnonymous, HttpPost("set-password"), EnableRateLimiting(RateLimits.PasswordReset)]
    public async Task<IActionResult> SetPassword(ResetPasswordForm form)
    {
        if (!ModelState.IsValid) return View(form);

        var user = await users.FindByEmailAsync(form.Email);
        var result = user is null
            ? IdentityResult.Failed(users.ErrorDescriber.InvalidToken())
            : await users.ResetPasswordAsync(user, form.Token, form.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) ModelState.AddModelError(nameof(form.Password), error.Description);
            return View(form);
        }
        // Whoever could reset the password controls the mailbox: the address is confirmed.
        if (!user!.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }
        return View("Message", new MessagePage("تم حفظ كلمة المرور", "يمكنك الآن تسجيل الدخول بكلمة المرور الجديدة.", "تسجيل الدخول", "/admin/account/login"));
    }

    [HttpGet("two-factor-setup")]
    public async Task<IActionResult> TwoFactorSetup()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return NotFound();
        return View(await SetupPageAsync(user));
    }

    [HttpPost("two-factor-setup")]
    public async Task<IActionResult> EnableTwoFactor(TwoFactorSetupPage form)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return NotFound();
        if (ModelState.IsValid)
        {
            var valid = await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, form.Code.Replace(" ", ""));
            if (valid)
            {
                await users.SetTwoFactorEnabledAsync(user, true);
                if (TwoFactorRequiredFor(User))
                {
                    // The session was opened with a password alone; the next one starts with both factors.
                    await signIn.SignOutAsync();
                    return RedirectToAction(nameof(Login));
                }
                Flash("تم تفعيل التحقق بخطوتين.");
                return RedirectToAction(nameof(TwoFactorSetup));
            }
            ModelState.AddModelError(nameof(form.Code), "الرمز غير صحيح.");
        }
        return View("TwoFactorSetup", await SetupPageAsync(user));
    }

    [HttpPost("two-factor-disable")]
    public async Task<IActionResult> DisableTwoFactor()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return NotFound();
        if (TwoFactorRequiredFor(User))
        {
            Flash("التحقق بخطوتين إلزامي لحسابات المديرين.");
            return RedirectToAction(nameof(TwoFactorSetup));
        }
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        Flash("تم إيقاف التحقق بخطوتين.");
        return RedirectToAction(nameof(TwoFactorSetup));
    }

    private async Task<TwoFactorSetupPage> SetupPageAsync(NewsUser user)
    {
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }
        var issuer = UrlEncoder.Default.Encode(site.Value.Name);
        var account = UrlEncoder.Default.Encode(user.Email ?? user.UserName ?? "");
        return new TwoFactorSetupPage
        {
            Enabled = await users.GetTwoFactorEnabledAsync(user),
            SharedKey = key,
            AuthenticatorUri = $"otpauth://totp/{issuer}:{account}?secret={key}&issuer={issuer}&digits=6",
        };
    }

    private string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/admin";
}
