using System.Security.Claims;
using Commissioning.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace Commissioning.Web.Pages.Account;

/// <summary>
/// Ends every session of the signed-in person, this one included: in other browsers, on other computers, and any
/// copy of a cookie. "Sign-in and security" (/Account/Security) posts its button here: a plain POST with the
/// antiforgery token, no handler name.
/// </summary>
[Authorize]
public sealed class SignOutEverywhereModel(UserSessions sessions, SignInManager<ApplicationUser> signIn, ILogger<SignOutEverywhereModel> logger) : PageModel
{
    public const string Ended = "You have signed out everywhere. Every session of your account has ended: sign in again to carry on.";

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier)!;
        var ended = await sessions.EndAllAsync(userId);
        await signIn.SignOutAsync();
        logger.LogInformation("User {UserId} signed out everywhere ({Sessions} sessions ended)", userId, ended);
        TempData["Success"] = Ended;
        return RedirectToPage("SignIn");
    }
}
