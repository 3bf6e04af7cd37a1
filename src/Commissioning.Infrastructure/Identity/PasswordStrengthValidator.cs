using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;

namespace Commissioning.Infrastructure.Identity;

/// <summary>
/// Refuses a password zxcvbn can guess (score below 3) and one longer than 128 characters, saying why in plain
/// words [ASVS 2.1.2, 2.1.7, 2.1.8]. The person's e-mail address, its local part, their display name, the word
/// "commissioning" and the council's name count as guessable. Identity's own rule speaks for passwords under 12
/// characters; this one is silent then, so a short password gets one message, not two.
/// </summary>
public sealed partial class PasswordStrengthValidator(IConfiguration configuration) : IPasswordValidator<ApplicationUser>
{
    public const int MinimumScore = 3;
    /// <summary>ASVS 2.1.2 asks that at least 64 characters be allowed and no more than 128.</summary>
    public const int MaximumLength = 128;
    /// <summary>zxcvbn's time grows with the square of the length (5 s for 1,000 characters): it scores this many.</summary>
    public const int ScoredLength = 100;
    public const string TooLongCode = "PasswordTooLong";
    public const string TooEasyCode = "PasswordTooEasy";

    // Its dictionaries load once; an instance only reads them after that, so requests can share it.
    private static readonly Lazy<Zxcvbn.Zxcvbn> Estimator = new(() => new Zxcvbn.Zxcvbn());

    public Task<IdentityResult> ValidateAsync(UserManager<ApplicationUser> manager, ApplicationUser user, string? password)
    {
        if (string.IsNullOrEmpty(password) || password.Length < manager.Options.Password.RequiredLength)
            return Task.FromResult(IdentityResult.Success);
        if (password.Length > MaximumLength)
            return Task.FromResult(Failed(TooLongCode, $"The password must be {MaximumLength} characters or fewer"));
        var scored = password.Length > ScoredLength ? password[..ScoredLength] : password;
        var result = Estimator.Value.EvaluatePassword(scored, GuessableWords(user, configuration["Council:Name"]));
        return Task.FromResult(result.Score >= MinimumScore
            ? IdentityResult.Success
            : Failed(TooEasyCode, PasswordFeedback.Explain(scored, result)));
    }

    /// <summary>
    /// What someone who knows the person or the council would try first: the address, and its local part, name and
    /// council name whole and word by word. (Not the domain's words: every address of the council shares them.)
    /// </summary>
    public static IReadOnlyList<string> GuessableWords(ApplicationUser user, string? councilName)
    {
        var email = user.Email ?? user.UserName ?? "";
        var local = email.Contains('@', StringComparison.Ordinal) ? email[..email.IndexOf('@', StringComparison.Ordinal)] : email;
        string[] named = [local, user.DisplayName, councilName ?? ""];
        return named.Concat(named.SelectMany(w => Words().Split(w))).Concat([email, "commissioning"])
            .Select(w => w.Trim().ToLowerInvariant())
            .Where(w => w.Length >= 3)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    private static IdentityResult Failed(string code, string description) =>
        IdentityResult.Failed(new IdentityError { Code = code, Description = description });

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex Words();
}
