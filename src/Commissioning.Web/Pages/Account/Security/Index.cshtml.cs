using Commissioning.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace Commissioning.Web.Pages.Account.Security;

/// <summary>"Sign-in and security": a person's own password, two-step sign-in, recovery codes and sessions. Every role.</summary>
public sealed class IndexModel(
    UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn, IConfiguration configuration, ILogger<IndexModel> logger) : PageModel
{
    public string Email { get; private set; } = "";
    public bool TwoStepOn { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    public bool TwoStepRequired => TwoStepRequirement.IsRequired(configuration);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        await LoadAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostTurnOffAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (TwoStepRequired)
        {
            // The button is not shown then; a post made anyway is refused and says why.
            ModelState.AddModelError("", "You cannot turn off two-step sign-in: the council requires it for everyone. You can set up a new authenticator app instead.");
            await LoadAsync(user);
            return Page();
        }
        if (await users.GetTwoFactorEnabledAsync(user))
        {
            // A new security stamp: sessions on other devices end at their next check.
            var result = await users.SetTwoFactorEnabledAsync(user, false);
            if (!result.Succeeded) throw new InvalidOperationException($"Turning off two-step sign-in failed: {string.Join("; ", result.Errors.Select(e => e.Code))}");
            await signIn.RefreshSignInAsync(user);
            logger.LogInformation("User {UserId} turned off two-step sign-in", user.Id);
        }
        TempData[SuccessBanner.MessageKey] = "Two-step sign-in is off";
        return RedirectToPage();
    }

    private async Task LoadAsync(ApplicationUser user)
    {
        Email = user.Email ?? "";
        TwoStepOn = await users.GetTwoFactorEnabledAsync(user);
        RecoveryCodesLeft = TwoStepOn ? await users.CountRecoveryCodesAsync(user) : 0;
    }
}
