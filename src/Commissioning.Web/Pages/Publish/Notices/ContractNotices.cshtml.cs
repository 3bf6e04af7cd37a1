using Commissioning.Domain.Contracts;
using Commissioning.Domain.Publishing.Notices;
using Commissioning.Infrastructure.Publishing.Notices;
using Microsoft.Extensions.Options;

namespace Commissioning.Web.Pages.Publish.Notices;

/// <summary>
/// A contract's Procurement Act 2023 page: the Act's facts about it (its own form, apart from the contract's edit form), the
/// notices it owes with their deadlines and status, and the notice data ready to copy onto the central digital platform.
/// Everyone may read it; commissioners and administrators set the facts; those who publish contract data (PublishData) record notices.
/// </summary>
public sealed class ContractNoticesModel(CommissioningDbContext db, IClock clock, IOptions<ProcurementActOptions> options, IConfiguration configuration,
    IAuthorizationService authorization) : PageModel
{
    public const string Yes = "yes", No = "no", WorkOut = "";

    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public Form Input { get; set; } = new();

    public Contract Contract { get; private set; } = null!;
    public IReadOnlyList<NoticeDue> Notices { get; private set; } = [];
    public NoticeData Data { get; private set; } = null!;
    public NoticeSettings Settings => options.Value.ToSettings();
    public bool UnderTheAct { get; private set; }
    public bool WorkedOutLightTouch { get; private set; }
    public bool WorkedOutUnderAct { get; private set; }
    public bool CanEdit { get; private set; }
    public bool CanRecord { get; private set; }
    public Conflict? Clash { get; private set; }
    public DateOnly Today => clock.Today;

    public sealed class Form
    {
        public string? UnderAct { get; set; }
        public string? LightTouch { get; set; }
        public bool UserChoice { get; set; }
        public DateParts EnteredIntoOn { get; set; } = new();
        public Guid? Version { get; set; }
    }

    public sealed class FormValidator : AbstractValidator<Form>
    {
        public FormValidator(DateOnly today)
        {
            RuleFor(f => f.UnderAct).Must(v => v is null or "" or Yes or No).WithMessage("Choose whether the contract was procured under the Procurement Act 2023");
            RuleFor(f => f.LightTouch).Must(v => v is null or "" or Yes or No).WithMessage("Choose whether the contract is a light-touch contract");
            RuleFor(f => f.EnteredIntoOn).Date("date the contract was entered into", required: false)
                .DependentRules(() => RuleFor(f => f.EnteredIntoOn).Must(d => d.ToDate() is not { } x || x <= today)
                    .WithMessage($"The date the contract was entered into must be today or in the past"));
        }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(tracked: false, ct)) return NotFound();
        FillForm();
        return Page();
    }

    /// <summary>"Save Procurement Act details": the Act's facts about the contract, over the version the page showed.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(tracked: true, ct)) return NotFound();
        if (!CanEdit) return Forbid();
        if (Contract.Version != Input.Version) return await ShowConflictAsync(ct);
        new FormValidator(clock.Today).Validate(Input).AddTo(this);
        if (!ModelState.IsValid)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(tracked: false, ct);
            return Page();
        }
        Contract.SetProcurementActDetails(new ProcurementActDetails(Choice(Input.UnderAct), Choice(Input.LightTouch), Input.UserChoice, Input.EnteredIntoOn.ToDate()));
        if ((await db.SaveVersionedAsync(Contract, Input.Version, ct)).IsStale) return await ShowConflictAsync(ct);
        TempData["Success"] = $"Procurement Act details saved for {Contract.Reference}";
        return Redirect($"/Contracts/{Id}/Notices");
    }

    private static bool? Choice(string? value) => value switch { Yes => true, No => false, _ => null };

    private static string Choice(bool? value) => value switch { true => Yes, false => No, _ => WorkOut };

    private void FillForm()
    {
        Input.UnderAct = Choice(Contract.ProcuredUnderProcurementAct);
        Input.LightTouch = Choice(Contract.IsLightTouchContract);
        Input.UserChoice = Contract.IsUserChoiceDirectAward;
        Input.EnteredIntoOn = DateParts.From(Contract.EnteredIntoOn);
        Input.Version = Contract.Version;
    }

    private async Task<bool> LoadAsync(bool tracked, CancellationToken ct)
    {
        var query = tracked ? db.Contracts : db.Contracts.AsNoTracking();
        if (await query.FirstOrDefaultAsync(c => c.Id == Id, ct) is not { } contract) return false;
        Contract = contract;
        var settings = Settings;
        var facts = NoticeContract.Of(contract);
        UnderTheAct = ProcurementActAppliesRule.Applies(facts with { ProcuredUnderAct = null }, settings);
        WorkedOutUnderAct = UnderTheAct;
        UnderTheAct = ProcurementActAppliesRule.Applies(facts, settings);
        WorkedOutLightTouch = LightTouchRule.IsLightTouch(facts with { LightTouch = null });
        Notices = await NoticeQueries.ForContractAsync(db, contract, clock.Today, settings, ct);
        Data = await NoticeData.LoadAsync(db, contract, settings, configuration, ct);
        CanEdit = !contract.IsWithdrawn && (await authorization.AuthorizeAsync(User, Policies.EditRegister)).Succeeded;
        CanRecord = !contract.IsWithdrawn && (await authorization.AuthorizeAsync(User, Policies.PublishData)).Succeeded;
        return true;
    }

    private async Task<IActionResult> ShowConflictAsync(CancellationToken ct)
    {
        ModelState.Clear();
        db.ChangeTracker.Clear();
        if (!await LoadAsync(tracked: false, ct)) return NotFound();
        Clash = new Conflict("contract", Contract.UpdatedBy, Contract.UpdatedAtUtc, []) { SaveButton = null };
        ModelState.AddModelError("", "This contract was changed by someone else after you opened this page. Nothing has been saved: check the Procurement Act details against the contract as it is now and save again.");
        Input.Version = Contract.Version;
        return Page();
    }
}
