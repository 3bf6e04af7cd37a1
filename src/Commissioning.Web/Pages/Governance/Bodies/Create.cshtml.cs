using Commissioning.Domain.Governance;

namespace Commissioning.Web.Pages.Governance.Bodies;

[Authorize(Policy = Policies.EditGovernance)]
public sealed class CreateModel(CommissioningDbContext db) : PageModel
{
    [BindProperty] public BodyForm Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        new BodyForm.Validator().Validate(Input).AddTo(this);
        if (!ModelState.IsValid || !await Input.CheckNameIsFreeAsync(db, this, null, ct)) return Page();
        var body = new DecisionBody(Input.Name!, Input.ParsedKind);
        db.DecisionBodies.Add(body);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // The unique index: someone added the same name a moment ago.
            db.ChangeTracker.Clear();
            BodyForm.AddNameTaken(this, body.Name);
            return Page();
        }
        TempData["Success"] = $"{body.Name} added";
        return RedirectToPage("Index");
    }
}
