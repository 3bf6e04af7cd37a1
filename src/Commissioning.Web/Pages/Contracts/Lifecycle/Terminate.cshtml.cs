using System.Globalization;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Lifecycle;

namespace Commissioning.Web.Pages.Contracts.Lifecycle;

/// <summary>
/// Record termination: by notice (the date served and the notice period give the last day), for breach or by
/// agreement (a last day), or natural expiry (it runs to its current end date). The reason is always required.
/// "Work out the last day" shows where notice would end the contract before anything is saved.
/// </summary>
[Authorize(Policy = Policies.EditRegister)]
public sealed class TerminateModel(CommissioningDbContext db, IClock clock) : LifecycleEventPage<TerminateModel.Form>(db, clock)
{
    /// <summary>The contract keeps its termination reason in a column of this size.</summary>
    public const int ReasonMaxLength = 2000;

    public sealed class Form : EventForm
    {
        public string? Kind { get; set; }
        public string? NoticeMonths { get; set; }
        public DateParts TakesEffectOn { get; set; } = new();
        public DateParts LastDay { get; set; } = new();

        public TerminationKind? ParsedKind => Kind is not null && Enum.GetNames<TerminationKind>().Contains(Kind) ? Enum.Parse<TerminationKind>(Kind) : null;
    }

    public sealed class FormValidator : EventFormValidator<Form>
    {
        public FormValidator()
        {
            RuleFor(f => f.Kind).Must((f, _) => f.ParsedKind is not null).WithMessage("Choose how the contract ends");
            RuleFor(f => f.NoticeMonths).WholeNumber("notice period in months", 0, Contract.MaxNoticeMonths).When(f => f.ParsedKind == TerminationKind.Notice);
            RuleFor(f => f.TakesEffectOn).Date("date the notice takes effect", required: false).When(f => f.ParsedKind == TerminationKind.Notice);
            RuleFor(f => f.LastDay).Date("last day of the contract", required: true).When(f => f.ParsedKind is TerminationKind.Breach or TerminationKind.Agreement);
            RuleFor(f => f.EventDate).Date("date", required: true);
            RuleFor(f => f.Reason).NotEmpty().WithMessage("Enter the reason for the termination")
                .MaximumLength(ReasonMaxLength).WithMessage($"The reason must be {ReasonMaxLength:N0} characters or fewer");
            RuleFor(f => f.Decision).MaximumLength(ContractEvent.DecisionMaxLength)
                .WithMessage($"The decision must be {ContractEvent.DecisionMaxLength} characters or fewer");
        }
    }

    public override string Noun => "termination";
    protected override IValidator<Form> Validator { get; } = new FormValidator();
    public ContractTermination? Checked => Preview as ContractTermination;

    protected override string? RefusalFor(Contract contract) =>
        contract.TerminatedOn is { } t ? $"{contract.Reference} was already terminated with effect from {Dates.Long(t)}: {contract.TerminationReason}" : null;

    protected override void Prefill(Contract contract) =>
        Input.NoticeMonths = contract.NoticePeriodMonths.ToString(CultureInfo.InvariantCulture);

    protected override async Task<ContractEvent> BuildAsync(Contract contract, EventRecord record, CancellationToken ct) =>
        Input.ParsedKind!.Value switch
        {
            TerminationKind.Notice => ContractTermination.ByNotice(contract, record, ValidationRules.ParseInt(Input.NoticeMonths), Input.TakesEffectOn.ToDate()),
            TerminationKind.Breach => ContractTermination.ForBreach(contract, record, Input.LastDay.ToDate()!.Value),
            TerminationKind.Agreement => ContractTermination.ByAgreement(contract, record, Input.LastDay.ToDate()!.Value),
            _ => ContractTermination.NaturalExpiry(contract, record, await ExpiryRecordedAsync(contract, ct)),
        };

    private Task<bool> ExpiryRecordedAsync(Contract contract, CancellationToken ct) =>
        Db.ContractEvents.OfType<ContractTermination>().AnyAsync(t => t.ContractId == contract.Id
            && t.TerminationKind == TerminationKind.NaturalExpiry && t.LastDay == contract.CurrentEndDate, ct);

    protected override string FieldFor(IBusinessRule rule) => rule switch
    {
        NoticeCannotBeShorterThanTheNoticePeriodRule => "Input.NoticeMonths",
        NoticeMustBeServedBeforeItTakesEffectRule or NoticeMustTakeEffectByTheCurrentEndRule => "Input.EventDate",
        NoticeMustRunItsFullPeriodRule => "Input.TakesEffectOn",
        ExpiryCannotBeRecordedTwiceRule => "Input.Kind",
        TerminationCannotTakeEffectBeforeTheStartRule or TerminationMustTakeEffectByTheCurrentEndRule =>
            Input.ParsedKind == TerminationKind.Notice ? (Input.TakesEffectOn.IsEmpty ? "Input.EventDate" : "Input.TakesEffectOn") : "Input.LastDay",
        _ => "",
    };

    protected override string Done(ContractEvent ev)
    {
        var t = (ContractTermination)ev;
        return t.TerminationKind == TerminationKind.NaturalExpiry
            ? $"Natural expiry recorded: {Contract.Reference} runs to {Dates.Long(t.LastDay)} and is not extended"
            : $"Termination recorded ({LifecycleLabels.Of(t.TerminationKind).ToLowerInvariant()}): the last day of {Contract.Reference} is {Dates.Long(t.LastDay)}";
    }
}
