using Commissioning.Domain.Common;
using Commissioning.Infrastructure.Data;
using Commissioning.Infrastructure.Identity;
using Commissioning.Infrastructure.KeyDates;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Commissioning.Web.Pages;

/// <summary>
/// The home page: the key dates of the signed-in commissioner's own contracts (all contracts with
/// <c>?show=all</c>), and the address of their calendar feed.
/// </summary>
public sealed class IndexModel(CommissioningDbContext db, IClock clock, UserManager<ApplicationUser> users, CalendarTokens tokens,
    IOptions<KeyDatesOptions> options, IConfiguration configuration) : PageModel
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

        var mine = await KeyDatesScope.ForCommissionerAsync(db, user.DisplayName, ct);
        HasOwnContracts = mine.Names is { Count: > 0 };
        var scope = ShowAll ? KeyDatesScope.All : mine;
        Report = await KeyDatesQuery.LoadAsync(db, clock.Today, scope, options.Value.LeadTimeMonths, ct);

        var root = configuration[DigestSender.BaseUrlSetting] is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : $"{Request.Scheme}://{Request.Host}{Request.PathBase}";
        FeedUrl = $"{root}/Calendar/{await tokens.CreateAsync(user)}.ics";
        return Page();
    }
}
