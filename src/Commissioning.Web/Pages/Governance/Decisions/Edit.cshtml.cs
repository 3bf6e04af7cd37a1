using Commissioning.Domain.Governance;

namespace Commissioning.Web.Pages.Governance.Decisions;

/// <summary>Changes a decision's kind, title, references and flags; the route is changed on the decision's page.</summary>
[Authorize(Policy = Policies.EditGovernance)]
public sealed class EditModel(CommissioningDbContext db) : EditPage<ContractDecision, DecisionForm>(db)
{
    protected override string Noun => "decision";

    protected override DecisionForm FormOf(ContractDecision decision) => DecisionForm.From(decision);

    protected override IEnumerable<(string Field, Func<DecisionForm, string?> Read)> Compared =>
    [
        ("Kind", f => f.Kind), ("Title", f => f.Title?.Trim()),
        ("Decision reference", f => f.DecisionReference?.Trim()), ("Forward plan reference", f => f.ForwardPlanReference?.Trim()),
        ("Key decision", f => YesNo(f.IsKeyDecision)), ("Exempt appendix", f => YesNo(f.HasExemptAppendix)),
    ];

    protected override Task ShowAsync(ContractDecision decision, CancellationToken ct)
    {
        Name = decision.Title;
        return Task.CompletedTask;
    }

    protected override Task<bool> ApplyAsync(ContractDecision decision, CancellationToken ct)
    {
        new DecisionForm.Validator().Validate(Input).AddTo(this);
        if (ModelState.IsValid) decision.Describe(Input.ToDetails());
        return Task.FromResult(ModelState.IsValid);
    }

    protected override IActionResult Saved(ContractDecision decision)
    {
        TempData["Success"] = $"{decision.Title} saved";
        return Redirect($"/Governance/Decisions/{Id}");
    }

    private static string YesNo(bool b) => b ? "Yes" : "No";
}
