using Commissioning.Domain.Contracts;
using Commissioning.Infrastructure.Data;
using Commissioning.Web.Setup;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

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

        var reference = string.IsNullOrWhiteSpace(Input.Reference)
            ? await ContractReferences.NextAsync(Db, Input.StartDate.ToDate()!.Value.Year, ct)
            : Input.Reference;
        Contract? contract = null;
        if (!TryApply(() =>
            {
                contract = Input.CreateContract(form);
                Input.ApplyTo(contract, reference);
            }))
            return await RedisplayAsync(ct);

        Db.Contracts.Add(contract!);
        try
        {
            await Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two people saving at once can both be given the next reference; the unique index refuses the second.
            Db.Entry(contract!).State = EntityState.Detached;
            if (!await Db.Contracts.AnyAsync(c => c.Reference == contract!.Reference, ct)) throw;
            ModelState.AddModelError("Input.Reference", $"The reference {contract!.Reference} was taken a moment ago: save again to get the next one, or enter another");
            Input.Reference = null;
            return await RedisplayAsync(ct);
        }
        TempData["Success"] = $"Contract {contract!.Reference} added";
        return RedirectToPage("Details", new { id = contract.Id });
    }
}
