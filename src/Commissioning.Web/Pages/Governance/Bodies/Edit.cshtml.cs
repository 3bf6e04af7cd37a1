using Commissioning.Domain.Governance;

namespace Commissioning.Web.Pages.Governance.Bodies;

/// <summary>
/// Rename a body or change its kind. Meetings and route steps keep the name they were given
/// (the papers of a past meeting print the name the body had then).
/// </summary>
public sealed class EditModel(CommissioningDbContext db, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public BodyForm Input { get; set; } = new();

    public bool CanEdit { get; private set; }
    public string Name { get; private set; } = "";
    public Conflict? Clash { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var body = await db.DecisionBodies.AsNoTracking().FirstOrDefaultAsync(b => b.Id == Id, ct);
        if (body is null) return NotFound();
        (Name, Input) = (body.Name, BodyForm.From(body));
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.EditGovernance)).Succeeded;
        return Page();
    }

    // Everyone signed in may read a body here; only board secretaries and administrators may save, checked on the handler itself.
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.EditGovernance)).Succeeded) return Forbid();
        CanEdit = true;
        var body = await db.DecisionBodies.FirstOrDefaultAsync(b => b.Id == Id, ct);
        if (body is null) return NotFound();
        Name = body.Name;
        if (body.Version != Input.Version) return ShowConflict(body);

        new BodyForm.Validator().Validate(Input).AddTo(this);
        if (!ModelState.IsValid || !await Input.CheckNameIsFreeAsync(db, this, Id, ct)) return Page();
        body.Update(Input.Name!, Input.ParsedKind);
        try
        {
            var saved = await db.SaveVersionedAsync(body, Input.Version, ct);
            if (saved.IsStale) return saved.Current is { } current ? ShowConflict(current) : NotFound();
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            BodyForm.AddNameTaken(this, Input.Name!.Trim());
            return Page();
        }
        TempData["Success"] = $"{body.Name} saved";
        return RedirectToPage("Index");
    }

    private PageResult ShowConflict(DecisionBody current)
    {
        var saved = BodyForm.From(current);
        var fields = new (string, Func<BodyForm, string?>)[]
        {
            ("Name", f => f.Name?.Trim()),
            ("Kind of body", f => GovernanceDisplay.Parse<DecisionBodyKind>(f.Kind)?.ToText() ?? f.Kind),
        };
        Clash = Conflict.Report(this, "decision-making body", current, Input, saved, fields);
        return Page();
    }
}
