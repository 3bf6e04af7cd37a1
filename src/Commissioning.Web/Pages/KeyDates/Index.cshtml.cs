using Commissioning.Infrastructure.Finance;
using Commissioning.Infrastructure.Identity;
using Commissioning.Infrastructure.KeyDates;
using Commissioning.Infrastructure.Publishing.Notices;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Commissioning.Web.Pages.KeyDates;

/// <summary>
/// The home page: the key dates of the signed-in commissioner's own contracts (all contracts with
/// <c>?show=all</c>), and the address of their calendar feed. Each list shows its total and its first
/// <see cref="FirstRows"/> rows, the most pressing first; <c>&amp;list=decisions</c> (or another list's name) shows that
/// whole list a page at a time, so at 10,000 contracts the page stays small (issue 15, decision 0030).
/// </summary>
public sealed class IndexModel(CommissioningDbContext db, IClock clock, UserManager<ApplicationUser> users, SignInManager<ApplicationUser> signIn,
    CalendarTokens tokens, ScheduleCache kept, IOptions<KeyDatesOptions> options, IOptions<ProcurementActOptions> procurementAct, IConfiguration configuration,
    ILogger<IndexModel> log) : PageModel
{
    public const string ShowAllValue = "all";
    /// <summary>Rows of each list on the dashboard: the most pressing, with a link to the rest.</summary>
    public const int FirstRows = 20;
    /// <summary>Rows per page of a whole list.</summary>
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Show { get; set; }

    /// <summary>One list to show whole, a page at a time (<see cref="KeyDatesQuery.Slug"/>); none for the dashboard.</summary>
    [BindProperty(SupportsGet = true)] public string? List { get; set; }

    public KeyDatesList? OnlyList { get; private set; }
    public Pagination? Pages { get; private set; }

    public bool ShowAll => string.Equals(Show, ShowAllValue, StringComparison.OrdinalIgnoreCase);
    public KeyDatesReport Report { get; private set; } = null!;
    public string DisplayName { get; private set; } = "";
    /// <summary>False when "my contracts" was asked for and no contract names this user.</summary>
    public bool HasOwnContracts { get; private set; }
    public string FeedUrl { get; private set; } = "";

    private Domain.Publishing.Notices.NoticeSettings Notices => procurementAct.Value.ToSettings();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        DisplayName = user.DisplayName;

        var mine = await KeyDatesScope.ForCommissionerAsync(db, user.Id, ct);
        HasOwnContracts = mine.HasContracts;
        var scope = ShowAll ? KeyDatesScope.All : mine;
        OnlyList = KeyDatesQuery.FromSlug(List);
        if (OnlyList is { } only)
        {
            var page = Pagination.Requested(Request);
            Report = await Load(scope, KeyDatesRows.Page(only, page, PageSize), ct);
            var pageCount = Pagination.PageCountFor(Report.Total(only), PageSize);
            // Past the end (the list got shorter since the link was made): show the last page.
            if (page > pageCount)
                Report = await Load(scope, KeyDatesRows.Page(only, page = pageCount, PageSize), ct);
            Pages = Pagination.ForRequest(Request, page, pageCount, label: "Pages of the list");
        }
        else
            Report = await Load(scope, KeyDatesRows.FirstOfEach(FirstRows), ct);

        var root = PublicAddress.Root(Request, configuration);
        FeedUrl = $"{root}/Calendar/{await tokens.CreateAsync(user)}.ics";
        return Page();
    }

    private Task<KeyDatesReport> Load(KeyDatesScope scope, KeyDatesRows rows, CancellationToken ct) =>
        KeyDatesQuery.KeptAsync(db, kept, clock.Today, scope, options.Value.LeadTimeMonths, rows, Notices, ct);

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
