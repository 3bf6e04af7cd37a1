using Commissioning.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace Commissioning.Web.Pages.Admin.Users;

[Authorize(Policy = Policies.ManageUsers)]
public sealed class IndexModel(UserManager<ApplicationUser> users, SignInThrottle throttle) : PageModel
{
    /// <summary><paramref name="CouncilAccount"/>: signs in with the council account (single sign-on), roles from its groups.</summary>
    public sealed record Row(string Id, string Email, string Name, IList<string> Roles, bool LockedOut, bool CouncilAccount);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var rows = new List<Row>();
        foreach (var u in await users.Users.OrderBy(u => u.DisplayName).ThenBy(u => u.Email).ToListAsync())
            rows.Add(new Row(u.Id, u.Email ?? "", u.DisplayName, await users.GetRolesAsync(u), Slowed(throttle, u),
                (await users.GetLoginsAsync(u)).Any(l => l.LoginProvider == SingleSignOn.Scheme)));
        Rows = rows;
    }

    /// <summary>Failed sign-ins have set the throttle's delays on the account (there is no lockout: decision 0016).</summary>
    public static bool Slowed(SignInThrottle throttle, ApplicationUser user) =>
        throttle.AccountFailures(user.NormalizedEmail ?? "") >= throttle.FreeFailures;
}
