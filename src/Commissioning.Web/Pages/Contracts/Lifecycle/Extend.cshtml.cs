using System.Globalization;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Lifecycle;

namespace Commissioning.Web.Pages.Contracts.Lifecycle;

/// <summary>
/// Exercise extension option: the next unused option, in order, moves the current end date on by its
/// months, never beyond the maximum end date. The option the page offered travels with the form, so a
/// second click (or a colleague's) cannot use it twice.
/// </summary>
[Authorize(Policy = Policies.EditRegister)]
public sealed class ExtendModel(CommissioningDbContext db, IClock clock) : LifecycleEventPage<ExtendModel.Form>(db, clock)
{
    public sealed class Form : EventForm
    {
        public string? Option { get; set; }
    }

    public sealed class FormValidator : EventFormValidator<Form>
    {
        public FormValidator()
        {
            RuleFor(f => f.Option).Must(o => ValidationRules.ParseInt(o) is > 0).WithMessage("Choose the extension option to exercise");
            EventRules("date the option is exercised", "the reason for extending");
        }
    }

    public override string Noun => "extension";
    protected override IValidator<Form> Validator { get; } = new FormValidator();

    /// <summary>The end date each unused option would give if exercised next, in order.</summary>
    public IEnumerable<(ExtensionOption Option, DateOnly NewEnd)> Remaining
    {
        get
        {
            var end = Contract.CurrentEndDate;
            foreach (var o in Contract.ExtensionOptions.Where(o => !o.IsExercised))
                yield return (o, end = Contract.Extend(end, o.Months));
        }
    }

    protected override string? RefusalFor(Contract contract) =>
        contract.TerminatedOn is { } t ? $"{contract.Reference} was terminated with effect from {Dates.Long(t)}; it can no longer be extended."
        : contract.ExtensionOptions.Count == 0 ? $"{contract.Reference} has no extension options. To move its end date, record a variation or a negotiated continuation."
        : contract.NextExtensionOption() is null ? $"Every extension option of {contract.Reference} has been used: {contract.ExercisedOptionCount} of {contract.ExtensionOptions.Count}. An option cannot be used twice."
        : null;

    protected override void Prefill(Contract contract) =>
        Input.Option = contract.NextExtensionOption()?.Sequence.ToString(CultureInfo.InvariantCulture);

    protected override Task<ContractEvent> BuildAsync(Contract contract, EventRecord record, CancellationToken ct)
    {
        var sequence = ValidationRules.ParseInt(Input.Option)!.Value;
        return Task.FromResult<ContractEvent>(ExtensionExercised.Option(contract, sequence, record));
    }

    protected override string FieldFor(IBusinessRule rule) => "Input.Option";

    protected override string Done(ContractEvent ev)
    {
        var x = (ExtensionExercised)ev;
        return $"Extension option {x.OptionSequence} exercised: {Contract.Reference} now ends on {Dates.Long(x.EndDateAfter)}";
    }
}
