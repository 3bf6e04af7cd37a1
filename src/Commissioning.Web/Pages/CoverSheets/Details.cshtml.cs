using Commissioning.Domain.Contracts;
using Commissioning.Domain.Governance;

namespace Commissioning.Web.Pages.CoverSheets;

/// <summary>
/// A cover sheet: the version in hand, every issued version to download, and (for board
/// secretaries) the draft's missing items and the way to edit it.
/// </summary>
public sealed class DetailsModel(CommissioningDbContext db, IClock clock, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }

    public CoverSheet Sheet { get; private set; } = null!;
    public ContractDecision Decision { get; private set; } = null!;
    public Contract Contract { get; private set; } = null!;
    public bool CanEdit { get; private set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var sheet = await db.CoverSheets.AsNoTracking().FirstOrDefaultAsync(s => s.Id == Id, ct);
        if (sheet is null) return NotFound();
        Sheet = sheet;
        Decision = await db.ContractDecisions.AsNoTracking().SingleAsync(d => d.Id == sheet.ContractDecisionId, ct);
        Contract = await db.Contracts.AsNoTracking().SingleAsync(c => c.Id == Decision.ContractId, ct);
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.EditGovernance)).Succeeded;
        Problems = sheet.Problems(clock.Today);
        return Page();
    }
}
