using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using NewsPortal.Core.Newsroom;
using NewsPortal.Tests.Admin;

namespace NewsPortal.Tests.Security;

public class PasswordRules(AdminPortal portal) : IClassFixture<AdminPortal>
{
    private async Task<IdentityResult> CheckAsync(string password, string email = "reporter@newsroom.example")
    {
        await using var scope = portal.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NewsUser>>();
        var user = new NewsUser { UserName = email, Email = email };
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
            errors.AddRange((await validator.ValidateAsync(users, user, password)).Errors);
        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed(errors.ToArray());
    }

    [Theory]
    [InlineData("password1234")]
    [InlineData("Password1234")]
    [InlineData("123456789012")]
    [InlineData("qwertyuiopas")]
    [InlineData("aaaaaaaaaaaaaaaa")]
    [InlineData("abababababababab")]
    [InlineData("iloveyou1234")]
    [InlineData("reporter-2026-news")]
    public async Task CommonOrGuessablePasswordsAreRefusedInArabic(string password)
    {
        var result = await CheckAsync(password);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Description.Contains("شائعة أو سهلة التخمين") || e.Description.Contains("أحرف مختلفة"));
    }

    [Theory]
    [InlineData("short pass")]
    [InlineData("abc")]
    public async Task PasswordsUnderTwelveCharactersAreRefused(string password) =>
        Assert.Contains((await CheckAsync(password)).Errors, e => e.Code == "PasswordTooShort");

    [Theory]
    [InlineData("قهوة الصباح على الشرفة")]
    [InlineData("correct horse battery")]
    [InlineData("all lowercase no digits at all")]
    public async Task LongPassphrasesWithoutSymbolsAreAccepted(string password) =>
        Assert.True((await CheckAsync(password)).Succeeded);
}
