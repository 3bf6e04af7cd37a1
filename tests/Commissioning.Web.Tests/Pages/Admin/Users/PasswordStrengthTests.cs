using System.Net;
using Commissioning.Infrastructure.Identity;
using Commissioning.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Admin.Users;

/// <summary>
/// Issue 13: at least 12 characters, at most 128, and a zxcvbn score of 3 or more, with a message that says why a
/// password is refused. Through the "Add a user" page, and through Identity's own validators on a real UserManager.
/// </summary>
[Collection(SharedApp.People)]
public sealed class PasswordStrengthTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    private const string TryWords = "Use three or four unrelated words, or a longer phrase.";

    /// <summary>The issue's five, each with the reason it must be given.</summary>
    public static TheoryData<string, string> Weak => new()
    {
        { "qwertyuiop1234", "uses a row of keys on the keyboard" },
        { "iloveyou12345", "one of the most common passwords" },
        { "passwordpassword1", "repeats itself" },
        { "1234567890123456", "uses a sequence, like abcd or 12345" },
        { new string('a', 13), "repeats a character" },
    };

    [Theory]
    [MemberData(nameof(Weak))]
    public async Task The_issues_weak_passwords_are_refused_on_add_a_user_each_with_its_reason(string password, string reason)
    {
        var admin = await factory.SignedInClientAsync(Administrator);
        var email = $"weak-{Guid.NewGuid():N}@council.test";

        var page = await admin.PostFormAsync("/Admin/Users/Create", new FormFields
        {
            { "Input.Email", email }, { "Input.DisplayName", "Test person" }, { "Input.Password", password }, { "Input.Roles", Roles.Viewer },
        });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var message = page.FieldError("Input-Password");
        Assert.NotNull(message);
        Assert.Contains(reason, message);
        Assert.EndsWith(TryWords, message);
        Assert.Contains(page.ErrorSummary, m => m.Contains(reason, StringComparison.Ordinal));
        Assert.Equal("", page.Value("Input.Password") ?? "");
        await using var scope = factory.OpenDb();
        Assert.False(await scope.Db.Users.AnyAsync(u => u.Email == email));
    }

    [Theory]
    [MemberData(nameof(Weak))]
    public async Task The_issues_weak_passwords_are_refused_by_identity_itself(string password, string reason)
    {
        var errors = await ValidateAsync(password);

        var error = Assert.Single(errors);
        Assert.Equal(PasswordStrengthValidator.TooEasyCode, error.Code);
        Assert.Contains(reason, error.Description);
    }

    [Theory]
    [InlineData(DemoPassword)]
    [InlineData("harbour lantern pebble")]
    [InlineData("quiet meadow river stone")]
    [InlineData("Plum tractor; velvet 1887 ocean")]
    public async Task Passphrases_are_accepted(string password) => Assert.Empty(await ValidateAsync(password));

    [Fact]
    public async Task A_strong_passphrase_makes_a_user_who_can_sign_in_with_it()
    {
        var admin = await factory.SignedInClientAsync(Administrator);
        var email = $"strong-{Guid.NewGuid():N}@council.test";
        const string password = "Plum tractor; velvet 1887 ocean";

        var page = await admin.PostFormAsync("/Admin/Users/Create", new FormFields
        {
            { "Input.Email", email }, { "Input.DisplayName", "Test person" }, { "Input.Password", password }, { "Input.Roles", Roles.Viewer },
        });

        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.NewClient().SignInAsync(email, password)).Status);
    }

    [Theory]
    [InlineData("jane.marsh@council.test")]
    [InlineData("janemarsh!2024")]
    [InlineData("Jane.Marsh.Lantern")]
    [InlineData("bury council 1974")]
    [InlineData("commissioning!!")]
    public async Task The_persons_own_address_and_name_the_council_and_the_service_count_as_guessable(string password)
    {
        var error = Assert.Single(await ValidateAsync(password, "jane.marsh@council.test", "Jane Marsh"));

        Assert.Contains("your name, your email address, the council's name or the word commissioning", error.Description);
    }

    [Fact]
    public async Task Another_persons_name_is_not_personal_to_this_one()
    {
        // Strong enough for Sam Jones; for Jane Marsh it is her own name and a word.
        Assert.Empty(await ValidateAsync("jane marsh 2024!", "sam.jones@council.test", "Sam Jones"));
        Assert.Single(await ValidateAsync("jane marsh 2024!", "jane.marsh@council.test", "Jane Marsh"));
    }

    [Fact]
    public async Task A_short_password_gets_only_the_length_message()
    {
        var error = Assert.Single(await ValidateAsync("aaaaaa"));

        Assert.Contains("12 characters", error.Description);
    }

    [Fact]
    public async Task Up_to_128_characters_are_allowed_and_longer_is_refused_with_a_message()
    {
        var long128 = string.Concat(Enumerable.Repeat("Plum tractor; velvet 1887 ocean ", 4)).Trim();
        long128 += new string('x', 128 - long128.Length);
        Assert.Equal(128, long128.Length);

        Assert.Empty(await ValidateAsync(long128));
        var error = Assert.Single(await ValidateAsync(long128 + "x"));
        Assert.Equal(PasswordStrengthValidator.TooLongCode, error.Code);
        Assert.Equal("The password must be 128 characters or fewer", error.Description);
    }

    [Fact]
    public async Task A_password_too_long_is_shown_at_the_field()
    {
        var admin = await factory.SignedInClientAsync(Administrator);

        var page = await admin.PostFormAsync("/Admin/Users/Create", new FormFields
        {
            { "Input.Email", $"long-{Guid.NewGuid():N}@council.test" }, { "Input.DisplayName", "Test person" },
            { "Input.Password", new string('k', 129) }, { "Input.Roles", Roles.Viewer },
        });

        Assert.Equal("The password must be 128 characters or fewer", page.FieldError("Input-Password"));
    }

    /// <summary>Every password validator Identity runs, for a person with this address and name.</summary>
    private async Task<List<IdentityError>> ValidateAsync(string password, string email = "pat.quinn@council.test", string name = "Pat Quinn")
    {
        await using var scope = factory.OpenDb();
        var users = scope.Services.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = name };
        var errors = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
            errors.AddRange((await validator.ValidateAsync(users, user, password)).Errors);
        return errors;
    }
}
