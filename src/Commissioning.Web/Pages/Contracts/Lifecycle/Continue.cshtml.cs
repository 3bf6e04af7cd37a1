using System.Globalization;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Lifecycle;

namespace Commissioning.Web.Pages.Contracts.Lifecycle;

/// <summary>
/// Record a negotiated continuation (the Kent case): the contract continues to a new end date outside
/// competition. It can be saved as a draft while the single source justification is written; it can only be
/// saved as approved with the justification's text, the legal risk noted and who approved it. A draft is
/// completed and approved later from the same page (?draft=id).
/// </summary>
[Authorize(Policy = Policies.EditRegister)]
public sealed class ContinueModel(CommissioningDbContext db, IClock clock) : LifecycleEventPage<ContinueModel.Form>(db, clock)
{
    public sealed class Form : EventForm
    {
        public DateParts NewEndDate { get; set; } = new();
        public string? Status { get; set; }
        public string? JustificationText { get; set; }
        public string? LegalRisk { get; set; }
        public string? ApprovedBy { get; set; }
        public DateParts ApprovedOn { get; set; } = new();
        public int? DraftId { get; set; }

        public bool IsApproved => Status == nameof(ContinuationStatus.Approved);
        public bool HasJustification => !string.IsNullOrWhiteSpace(JustificationText) || !string.IsNullOrWhiteSpace(LegalRisk) || !string.IsNullOrWhiteSpace(ApprovedBy);
    }

    public sealed class FormValidator : EventFormValidator<Form>
    {
        public FormValidator()
        {
            RuleFor(f => f.NewEndDate).Date("new end date", required: true);
            RuleFor(f => f.Status).Must(s => s is nameof(ContinuationStatus.Draft) or nameof(ContinuationStatus.Approved))
                .WithMessage("Choose whether the continuation is approved or a draft");
            RuleFor(f => f.JustificationText).NotEmpty().When(f => f.IsApproved)
                .WithMessage("Enter the single source justification: a continuation cannot be saved as approved without one");
            RuleFor(f => f.JustificationText).MaximumLength(NegotiatedContinuation.JustificationMaxLength)
                .WithMessage($"The justification must be {NegotiatedContinuation.JustificationMaxLength:N0} characters or fewer");
            RuleFor(f => f.LegalRisk).NotEmpty().When(f => f.IsApproved)
                .WithMessage("Enter the legal risk noted, for example operating outside the procurement regulations");
            RuleFor(f => f.LegalRisk).MaximumLength(NegotiatedContinuation.JustificationMaxLength)
                .WithMessage($"The legal risk must be {NegotiatedContinuation.JustificationMaxLength:N0} characters or fewer");
            RuleFor(f => f.ApprovedBy).NotEmpty().When(f => f.IsApproved).WithMessage("Enter who approved the justification");
            RuleFor(f => f.ApprovedBy).MaximumLength(NegotiatedContinuation.ApproverMaxLength)
                .WithMessage($"Who approved it must be {NegotiatedContinuation.ApproverMaxLength} characters or fewer");
            RuleFor(f => f.ApprovedOn).Date("date the justification was approved", required: true).When(f => f.IsApproved);
            RuleFor(f => f.ApprovedOn).Date("date the justification was approved", required: false).When(f => !f.IsApproved);
            EventRules("date of the continuation", "the reason for continuing the contract");
        }
    }

    public override string Noun => "continuation";
    protected override IValidator<Form> Validator { get; } = new FormValidator();
    protected override bool AddsEvent => Input.DraftId is null;

    /// <summary>Drafts waiting for approval on this contract.</summary>
    public IReadOnlyList<NegotiatedContinuation> Drafts { get; private set; } = [];
    /// <summary>The draft being completed, when the page was opened from one.</summary>
    public NegotiatedContinuation? Draft { get; private set; }

