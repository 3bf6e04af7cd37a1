using Commissioning.Domain.Contracts;

namespace Commissioning.Web.Pages.Contracts.Lifecycle;

/// <summary>
/// Withdraw a contract entered in error: it leaves the register and search, nothing is deleted, and its page
/// and history stay open (administrators can list withdrawn contracts). The reason is required.
/// </summary>
[Authorize(Policy = Policies.EditRegister)]
public sealed class WithdrawModel(CommissioningDbContext db, IClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public Form Input { get; set; } = new();

    public Contract Contract { get; private set; } = null!;
    public Conflict? Clash { get; private set; }

    public sealed class Form
    {
        public string? Reason { get; set; }
        public Guid? Version { get; set; }
    }

    public sealed class FormValidator : AbstractValidator<Form>
    {
        public FormValidator() =>
            RuleFor(f => f.Reason).NotEmpty().WithMessage("Enter why the contract is withdrawn, for example entered twice by mistake")
                .MaximumLength(Contract.WithdrawalReasonMaxLength).WithMessage($"The reason must be {Contract.WithdrawalReasonMaxLength:N0} characters or fewer");
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == Id, ct) is not { } contract) return NotFound();
        Contract = contract;
        Input.Version = contract.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await db.Contracts.FirstOrDefaultAsync(c => c.Id == Id, ct) is not { } contract) return NotFound();
        Contract = contract;
        if (contract.IsWithdrawn) return Page();
        if (contract.Version != Input.Version) return await ShowConflictAsync(ct);
        new FormValidator().Validate(Input).AddTo(this);
        if (!ModelState.IsValid) return Page();
        try
        {
            contract.Withdraw(Input.Reason!, User.AsActor(), clock.UtcNow);
        }
        catch (BusinessRuleException e)
        {
            ModelState.AddModelError("Input.Reason", e.Message);
            return Page();
        }
        if ((await db.SaveVersionedAsync(contract, Input.Version, ct)).IsStale) return await ShowConflictAsync(ct);
        TempData["Success"] = $"{contract.Reference} withdrawn: it no longer appears in the register";
        return Redirect($"/Contracts/Details/{Id}");
    }

    private async Task<IActionResult> ShowConflictAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (await db.Contracts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == Id, ct) is not { } current) return NotFound();
        Contract = current;
        Clash = new Conflict("contract", current.UpdatedBy, current.UpdatedAtUtc, []) { SaveButton = null };
        ModelState.AddModelError("", "This contract was changed by someone else after you opened this page. Nothing has been saved: check it is still the one to withdraw and withdraw it again.");
        Input.Version = current.Version;
        return Page();
    }
}
