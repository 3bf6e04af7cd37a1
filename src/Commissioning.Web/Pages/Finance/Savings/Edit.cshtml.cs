using Commissioning.Domain.Contracts;
using Commissioning.Domain.Finance;
using Commissioning.Infrastructure.Finance;

namespace Commissioning.Web.Pages.Finance.Savings;

/// <summary>
/// Change a savings target or record what it delivered. A target keeps its year; a save over
/// someone else's newer change is refused and both versions are shown.
/// </summary>
[Authorize(Policy = Policies.EditSavings)]
public sealed class EditModel(CommissioningDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public SavingsForm Input { get; set; } = new();

    public Contract Contract { get; private set; } = null!;
    /// <summary>The target as saved: its year, and the RAG status of what it has delivered so far.</summary>
    public SavingsTarget Saved { get; private set; } = null!;
    public Conflict? Clash { get; private set; }
    private SavingsForm.Limits _limits = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Input = SavingsForm.From(Saved);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Saved.Version != Input.Version) return ShowConflict(Saved);
        new SavingsForm.Validator(_limits, Saved.Year).Validate(Input).AddTo(this);
        if (!ModelState.IsValid) return Page();

        var target = await db.SavingsTargets.FirstAsync(s => s.Id == Id, ct);
        target.Change(Input.ToDetails());
        // The check above read the version from an earlier copy; the save makes the UPDATE itself refuse a save that raced past it.
        var saved = await db.SaveVersionedAsync(target, Input.Version, ct);
        if (saved.IsStale) return saved.Current is { } current ? ShowConflict(current) : NotFound();
        TempData["Success"] = $"Savings target for {target.Year} saved";
        return this.RedirectToSection($"/Contracts/Details/{target.ContractId}", Sections.Savings);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var saved = await db.SavingsTargets.AsNoTracking().FirstOrDefaultAsync(s => s.Id == Id, ct);
        if (saved is null) return false;
        Saved = saved;
        Contract = await db.Contracts.AsNoTracking().FirstAsync(c => c.Id == saved.ContractId, ct);
        _limits = SavingsForm.Limits.For(Contract, await ContractFinance.LoadAsync(db, Contract, ct), exceptTargetId: saved.Id);
        return true;
    }

    private PageResult ShowConflict(SavingsTarget current)
    {
        static string? Amount(string? text) => ValidationRules.ParseMoney(text)?.ToString() ?? text?.Trim();
        var fields = new (string, Func<SavingsForm, string?>)[]
        {
            ("Amount", f => Amount(f.Amount)),
            ("Type of saving", f => f.ParsedKind is { } k ? FinanceLabels.Of(k) : f.Kind),
            ("Description", f => f.Description?.Trim()),
            ("Owner", f => f.Owner?.Trim()),
            ("Amount delivered", f => Amount(f.Delivered)),
        };
        Saved = current;
        Clash = Conflict.Report(this, "savings target", current, Input, SavingsForm.From(current), fields);
        return Page();
    }
}
