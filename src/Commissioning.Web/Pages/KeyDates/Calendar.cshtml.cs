using Commissioning.Infrastructure.KeyDates;
using Microsoft.Extensions.Options;

namespace Commissioning.Web.Pages.KeyDates;

/// <summary>
/// A user's key dates as an iCalendar feed. Anonymous because calendar programs cannot sign in: the
/// unguessable token in the address stands for the user, and stops working when their security stamp changes.
/// </summary>
[AllowAnonymous]
public sealed class CalendarModel(CommissioningDbContext db, IClock clock, CalendarTokens tokens, IOptions<KeyDatesOptions> options,
    IConfiguration configuration, ILogger<CalendarModel> log) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        var user = await tokens.ResolveAsync(token);
        if (user is null)
        {
            // No token in the log: it is a credential.
            log.LogWarning("Calendar feed refused: unknown, revoked or malformed address from {Ip}", HttpContext.Connection.RemoteIpAddress);
            return NotFound();
        }
        var scope = await KeyDatesScope.ForCommissionerAsync(db, user.Id, ct);
        var report = !scope.HasContracts
            ? null
            : await KeyDatesQuery.LoadAsync(db, clock.Today, scope, options.Value.LeadTimeMonths, ct, wholeFuture: true);
        var root = PublicAddress.Root(Request, configuration);
        var events = report is null ? [] : CalendarFeed.Events(report, root);
        var council = configuration["Council:Name"] ?? "Council";
        var body = CalendarFeed.Write(events, $"{council} contract key dates – {user.DisplayName}", new Uri(root).Host, clock.UtcNow);
        return Content(body, CalendarFeed.ContentType);
    }
}
