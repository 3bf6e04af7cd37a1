using Commissioning.Domain.Providers;

namespace Commissioning.Web.Pages.Providers;

/// <summary>Edit a provider; a save over someone else's newer change is refused and both are shown.</summary>
public sealed class EditModel(CommissioningDbContext db, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public ProviderForm Input { get; set; } = new();

    public bool CanEdit { get; private set; }
    public string Name { get; private set; } = "";
    public Conflict? Clash { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var provider = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == Id, ct);
        if (provider is null) return NotFound();
        (Name, Input) = (provider.Name, ProviderForm.From(provider));
        CanEdit = (await authorization.AuthorizeAsync(User, Policies.EditRegister)).Succeeded;
        return Page();
    }

    // Everyone signed in may read a provider here; only the editing roles may save, checked on the handler itself.
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.EditRegister)).Succeeded) return Forbid();
        CanEdit = true;
        var provider = await db.Providers.FirstOrDefaultAsync(p => p.Id == Id, ct);
        if (provider is null) return NotFound();
        Name = provider.Name;
        if (provider.Version != Input.Version) return ShowConflict(provider);

        new ProviderForm.Validator().Validate(Input).AddTo(this);
        if (!ModelState.IsValid) return Page();
        provider.Update(Input.ToDetails());
        var saved = await db.SaveVersionedAsync(provider, Input.Version, ct);
        if (saved.IsStale) return saved.Current is { } current ? ShowConflict(current) : NotFound();
        TempData["Success"] = $"{provider.Name} saved";
        return RedirectToPage("Index");
    }

    private PageResult ShowConflict(Provider current)
    {
        var saved = ProviderForm.From(current);
        var fields = new (string, Func<ProviderForm, string?>)[]
        {
            ("Name", f => f.Name?.Trim()), ("Type of organisation", f => f.OrganisationType), ("SME", f => f.IsSme ? "Yes" : "No"),
            ("VCSE", f => f.IsVcse ? "Yes" : "No"), ("VCSE type", f => f.VcseType), ("Registration number", f => f.RegistrationNumber?.Trim()), ("Address", f => f.Address?.Trim()),
            ("Contact name", f => f.ContactName?.Trim()), ("Contact email", f => f.ContactEmail?.Trim()), ("Contact telephone", f => f.ContactPhone?.Trim()),
        };
        Clash = Conflict.Report(this, "provider", current, Input, saved, fields);
        return Page();
    }
}