    public override async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var result = await base.OnGetAsync(ct);
        if (result is not PageResult) return result;
        if (int.TryParse(Request.Query["draft"], NumberStyles.None, CultureInfo.InvariantCulture, out var draftId))
        {
            if (await LoadDraftAsync(draftId, tracked: false, ct) is not { } d) return NotFound();
            Input.DraftId = d.Id;
            Input.EventDate = DateParts.From(d.EventDate);
            Input.Reason = d.Reason;
            Input.NewEndDate = DateParts.From(d.NewEndDate);
            Input.JustificationText = d.JustificationText;
            Input.LegalRisk = d.LegalRisk;
            Input.ApprovedBy = d.JustificationApprovedBy;
            Input.ApprovedOn = DateParts.From(d.JustificationApprovedOn);
            Input.Decision = d.AuthorisingDecisionId is null ? d.AuthorisingDecision : null;
            Input.DecisionId = d.AuthorisingDecisionId?.ToString(CultureInfo.InvariantCulture);
            Input.Status = nameof(ContinuationStatus.Approved);
        }
        return result;
    }

    protected override void Prefill(Contract contract) => Input.Status = nameof(ContinuationStatus.Approved);

    protected override string? RefusalFor(Contract contract) =>
        contract.TerminatedOn is { } t ? $"{contract.Reference} was terminated with effect from {Dates.Long(t)}; it can no longer be continued." : null;

    protected override async Task<ContractEvent> BuildAsync(Contract contract, EventRecord record, CancellationToken ct)
    {
        var justification = Input.HasJustification
            ? new SingleSourceJustification(Input.JustificationText ?? "", Input.LegalRisk ?? "", Input.ApprovedBy ?? "", Input.ApprovedOn.ToDate() ?? record.EventDate)
            : null;
        if (Input.DraftId is { } draftId)
        {
            // Completing a draft: its date, reason and new end date stand; the justification and decision are added.
            var draft = NegotiatedContinuation.DraftToComplete(contract, await LoadDraftAsync(draftId, tracked: !IsCheck, ct));
            if (justification is not null) draft.Justify(justification);
            if (Input.IsApproved) draft.Approve(contract, record.AuthorisingDecision, record.AuthorisingDecisionId);
            return draft;
        }
        if (Input.IsApproved)
            return NegotiatedContinuation.Approved(contract, Input.NewEndDate.ToDate()!.Value,
                justification ?? throw new BusinessRuleException(new ContinuationNeedsASingleSourceJustificationRule(null)), record);
        return NegotiatedContinuation.Draft(contract, Input.NewEndDate.ToDate()!.Value, record, justification);
    }

    private bool IsCheck => string.Equals(Request.Query["handler"], "Check", StringComparison.Ordinal);

    protected override string FieldFor(IBusinessRule rule) => rule switch
    {
        ContinuationMustMoveTheEndLaterRule => "Input.NewEndDate",
        ContinuationNeedsASingleSourceJustificationRule => "Input.JustificationText",
        _ => "",
    };

    protected override string Done(ContractEvent ev)
    {
        var n = (NegotiatedContinuation)ev;
        return n.Status == ContinuationStatus.Approved
            ? $"Negotiated continuation approved: {Contract.Reference} now ends on {Dates.Long(n.NewEndDate)}"
            : $"Negotiated continuation to {Dates.Long(n.NewEndDate)} saved as a draft; the end date changes once it is approved";
    }

    protected override async Task OnLoadedAsync(CancellationToken ct)
    {
        Drafts = await Db.ContractEvents.AsNoTracking().OfType<NegotiatedContinuation>()
            .Where(n => n.ContractId == Id && n.Status == ContinuationStatus.Draft).OrderBy(n => n.Id).ToListAsync(ct);
        Draft = Input.DraftId is { } id ? Drafts.FirstOrDefault(d => d.Id == id) : null;
    }

    private async Task<NegotiatedContinuation?> LoadDraftAsync(int draftId, bool tracked, CancellationToken ct)
    {
        var query = Db.ContractEvents.OfType<NegotiatedContinuation>();
        if (!tracked) query = query.AsNoTracking();
        var draft = await query.FirstOrDefaultAsync(n => n.Id == draftId && n.ContractId == Id && n.Status == ContinuationStatus.Draft, ct);
        if (draft is not null && !tracked) Draft = draft;
        return draft;
    }
}
