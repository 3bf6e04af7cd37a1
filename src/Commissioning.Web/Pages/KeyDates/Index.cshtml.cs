using Commissioning.Infrastructure.Identity;
using Commissioning.Infrastructure.KeyDates;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Commissioning.Web.Pages.KeyDates;

/// <summary>
/// The home page: the key dates of the signed-in commissioner's own contracts (all contracts with
/// <c>?show=all</c>), and the address of their calendar feed.
/// </summary>
public sealed class IndexModel(CommissioningDbContext db, IClock clock, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn,
    CalendarTokens tokens, IOptions<KeyDatesOptions> options, IConfiguration configuration, ILogger<IndexModel> log) : PageModel
{
    public const string ShowAllValue = "all";

    [BindProperty(SupportsGet = true)] public string? Show { get; set; }

    public bool ShowAll => string.Equals(Show, ShowAllValue, StringComparison.OrdinalIgnoreCase);
    public KeyDatesReport Report { get; private set; } = null!;
    public string DisplayName { get; private set; } = "";
    /// <summary>False when "my contracts" was asked for and no contract names this user.</summary>
    public bool HasOwnContracts { get; private set; }
    public string FeedUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        DisplayName = user.DisplayName;

        var mine = await KeyDatesScope.ForCommissionerAsync(db, user.Id, ct);
        HasOwnContracts = mine.HasContracts;
        var scope = ShowAll ? KeyDatesScope.All : mine;
        Report = await KeyDatesQuery.LoadAsync(db, clock.Today, scope, options.Value.LeadTimeMonths, ct);

        var root = PublicAddress.Root(Request, configuration);
        FeedUrl = $"{root}/Calendar/{await tokens.CreateAsync(user)}.ics";
        return Page();
    }

    /// <summary>
    /// Revokes every calendar address given so far by changing the security stamp (which also ends the
    /// user's sessions elsewhere), and signs this session in again with its original sign-in time.
    /// </summary>
    public async Task<IActionResult> OnPostNewAddressAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await users.UpdateSecurityStampAsync(user);
        await signIn.RefreshSignInAsync(user);
        log.LogInformation("User {UserId} replaced their calendar address; earlier addresses are revoked", user.Id);
        TempData["Success"] = "You have a new calendar address. The old one no longer works: subscribe again with the new one.";
        return this.RedirectToSection("/", Sections.Calendar);
    }
}
