using System.Security.Claims;
using Commissioning.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace Commissioning.Web.Pages.Account.Security;

/// <summary>
/// A person changes their own password. Identity's password validators decide what is strong enough; their
/// messages are shown at the new password. This device stays signed in; the new security stamp ends the others.
/// </summary>
public sealed class ChangePasswordModel(
    UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, UserSessions sessions, ILogger<ChangePasswordModel> logger) : PageModel
{
    [BindProperty] public Command Input { get; set; } = new();

    public sealed class Command
    {
        public string? CurrentPassword { get; set; }
        public string? NewPassword { get; set; }
        public string? ConfirmPassword { get; set; }
    }

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.CurrentPassword).NotEmpty().WithMessage("Enter your current password");
            RuleFor(x => x.NewPassword).NotEmpty().WithMessage("Enter a new password");
            RuleFor(x => x.ConfirmPassword).NotEmpty().WithMessage("Enter your new password again");
            RuleFor(x => x.ConfirmPassword).Equal(x => x.NewPassword).WithMessage("The passwords do not match: enter the new password again")
                .When(x => !string.IsNullOrEmpty(x.NewPassword) && !string.IsNullOrEmpty(x.ConfirmPassword));
        }
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        new Validator().Validate(Input).AddTo(this);

        // Every problem at once: a wrong current password and a weak new one are both said on the first try.
        if (!string.IsNullOrEmpty(Input.CurrentPassword) && !await users.CheckPasswordAsync(user, Input.CurrentPassword))
            AddError("Input.CurrentPassword", "Your current password is wrong. Enter the password you sign in with now");
        if (!string.IsNullOrEmpty(Input.NewPassword))
            foreach (var validator in users.PasswordValidators)
                AddErrors(await validator.ValidateAsync(users, user, Input.NewPassword));
        if (!ModelState.IsValid) return Refused();

        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword!, Input.NewPassword!);
        if (!result.Succeeded)
        {
            // Changed in the moment between the check and the change: say so the same way.
            foreach (var e in result.Errors.Where(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
                AddError("Input.CurrentPassword", "Your current password is wrong. Enter the password you sign in with now");
            AddErrors(IdentityResult.Failed([.. result.Errors.Where(e => e.Code != nameof(IdentityErrorDescriber.PasswordMismatch))]));
            return Refused();
        }

        await signIn.RefreshSignInAsync(user);
        // Whoever may have had the old password loses their session now, not at the next stamp check [ASVS 3.3.3].
        await sessions.EndOthersAsync(user.Id, User.FindFirstValue(SessionClaims.SessionId));
        logger.LogInformation("User {UserId} changed their password", user.Id);
        TempData[SuccessBanner.MessageKey] = "Your password has been changed";
        return RedirectToPage("Index");
    }

    /// <summary>The form again, with no password sent back to the browser.</summary>
    private PageResult Refused()
    {
        Input = new Command();
        return Page();
    }

    /// <summary>Each refusal of the password validators (too short, too easy to guess), together at the new password.</summary>
    private void AddErrors(IdentityResult result)
    {
        if (!result.Succeeded && result.Errors.Any())
            AddError("Input.NewPassword", string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    private void AddError(string key, string message)
    {
        if (ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0) return;
        ModelState.AddModelError(key, message);
        var order = ViewData[ValidationRules.ErrorOrderKey] as List<string> ?? [];
        order.Add(key);
        ViewData[ValidationRules.ErrorOrderKey] = order.OrderBy(k => Array.IndexOf(Fields, k)).ToList();
    }

    private static readonly string[] Fields = ["Input.CurrentPassword", "Input.NewPassword", "Input.ConfirmPassword"];
}
