using Commissioning.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Commissioning.Web.Pages.Account.Security;

/// <summary>
/// Ten single-use recovery codes, shown once: right after two-step sign-in is set up, or after "Make new recovery codes".
/// They travel from the post to this page in TempData, whose cookie is encrypted by data protection and read once:
/// never in an address or a log, and gone when the page is loaded again.
/// </summary>
public sealed class RecoveryCodesModel(UserManager<ApplicationUser> users, ILogger<RecoveryCodesModel> logger) : PageModel
{
    public const int Count = 10;
    private const string CodesKey = "RecoveryCodes";

    public IReadOnlyList<string> Codes { get; private set; } = [];
    public bool TwoStepOn { get; private set; }
    public int CodesLeft { get; private set; }

    public static void ShowOnce(ITempDataDictionary tempData, IEnumerable<string> codes) => tempData[CodesKey] = string.Join(' ', codes);

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        Codes = TempData[CodesKey] is string codes ? codes.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
        TwoStepOn = await users.GetTwoFactorEnabledAsync(user);
        CodesLeft = TwoStepOn ? await users.CountRecoveryCodesAsync(user) : 0;
        return Page();
    }

    /// <summary>"Make new recovery codes": ten new ones; the old ones stop working.</summary>
    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        // Codes stand in for the authenticator app: with no app set up there is nothing for them to stand in for.
        if (!await users.GetTwoFactorEnabledAsync(user)) return RedirectToPage("Authenticator");
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, Count) ?? [];
        logger.LogInformation("User {UserId} made new recovery codes", user.Id);
        TempData[SuccessBanner.MessageKey] = "You have new recovery codes. Your old ones no longer work";
        ShowOnce(TempData, codes);
        return RedirectToPage();
    }
}
