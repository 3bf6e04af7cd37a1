using Commissioning.Domain.Providers;

namespace Commissioning.Web.Pages.Providers;

[Authorize(Policy = Policies.EditRegister)]
public sealed class CreateModel(CommissioningDbContext db) : PageModel
{
    [BindProperty] public ProviderForm Input { get; set; } = new();

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        new ProviderForm.Validator().Validate(Input).AddTo(this);
        if (!ModelState.IsValid) return Page();
        var provider = new Provider(Input.ToDetails());
        db.Providers.Add(provider);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = $"{provider.Name} added";
        return RedirectToPage("Index");
    }
}
