using Commissioning.Domain.Contracts;
using Commissioning.Domain.Finance;
using Commissioning.Domain.Lifecycle;
using Commissioning.Infrastructure.Finance;

namespace Commissioning.Web.Pages.Contracts.Lifecycle;

/// <summary>
/// Record a variation: what changed (value, term, scope, parties), the clause relied on, and the change as
/// a share of the value and the term, with the change notice assessment and the rule that decided it.
/// The value is measured against the contract's value for the current financial year (agreed, else
/// projected: the register's figure), not the value it was let at. "Check the change" shows the
/// assessment before anything is saved.
/// </summary>
[Authorize(Policy = Policies.EditRegister)]
public sealed class VaryModel(CommissioningDbContext db, IClock clock) : LifecycleEventPage<VaryModel.Form>(db, clock)
{
    public static readonly IReadOnlyList<(VariationChange Change, string Text, string Hint)> ChangeChoices =
    [
        (VariationChange.Value, "Value", "The annual value changes"),
        (VariationChange.Term, "Term", "The end date changes"),
        (VariationChange.Scope, "Scope", "The services, hours or outcomes change"),
        (VariationChange.Parties, "Parties", "A provider, member or sub-contractor changes"),
    ];

    public sealed class Form : EventForm
    {
        public List<string> Changes { get; set; } = [];
        public string? NewValue { get; set; }
        public DateParts NewEndDate { get; set; } = new();
        public string? Clause { get; set; }

        public VariationChange ParsedChanges => Changes.Aggregate(VariationChange.None,
            (all, c) => Enum.TryParse<VariationChange>(c, out var one) && ChangeChoices.Any(x => x.Change == one) ? all | one : all);
        public bool Has(VariationChange c) => ParsedChanges.HasFlag(c);
    }

    public sealed class FormValidator : EventFormValidator<Form>
    {
        public FormValidator()
        {
            RuleFor(f => f.Changes).Must((f, _) => f.ParsedChanges != VariationChange.None).WithMessage("Select what the variation changes: value, term, scope or parties");
            RuleFor(f => f.NewValue).Money("new annual value", required: true).When(f => f.Has(VariationChange.Value));
            RuleFor(f => f.NewValue).Empty().When(f => !f.Has(VariationChange.Value))
                .WithMessage("Select Value as a change, or leave the new annual value blank");
            RuleFor(f => f.NewEndDate).Date("new end date", required: true).When(f => f.Has(VariationChange.Term));
            RuleFor(f => f.NewEndDate).Must(d => d.IsEmpty).When(f => !f.Has(VariationChange.Term))
                .WithMessage("Select Term as a change, or leave the new end date blank");
            RuleFor(f => f.Clause).NotEmpty().WithMessage("Enter the clause the variation relies on, like clause 53")
                .MaximumLength(ContractVariation.ClauseMaxLength).WithMessage($"The clause must be {ContractVariation.ClauseMaxLength} characters or fewer");
            EventRules("date the variation takes effect", "a description of the variation");
        }
    }

    public override string Noun => "variation";

    /// <summary>The value a change of value is measured against: the current financial year's, as the register shows it.</summary>
    public CurrentYearValue? YearValue { get; private set; }

    protected override async Task OnLoadedAsync(CancellationToken ct)
    {
        var schedule = (await ContractFinance.LoadAsync(Db, Contract, ct)).Schedule;
        var lastDay = Contract.TerminatedOn is { } t && t < Contract.CurrentEndDate ? t : Contract.CurrentEndDate;
        YearValue = CurrentYearValue.Of(schedule, FinancialYear.Containing(Clock.Today), Contract.StartDate, lastDay);
    }
    protected override IValidator<Form> Validator { get; } = new FormValidator();
    public ContractVariation? Checked => Preview as ContractVariation;

    protected override string? RefusalFor(Contract contract) =>
        contract.TerminatedOn is { } t ? $"{contract.Reference} was terminated with effect from {Dates.Long(t)}; it can no longer be varied." : null;

    protected override Task<ContractEvent> BuildAsync(Contract contract, EventRecord record, CancellationToken ct)
    {
        var changes = Input.ParsedChanges;
        var end = changes.HasFlag(VariationChange.Term) ? Input.NewEndDate.ToDate() : null;
        var terms = new VariationTerms(changes, Input.Clause ?? "",
            changes.HasFlag(VariationChange.Value) ? ValidationRules.ParseMoney(Input.NewValue) : null, end);
        return Task.FromResult<ContractEvent>(ContractVariation.Record(contract, terms, record, YearValue?.Annual));
    }

    protected override string FieldFor(IBusinessRule rule) => rule switch
    {
        VariationMustSayWhatChangedRule => "Input.Changes",
        VariationNeedsAClauseRule => "Input.Clause",
        VariedValueMustMatchWhatChangedRule or SubContractsCannotExceedContractValueRule => "Input.NewValue",
        VariedTermMustMatchWhatChangedRule or VariedEndCannotBeBeforeTheStartRule => "Input.NewEndDate",
        _ => "",
    };

    protected override string Done(ContractEvent ev)
    {
        var v = (ContractVariation)ev;
        // A variation does not agree a year's value (only a review does): say how to bring the new value into the values year by year.
        var review = v.Changes.HasFlag(VariationChange.Value) ? " To change the values year by year, open a review of the year's value." : "";
        return $"Variation under {v.Clause} recorded. {v.ChangeNoticeExplanation}{review}";
    }
}
