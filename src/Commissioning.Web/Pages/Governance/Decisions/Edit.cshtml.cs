using Commissioning.Domain.Governance;

namespace Commissioning.Web.Pages.Governance.Decisions;

/// <summary>Changes a decision's kind, title, references and flags; the route is changed on the decision's page.</summary>
[Authorize(Policy = Policies.EditGovernance)]
public sealed class EditModel(CommissioningDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public DecisionForm Input { get; set; } = new();

    public string Name { get; private set; } = "";
    public Conflict? Clash { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var decision = await db.ContractDecisions.AsNoTracking().FirstOrDefaultAsync(d => d.Id == Id, ct);
        if (decision is null) return NotFound();
        (Name, Input) = (decision.Title, DecisionForm.From(decision));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var decision = await db.ContractDecisions.FirstOrDefaultAsync(d => d.Id == Id, ct);
        if (decision is null) return NotFound();
        Name = decision.Title;
        if (decision.Version != Input.Version) return ShowConflict(decision);
        new DecisionForm.Validator().Validate(Input).AddTo(this);
        if (!ModelState.IsValid) return Page();
        decision.Describe(Input.ToDetails());
        var saved = await db.SaveVersionedAsync(decision, Input.Version, ct);
        if (saved.IsStale) return saved.Current is { } current ? ShowConflict(current) : NotFound();
        TempData["Success"] = $"{decision.Title} saved";
        return Redirect($"/Governance/Decisions/{Id}");
    }

    private PageResult ShowConflict(ContractDecision current)
    {
        var saved = DecisionForm.From(current);
        static string YesNo(bool b) => b ? "Yes" : "No";
        var fields = new (string, Func<DecisionForm, string?>)[]
        {
            ("Kind", f => f.Kind), ("Title", f => f.Title?.Trim()),
            ("Decision reference", f => f.DecisionReference?.Trim()), ("Forward plan reference", f => f.ForwardPlanReference?.Trim()),
            ("Key decision", f => YesNo(f.IsKeyDecision)), ("Exempt appendix", f => YesNo(f.HasExemptAppendix)),
        };
        Clash = Conflict.Report(this, "decision", current, Input, saved, fields);
        return Page();
    }
}
