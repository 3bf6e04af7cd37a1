using Commissioning.Domain.Governance;

namespace Commissioning.Web.Pages.Governance.Bodies;

/// <summary>
/// Rename a body or change its kind. Meetings and route steps keep the name they were given
/// (the papers of a past meeting print the name the body had then).
/// </summary>
public sealed class EditModel(CommissioningDbContext db, IAuthorizationService authorization) : EditPage<DecisionBody, BodyForm>(db)
{
    public bool CanEdit { get; private set; }

    protected override string Noun => "decision-making body";

    protected override BodyForm FormOf(DecisionBody body) => BodyForm.From(body);

    protected override IEnumerable<(string Field, Func<BodyForm, string?> Read)> Compared =>
    [
        ("Name", f => f.Name?.Trim()),
        ("Kind of body", f => GovernanceDisplay.Parse<DecisionBodyKind>(f.Kind)?.ToText() ?? f.Kind),
    ];

    // Everyone signed in may read a body here; only board secretaries and administrators may save, checked on the handler itself.
    protected override async Task<bool> MaySaveAsync() => (await authorization.AuthorizeAsync(User, Policies.EditGovernance)).Succeeded;

    protected override async Task ShowAsync(DecisionBody body, CancellationToken ct)
    {
        Name = body.Name;
        CanEdit = await MaySaveAsync();
    }

    protected override async Task<bool> ApplyAsync(DecisionBody body, CancellationToken ct)
    {
        new BodyForm.Validator().Validate(Input).AddTo(this);
        if (!ModelState.IsValid || !await Input.CheckNameIsFreeAsync(Db, this, Id, ct)) return false;
        body.Update(Input.Name!, Input.ParsedKind);
        return true;
    }

    // The unique index: someone gave another body this name a moment ago.
    protected override bool Explain(DbUpdateException e)
    {
        BodyForm.AddNameTaken(this, Input.Name!.Trim());
        return true;
    }

    protected override IActionResult Saved(DecisionBody body)
    {
        TempData["Success"] = $"{body.Name} saved";
        return RedirectToPage("Index");
    }
}
