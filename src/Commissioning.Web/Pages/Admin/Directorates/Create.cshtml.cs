using Commissioning.Domain.Contracts;

namespace Commissioning.Web.Pages.Admin.Directorates;

[Authorize(Policy = Policies.ManageDirectorates)]
public sealed class CreateModel(CommissioningDbContext db) : PageModel
{
    [BindProperty] public DirectorateForm Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        new DirectorateForm.Validator().Validate(Input).AddTo(this);
        if (!ModelState.IsValid || !await Input.CheckNameIsFreeAsync(db, this, null, ct)) return Page();
        var directorate = new Directorate(Input.Name!);
        db.Directorates.Add(directorate);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // The unique index: someone added the same name a moment ago.
            db.ChangeTracker.Clear();
            DirectorateForm.AddNameTaken(this, directorate.Name);
            return Page();
        }
        TempData["Success"] = $"{directorate.Name} added";
        return RedirectToPage("Index");
    }
}
