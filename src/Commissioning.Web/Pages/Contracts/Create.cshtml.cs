using Commissioning.Domain.Contracts;

namespace Commissioning.Web.Pages.Contracts;

/// <summary>Add a contract: first choose its commissioning form, then fill in that form's page.</summary>
[Authorize(Policy = Policies.EditRegister)]
public sealed class CreateModel(CommissioningDbContext db) : ContractFormPage(db)
{
    [BindProperty(SupportsGet = true, Name = "form")] public CommissioningForm? Chosen { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Chosen is not { } form) return Page();
        Form = form;
        Input = new ContractForm { NoticePeriodMonths = "3" };
        return await RedisplayAsync(ct);
    }

    public async Task<IActionResult> OnPostAddRowAsync(string? section, CancellationToken ct)
    {
        if (Chosen is not { } form) return RedirectToPage();
        Form = form;
        return await AddRowAsync(section, ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Chosen is not { } form) return RedirectToPage();
        Form = form;
        if (!await ValidateAsync(referenceRequired: false, exceptContractId: null, ct)) return await RedisplayAsync(ct);

        if (await SaveNewAsync(link: null, ct) is not { } contract) return await RedisplayAsync(ct);
        TempData["Success"] = $"Contract {contract.Reference} added";
        return RedirectToPage("Details", new { id = contract.Id });
    }
}
