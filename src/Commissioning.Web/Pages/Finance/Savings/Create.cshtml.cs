using Commissioning.Domain.Contracts;
using Commissioning.Domain.Finance;
using Commissioning.Infrastructure.Finance;

namespace Commissioning.Web.Pages.Finance.Savings;

/// <summary>Add a savings target to one year of a contract.</summary>
[Authorize(Policy = Policies.EditSavings)]
public sealed class CreateModel(CommissioningDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int ContractId { get; set; }
    [BindProperty] public SavingsForm Input { get; set; } = new();

    public Contract Contract { get; private set; } = null!;
    public SavingsForm.Limits Limits { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        new SavingsForm.Validator(Limits, fixedYear: null).Validate(Input).AddTo(this);
        if (!ModelState.IsValid) return Page();

        var year = new FinancialYear(int.Parse(Input.Year!, System.Globalization.CultureInfo.InvariantCulture));
        var target = new SavingsTarget(Contract.Id, year, Input.ToDetails());
        db.SavingsTargets.Add(target);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = $"Savings target of {target.Amount} for {year} added";
        return this.RedirectToSection($"/Contracts/Details/{Contract.Id}", Sections.Savings);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var contract = await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == ContractId, ct);
        if (contract is null) return false;
        Contract = contract;
        Limits = SavingsForm.Limits.For(contract, await ContractFinance.LoadAsync(db, contract, ct), exceptTargetId: null);
        return true;
    }
}
