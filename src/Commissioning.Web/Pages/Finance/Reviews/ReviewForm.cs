using Commissioning.Domain.Finance;

namespace Commissioning.Web.Pages.Finance.Reviews;

/// <summary>A proposed value for one year, kept as typed so mistakes are shown back as entered.</summary>
public sealed class ReviewForm
{
    public string? Year { get; set; }
    public string? ProposedValue { get; set; }
    public bool Outcomes { get; set; }
    public bool Performance { get; set; }
    public bool DemandManagement { get; set; }
    public bool SavingsPressures { get; set; }
    public string? UpliftKind { get; set; } = nameof(Domain.Finance.UpliftKind.None);
    public string? UpliftPercent { get; set; }
    public string? Narrative { get; set; }

    public FinancialYear? ParsedYear => int.TryParse(Year, out var y) && y is >= FinancialYear.EarliestStartYear and <= FinancialYear.LatestStartYear ? new FinancialYear(y) : null;
    // By name only: Enum.TryParse would also take "7" or "1,2".
    public UpliftKind ParsedUplift => IsUpliftName(UpliftKind) ? Enum.Parse<UpliftKind>(UpliftKind!) : Domain.Finance.UpliftKind.None;
    private static bool IsUpliftName(string? text) => text is not null && Enum.GetNames<UpliftKind>().Contains(text);
    public decimal? ParsedPercent => ParsedUplift == Domain.Finance.UpliftKind.None ? null : Percent(UpliftPercent);

    public ReviewFactors Factors => new(Outcomes, Performance, DemandManagement, SavingsPressures, ParsedUplift, ParsedPercent);

    public static decimal? Percent(string? text) =>
        decimal.TryParse((text ?? "").Trim().TrimEnd('%'), System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.GetCultureInfo("en-GB"), out var p) ? p : null;

    public sealed class Validator : AbstractValidator<ReviewForm>
    {
        public Validator()
        {
            RuleFor(f => f.Year).Must((f, _) => f.ParsedYear is not null).WithMessage("Choose the financial year");
            RuleFor(f => f.ProposedValue).Money("proposed annual value", required: true);
            RuleFor(f => f.UpliftKind).Must(IsUpliftName).WithMessage("Choose the kind of uplift, or no uplift");
            RuleFor(f => f.UpliftPercent).Custom((text, ctx) =>
            {
                var form = ctx.InstanceToValidate;
                if (form.ParsedUplift == Domain.Finance.UpliftKind.None) return;
                if (string.IsNullOrWhiteSpace(text)) ctx.AddFailure("Enter the uplift as a percentage, like 6.6");
                else if (Percent(text) is not { } p) ctx.AddFailure("The uplift must be a number, like 6.6");
                else if (p is < 0 or > ReviewFactors.MaxUpliftPercent) ctx.AddFailure($"The uplift must be between 0% and {ReviewFactors.MaxUpliftPercent:0}%");
                else if (decimal.Round(p, 3) != p) ctx.AddFailure("The uplift can have at most 3 decimal places");
            });
            RuleFor(f => f.Narrative).NotEmpty().WithMessage("Say what was considered and why this value")
                .MaximumLength(AnnualValueReview.NarrativeMaxLength).WithMessage($"The narrative must be {AnnualValueReview.NarrativeMaxLength:N0} characters or fewer");
        }
    }
}
