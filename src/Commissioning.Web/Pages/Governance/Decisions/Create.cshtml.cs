using Commissioning.Domain.Governance;

namespace Commissioning.Web.Pages.Governance.Decisions;

/// <summary>Records a decision about a contract; its route is built on the decision's own page.</summary>
[Authorize(Policy = Policies.EditGovernance)]
public sealed class CreateModel(CommissioningDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? ContractId { get; set; }
    [BindProperty] public DecisionForm Input { get; set; } = new();

    public (int Id, string Reference, string Title)? Contract { get; private set; }
    public IReadOnlyList<(string Value, string Text)> Contracts { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        // A key decision contract is usually decided as a key decision.
        if (Contract is { } c) Input.IsKeyDecision = await db.Contracts.Where(x => x.Id == c.Id).Select(x => x.IsKeyDecision).FirstAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        new DecisionForm.Validator().Validate(Input).AddTo(this);
        if (Contract is null) ModelState.AddModelError(nameof(ContractId), "Choose the contract the decision is about");
        if (!ModelState.IsValid) return Page();
        var decision = new ContractDecision(Contract!.Value.Id, Input.ToDetails());
        db.ContractDecisions.Add(decision);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = $"{decision.Title} recorded: add the steps of its governance route";
        return Redirect($"/Governance/Decisions/{decision.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (ContractId is { } id)
        {
            var c = await db.Contracts.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.Id, x.Reference, x.Title }).FirstOrDefaultAsync(ct);
            if (c is not null) Contract = (c.Id, c.Reference, c.Title);
        }
        if (Contract is null)
        {
            var all = await db.Contracts.AsNoTracking().OrderBy(x => x.Reference).Select(x => new { x.Id, x.Reference, x.Title }).ToListAsync(ct);
            Contracts = all.Select(x => (x.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{x.Reference}: {x.Title}")).ToList();
        }
    }
}
