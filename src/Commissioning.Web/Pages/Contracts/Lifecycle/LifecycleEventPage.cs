using Commissioning.Domain.Contracts;
using Commissioning.Domain.Lifecycle;

namespace Commissioning.Web.Pages.Contracts.Lifecycle;

/// <summary>What every lifecycle event form asks: the date, the reason and the decision that authorised it.</summary>
public abstract class EventForm
{
    public DateParts EventDate { get; set; } = new();
    public string? Reason { get; set; }
    /// <summary>One of this contract's decisions in the register, by id; blank for none.</summary>
    public string? DecisionId { get; set; }
    /// <summary>A decision not in the register: its number, or the meeting and date.</summary>
    public string? Decision { get; set; }
    public Guid? Version { get; set; }
}

/// <summary>The field rules every event form shares; <paramref name="dateLabel"/> names the date ("date the option is exercised").</summary>
public abstract class EventFormValidator<T> : AbstractValidator<T> where T : EventForm
{
    protected void EventRules(string dateLabel, string reasonLabel, int reasonMaxLength = ContractEvent.ReasonMaxLength)
    {
        RuleFor(f => f.EventDate).Date(dateLabel, required: true);
        RuleFor(f => f.Reason).NotEmpty().WithMessage($"Enter {reasonLabel}")
            .MaximumLength(reasonMaxLength).WithMessage($"The reason must be {reasonMaxLength:N0} characters or fewer");
        RuleFor(f => f.Decision).MaximumLength(ContractEvent.DecisionMaxLength)
            .WithMessage($"The decision must be {ContractEvent.DecisionMaxLength} characters or fewer");
    }
}

