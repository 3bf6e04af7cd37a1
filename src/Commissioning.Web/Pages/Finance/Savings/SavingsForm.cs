using System.Globalization;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Finance;
using Commissioning.Infrastructure.Finance;

namespace Commissioning.Web.Pages.Finance.Savings;

/// <summary>The savings target form shared by Create and Edit, kept as typed, and its checks.</summary>
public sealed class SavingsForm : IVersionedForm
{
    public string? Year { get; set; }
    public string? Amount { get; set; }
    public string? Kind { get; set; }
    public string? Description { get; set; }
    public string? Owner { get; set; }
    public string? Delivered { get; set; }
    public Guid? Version { get; set; }

    public static SavingsForm From(SavingsTarget s) => new()
    {
        Year = s.FinancialYearStart.ToString(CultureInfo.InvariantCulture), Amount = s.Amount.ToInputString(), Kind = s.Kind.ToString(),
        Description = s.Description, Owner = s.Owner, Delivered = s.Delivered?.ToInputString(), Version = s.Version,
    };

    public SavingsKind? ParsedKind => Enum.TryParse<SavingsKind>(Kind, out var k) && Enum.IsDefined(k) ? k : null;

    public SavingsDetails ToDetails() => new(ValidationRules.ParseMoney(Amount)!.Value, ParsedKind!.Value, Description!, Owner,
        ValidationRules.ParseMoney(Delivered));

    public static IEnumerable<(string Value, string Text, string? Hint)> KindOptions =>
    [
        (nameof(SavingsKind.CashableReduction), FinanceLabels.Of(SavingsKind.CashableReduction), "Lowers the contract's value from this year on, every later year too"),
        (nameof(SavingsKind.CostAvoidance), FinanceLabels.Of(SavingsKind.CostAvoidance), "Spend avoided; the contract's value is unchanged"),
    ];

    /// <summary>What the fields partial needs: the form and, on Create only, the years to choose from.</summary>
    public sealed record Fields(SavingsForm Input, IReadOnlyList<(string Value, string Text)>? YearOptions);

    /// <summary>
    /// The years a contract's targets can fall in (its maximum term) and, for each, the value
    /// a cashable saving is measured against: the year's baseline and uplift less the other
    /// cashable targets of the year. Null where the schedule does not know the baseline.
    /// </summary>
    public sealed class Limits(IReadOnlyList<FinancialYear> years, Func<FinancialYear, Money?> valueBefore)
    {
        public IReadOnlyList<FinancialYear> Years { get; } = years;
        public Money? ValueBefore(FinancialYear year) => valueBefore(year);

        public IReadOnlyList<(string Value, string Text)> YearOptions =>
            Years.Select(y => (y.StartYear.ToString(CultureInfo.InvariantCulture), y.ToString())).ToList();

        public static Limits For(Contract contract, ContractFinance finance, int? exceptTargetId) =>
            new(FinancialYear.Spanning(contract.MaximumTerm).ToList(), year =>
            {
                if (finance.Schedule.RowFor(year) is not { Baseline: { } baseline } row) return null;
                var others = Money.Sum(finance.Savings
                    .Where(s => s.FinancialYearStart == year.StartYear && s.Kind == SavingsKind.CashableReduction && s.Id != exceptTargetId)
                    .Select(s => s.Amount));
                var before = baseline + row.Uplift;
                return others >= before ? Money.Zero : before - others;
            });
    }

    /// <param name="fixedYear">The target's year when editing (a target keeps its year); null on Create, where it is chosen.</param>
    public sealed class Validator : AbstractValidator<SavingsForm>
    {
        public Validator(Limits limits, FinancialYear? fixedYear)
        {
            FinancialYear? YearOf(SavingsForm f) => fixedYear
                ?? (int.TryParse(f.Year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
                    ? limits.Years.Where(x => x.StartYear == y).Select(x => (FinancialYear?)x).FirstOrDefault()
                    : null);

            if (fixedYear is null)
                RuleFor(f => f.Year).Must((f, _) => YearOf(f) is not null).WithMessage("Choose the financial year");
            RuleFor(f => f.Amount).Cascade(CascadeMode.Stop)
                .Money("amount", required: true)
                .Must(a => ValidationRules.ParseMoney(a) != Money.Zero).WithMessage("The amount must be more than £0.00")
                .Custom((text, ctx) =>
                {
                    // Only a cashable reduction lowers the value; cost avoidance can be any size.
                    var form = ctx.InstanceToValidate;
                    if (form.ParsedKind != SavingsKind.CashableReduction || YearOf(form) is not { } year) return;
                    if (ValidationRules.ParseMoney(text) is not { } amount || limits.ValueBefore(year) is not { } value) return;
                    var rule = new SavingsCannotExceedValueRule(amount, value, year);
                    if (rule.IsBroken()) ctx.AddFailure(rule.Message);
                });
            RuleFor(f => f.Kind).Must((f, _) => f.ParsedKind is not null).WithMessage("Choose the type of saving");
            RuleFor(f => f.Description).NotEmpty().WithMessage("Enter a description of the saving")
                .MaximumLength(SavingsTarget.DescriptionMaxLength).WithMessage($"The description must be {SavingsTarget.DescriptionMaxLength:N0} characters or fewer");
            RuleFor(f => f.Owner).MaximumLength(SavingsTarget.OwnerMaxLength).WithMessage($"The owner must be {SavingsTarget.OwnerMaxLength} characters or fewer");
            RuleFor(f => f.Delivered).Money("amount delivered", required: false);
        }
    }
}