/// <summary>
/// What the lifecycle event pages share: the contract and its decisions, the event's common fields,
/// a check that shows what would happen without saving, and a save that refuses a stale version.
/// The event and the change to the contract commit together (one SaveChanges, one transaction).
/// </summary>
public abstract class LifecycleEventPage<TForm>(CommissioningDbContext db, IClock clock) : PageModel where TForm : EventForm, new()
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public TForm Input { get; set; } = new();

    public Contract Contract { get; private set; } = null!;
    public IReadOnlyList<(string Value, string Text)> Decisions { get; private set; } = [];
    public Conflict? Clash { get; private set; }
    /// <summary>Why nothing of this kind can be recorded (withdrawn, terminated, no option left); the form is not shown.</summary>
    public string? Refusal { get; private set; }
    /// <summary>The event the form would record, worked out by "Check" without saving.</summary>
    public ContractEvent? Preview { get; private set; }
    public DateOnly Today => clock.Today;

    protected CommissioningDbContext Db => db;
    protected IClock Clock => clock;

    /// <summary>The event's name in a sentence: "extension", "variation".</summary>
    public abstract string Noun { get; }
    protected abstract IValidator<TForm> Validator { get; }
    /// <summary>Builds the event on <paramref name="contract"/>, changing it; throws a <see cref="BusinessRuleException"/> when a rule is broken.</summary>
    protected abstract Task<ContractEvent> BuildAsync(Contract contract, EventRecord record, CancellationToken ct);
    /// <summary>Where a broken rule's message goes: the form field it is about, or "" for the summary only.</summary>
    protected abstract string FieldFor(IBusinessRule rule);
    protected abstract string Done(ContractEvent ev);
    /// <summary>Why this kind of event cannot be recorded at all on the contract as it stands, or null.</summary>
    protected virtual string? RefusalFor(Contract contract) => null;
    protected virtual void Prefill(Contract contract) { }
    /// <summary>The event is not new: an existing draft being completed is saved by updating it.</summary>
    protected virtual bool AddsEvent => true;

    public virtual async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(tracked: false, ct)) return NotFound();
        Input.Version = Contract.Version;
        Input.EventDate = DateParts.From(clock.Today);
        Prefill(Contract);
        return Page();
    }

    /// <summary>"Check": runs the rules on a copy that is never saved and shows what would be recorded.</summary>
    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        if (!await LoadAsync(tracked: false, ct)) return NotFound();
        if (Refusal is not null) return Page();
        Validator.Validate(Input).AddTo(this);
        if (!ModelState.IsValid) return Page();
        if (await RecordAsync(ct) is not { } record) return Page();
        Preview = await TryBuildAsync(Contract, record, ct);
        // Show the contract as it stands, not the copy the check changed.
        await LoadAsync(tracked: false, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(tracked: true, ct)) return NotFound();
        if (Refusal is not null) return Page();
        if (Contract.Version != Input.Version) return await ShowConflictAsync(ct);
        Validator.Validate(Input).AddTo(this);
        if (!ModelState.IsValid) return Page();
        if (await RecordAsync(ct) is not { } record) return Page();
        if (await TryBuildAsync(Contract, record, ct) is not { } ev)
        {
            // Nothing half-saved: forget whatever the refused change touched, and show the contract as saved.
            db.ChangeTracker.Clear();
            await LoadAsync(tracked: false, ct);
            return Page();
        }
        if (AddsEvent) db.ContractEvents.Add(ev);
        // The check above reads the version; the save makes the UPDATE itself refuse a save that raced past it.
        if ((await db.SaveVersionedAsync(Contract, Input.Version, ct)).IsStale) return await ShowConflictAsync(ct);
        TempData["Success"] = Done(ev);
        return this.RedirectToSection($"/Contracts/Details/{Id}", Sections.History);
    }

    protected async Task<bool> LoadAsync(bool tracked, CancellationToken ct)
    {
        var query = tracked ? db.Contracts : db.Contracts.AsNoTracking();
        var contract = await query.FirstOrDefaultAsync(c => c.Id == Id, ct);
        if (contract is null) return false;
        Contract = contract;
        var decisions = await db.ContractDecisions.AsNoTracking().Where(d => d.ContractId == Id)
            .OrderBy(d => d.Id).Select(d => new { d.Id, d.DecisionReference, d.Title }).ToListAsync(ct);
        Decisions = decisions.Select(d => (d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            d.DecisionReference is null ? d.Title : $"{d.DecisionReference}: {d.Title}")).ToList();
        Refusal = contract.IsWithdrawn
            ? $"{contract.Reference} was withdrawn as entered in error; nothing more can be recorded against it."
            : RefusalFor(contract);
        await OnLoadedAsync(ct);
        return true;
    }

    /// <summary>Loads what a page shows beside the contract (a continuation's drafts).</summary>
    protected virtual Task OnLoadedAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>The event's common record: who and when from the session and the clock, the decision from the list or as typed.</summary>
    private async Task<EventRecord?> RecordAsync(CancellationToken ct)
    {
        var decision = string.IsNullOrWhiteSpace(Input.Decision) ? null : Input.Decision.Trim();
        int? decisionId = null;
        if (!string.IsNullOrWhiteSpace(Input.DecisionId))
        {
            var id = ValidationRules.ParseInt(Input.DecisionId);
            var chosen = id is null ? null : await db.ContractDecisions.AsNoTracking()
                .Where(d => d.Id == id && d.ContractId == Id).Select(d => new { d.Id, d.DecisionReference, d.Title }).FirstOrDefaultAsync(ct);
            if (chosen is null)
            {
                ModelState.AddModelError("Input.DecisionId", "Choose one of this contract's decisions, or none");
                return null;
            }
            decisionId = chosen.Id;
            var text = chosen.DecisionReference ?? chosen.Title;
            decision = text.Length > ContractEvent.DecisionMaxLength ? text[..ContractEvent.DecisionMaxLength] : text;
        }
        return new EventRecord(Input.EventDate.ToDate()!.Value, Input.Reason ?? "", decision, User.AsActor(), clock.UtcNow, decisionId);
    }

    private async Task<ContractEvent?> TryBuildAsync(Contract contract, EventRecord record, CancellationToken ct)
    {
        try
        {
            return await BuildAsync(contract, record, ct);
        }
        catch (BusinessRuleException e)
        {
            var field = e.Rule switch
            {
                EventNeedsAReasonRule => "Input.Reason",
                EventNeedsAnAuthorisingDecisionRule => Decisions.Count > 0 ? "Input.DecisionId" : "Input.Decision",
                _ => FieldFor(e.Rule),
            };
            ModelState.AddModelError(field, e.Message);
            return null;
        }
        catch (ArgumentException e)
        {
            // The form's validator catches these first; this keeps any that slip through a message, not a 500.
            ModelState.AddModelError("", e.Message.Split(" (Parameter", 2)[0]);
            return null;
        }
    }

    private async Task<IActionResult> ShowConflictAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (!await LoadAsync(tracked: false, ct)) return NotFound();
        // The event form has no earlier copy of the contract to compare: the page shows the contract as it is now.
        Clash = new Conflict("contract", Contract.UpdatedBy, Contract.UpdatedAtUtc, []) { SaveButton = null };
        ModelState.AddModelError("", $"This contract was changed by someone else after you opened this page. Nothing has been saved: check the {Noun} against the contract as it is now and save again.");
        Input.Version = Contract.Version;
        return Page();
    }

    public EventFieldsView Fields(string dateLegend, string? dateHint, string reasonLabel, string? reasonHint, bool decisionRequired) =>
        new(Input, Decisions, dateLegend, dateHint, reasonLabel, reasonHint, decisionRequired);
}

public sealed record EventFieldsView(EventForm Input, IReadOnlyList<(string Value, string Text)> Decisions, string DateLegend, string? DateHint,
    string ReasonLabel, string? ReasonHint, bool DecisionRequired);
