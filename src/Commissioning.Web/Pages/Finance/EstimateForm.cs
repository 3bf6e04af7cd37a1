using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Commissioning.Domain.Finance;

namespace Commissioning.Web.Pages.Finance;

/// <summary>
/// The spot estimator's form, kept as text so a mistake is shown back exactly as typed. A line is
/// either hours of care or placements; a line left blank is a spare row, not a line.
/// </summary>
public sealed partial class EstimateForm
{
    public const int MaxLines = 8;
    public const int RowsShown = 4;
    public const int MaxProjections = 5;
    /// <summary>The length of AnnualValueReviews.EstimateWorking (FinanceConfiguration).</summary>
    public const int WorkingMaxLength = 4000;
    public const string Hours = "Hours";
    public const string Placements = "Placements";

    public List<LineRow> Lines { get; set; } = [];
    public string? PartYearMonths { get; set; }
    public string? Projections { get; set; }
    public string? Rounding { get; set; }
    // False when the box is unticked, because an unticked box posts nothing; Blank() ticks it.
    public bool WholeHours { get; set; }
    /// <summary>The financial year to propose the full-year value for, by its start year ("2021").</summary>
    public string? Year { get; set; }

    public sealed class LineRow
    {
        public string? Kind { get; set; }
        public string? Description { get; set; }
        public string? Weeks { get; set; }
        public string? People { get; set; }
        public string? HoursPerWeek { get; set; }
        public string? HourlyRate { get; set; }
        public string? Placements { get; set; }
        public string? WeeklyCost { get; set; }

        // The type alone does not make a line: a spare row may have it ticked.
        public bool IsBlank => new[] { Description, Weeks, People, HoursPerWeek, HourlyRate, Placements, WeeklyCost }.All(string.IsNullOrWhiteSpace);
    }

    public static readonly IReadOnlyList<(string Value, string Text, string? Hint)> Kinds =
        [(Hours, "Hours of care", null), (Placements, "Placements", null)];

    public static readonly IReadOnlyList<(string Value, string Text, string? Hint)> Roundings =
    [
        (nameof(EstimateRounding.NearestPound), "Nearest pound, as board papers show", null),
        (nameof(EstimateRounding.NearestPenny), "Nearest penny", null),
    ];

    public static EstimateForm Blank() => new() { PartYearMonths = "12", Rounding = nameof(EstimateRounding.NearestPound), WholeHours = true };

    /// <summary>The B&amp;NES specialist mental health paper's new packages for 2021/22 (section 3.6).</summary>
    public static EstimateForm BnesExample()
    {
        var form = Blank();
        form.PartYearMonths = "8";
        form.Projections = "7, 10";
        form.Lines =
        [
            new() { Kind = Hours, Description = "Specialist Independence at Home", People = "13", HoursPerWeek = "6.25", Weeks = "51", HourlyRate = "20.18" },
            new() { Kind = Placements, Description = "Supported living", Placements = "17", Weeks = "35", WeeklyCost = "513.00" },
            new() { Kind = Placements, Description = "Specialist residential care", Placements = "7", Weeks = "52", WeeklyCost = "875.00" },
        ];
        return form;
    }

    /// <summary>Spare rows up to the four the page starts with.</summary>
    public void AddSpareLines()
    {
        while (Lines.Count < RowsShown) Lines.Add(new LineRow());
    }

    public void AddLine()
    {
        if (Lines.Count < MaxLines) Lines.Add(new LineRow());
    }

    // The methods below run only after the validator has passed, so parsing cannot fail.

    /// <summary>
    /// The estimate the form describes. False, with the field and message, when a figure comes to
    /// more than any council contract is worth: the domain refuses it, and the person is told which.
    /// </summary>
    public bool TryEstimate(out SpotEstimate? estimate, out (string Field, string Message)? problem)
    {
        var lines = Lines.Select((row, i) => (Index: i, Row: row)).Where(l => !l.Row.IsBlank)
            .Select(l => (l.Index, Line: ToLine(l.Row))).ToList();
        var rounding = Enum.Parse<EstimateRounding>(Rounding!);
        var months = int.Parse(PartYearMonths!.Trim(), CultureInfo.InvariantCulture);
        var years = ProjectionYears(Projections)!;
        (estimate, problem) = (null, null);
        try
        {
            estimate = new SpotEstimate(lines.Select(l => l.Line), rounding, WholeHours, months, years);
            return true;
        }
        catch (ArgumentOutOfRangeException e) when (e.ParamName is "lines" or "partYearMonths" or "projectionYears")
        {
            var ceiling = new Money(Money.Ceiling);
            if (e.ParamName == "projectionYears")
            {
                var fullYear = new SpotEstimate(lines.Select(l => l.Line), rounding, WholeHours).FullYear.Value.Amount;
                var first = years.First(y => fullYear * y > Money.Ceiling);
                problem = ("Input.Projections", $"The {first}-year projection is more than {ceiling}, the most a council contract can be worth: check the figures or choose fewer years");
                return false;
            }
            var over = lines.Where(l => Overflows(l.Line, rounding, WholeHours)).Select(l => (int?)l.Index).FirstOrDefault();
            problem = over is { } i
                ? ($"Input.Lines[{i}]", $"Line {i + 1} comes to more than {ceiling} a year, the most a council contract can be worth: check its figures")
                : ("Input.Lines", $"The lines add up to more than {ceiling} a year, the most a council contract can be worth: check the figures");
            return false;
        }
    }

    private static bool Overflows(EstimateLine line, EstimateRounding rounding, bool wholeHours)
    {
        try
        {
            _ = new SpotEstimate([line], rounding, wholeHours);
            return false;
        }
        catch (ArgumentOutOfRangeException)
        {
            return true;
        }
    }

    private static EstimateLine ToLine(LineRow row) => row.Kind == Hours
        ? new HoursLine(row.Description!, ParseNumber(row.HoursPerWeek)!.Value, ParseNumber(row.Weeks)!.Value, (int)ParseNumber(row.People)!.Value,
            ValidationRules.ParseMoney(row.HourlyRate)!.Value)
        : new PlacementsLine(row.Description!, (int)ParseNumber(row.Placements)!.Value, ParseNumber(row.Weeks)!.Value,
            ValidationRules.ParseMoney(row.WeeklyCost)!.Value);

    public static string Narrative(SpotEstimate estimate) =>
        $"From the spot estimate: {estimate.Lines.Count} {(estimate.Lines.Count == 1 ? "line" : "lines")}";

    public const string WorkingCutShort = "(The rest of the working is longer than a review can keep.)";

    /// <summary>
    /// Every figure's working, one a line, as the review keeps it. The lines and the full year come
    /// first, being what the proposed value rests on; past the column's length whole entries are
    /// left off and a note says so, so no sentence is cut in half.
    /// </summary>
    public static string Working(SpotEstimate estimate, int maxLength = WorkingMaxLength)
    {
        var entries = estimate.LineFigures.Append(estimate.FullYear).Append(estimate.PartYear).Concat(estimate.Projections)
            .Select(f => $"{f.Label}: {f.Working}").ToList();
        var all = string.Join("\n", entries);
        if (all.Length <= maxLength) return all;
        var text = new StringBuilder();
        foreach (var entry in entries)
        {
            // Each entry must leave room for the note that says the rest was left off.
            if (text.Length + entry.Length + 1 + WorkingCutShort.Length > maxLength) break;
            text.Append(entry).Append('\n');
        }
        text.Append(WorkingCutShort);
        return text.Length <= maxLength ? text.ToString() : text.ToString(0, maxLength - 1) + "…";
    }

    [GeneratedRegex(@"^-?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\.[0-9]+)?$")]
    private static partial Regex NumberShape();

    /// <summary>"6.25", "1,000", "-3": what a person types; null if it is not a number. Commas only between thousands.</summary>
    internal static decimal? ParseNumber(string? text)
    {
        var s = (text ?? "").Trim();
        return NumberShape().IsMatch(s) && decimal.TryParse(s.Replace(",", ""), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    /// <summary>"7, 10" as years, in the order typed, each once; null if any part is not a whole number.</summary>
    internal static IReadOnlyList<int>? ProjectionYears(string? text)
    {
        var parts = (text ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var years = new List<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var y)) return null;
            if (!years.Contains(y)) years.Add(y);
        }
        return years;
    }

    public sealed class Validator : AbstractValidator<EstimateForm>
    {
        public Validator()
        {
            RuleFor(x => x.Lines).Custom((lines, context) =>
            {
                var filled = lines.Count(l => !l.IsBlank);
                if (filled == 0) context.AddFailure(nameof(Lines), "Enter at least one line of the estimate");
                else if (filled > MaxLines) context.AddFailure(nameof(Lines), $"An estimate can have up to {MaxLines} lines");
                for (var i = 0; i < lines.Count; i++)
                    if (!lines[i].IsBlank)
                        foreach (var (field, message) in LineProblems(lines[i], i + 1))
                            context.AddFailure($"{nameof(Lines)}[{i}].{field}", message);
            });
            RuleFor(x => x.PartYearMonths).WholeNumber("months of the first year", 1, 12);
            RuleFor(x => x.Projections).Custom((text, context) =>
            {
                var years = ProjectionYears(text);
                if (years is null)
                    context.AddFailure("Enter the projection lengths as whole numbers of years separated by commas, like 7, 10");
                else if (years.Any(y => y is < 1 or > SpotEstimate.MaxProjectionYears))
                    context.AddFailure($"Each projection length must be between 1 and {SpotEstimate.MaxProjectionYears} years");
                else if (years.Count > MaxProjections)
                    context.AddFailure($"Enter up to {MaxProjections} projection lengths");
            });
            RuleFor(x => x.Rounding).Must(r => Roundings.Any(o => o.Value == r)).WithMessage("Choose how to round the figures");
        }

        // In the order the fields appear on the page, so the error summary follows it.
        private static IEnumerable<(string Field, string Message)> LineProblems(LineRow line, int n)
        {
            if (line.Kind is not (Hours or Placements))
                yield return (nameof(LineRow.Kind), $"Choose hours of care or placements for line {n}");
            if (string.IsNullOrWhiteSpace(line.Description))
                yield return (nameof(LineRow.Description), $"Enter a description for line {n}, like Supported living");
            else if (line.Description.Trim().Length > EstimateLine.LabelMaxLength)
                yield return (nameof(LineRow.Description), $"The description for line {n} must be {EstimateLine.LabelMaxLength} characters or fewer");
            var checks = new List<(string, string?)> { (nameof(LineRow.Weeks), Amount(line.Weeks, "weeks", n, EstimateLine.MaxWeeks, "51")) };
            if (line.Kind == Hours)
                checks.AddRange(
                [
                    (nameof(LineRow.People), Count(line.People, "number of people", n, "13")),
                    (nameof(LineRow.HoursPerWeek), Amount(line.HoursPerWeek, "hours per week", n, HoursLine.MaxHoursPerWeek, "6.25")),
                    (nameof(LineRow.HourlyRate), Price(line.HourlyRate, "hourly rate", n, "20.18")),
                ]);
            if (line.Kind == Placements)
                checks.AddRange(
                [
                    (nameof(LineRow.Placements), Count(line.Placements, "number of placements", n, "17")),
                    (nameof(LineRow.WeeklyCost), Price(line.WeeklyCost, "weekly cost", n, "513.00")),
                ]);
            foreach (var (field, message) in checks)
                if (message is not null) yield return (field, message);
        }

        private static string? Amount(string? text, string what, int n, decimal max, string example)
        {
            if (string.IsNullOrWhiteSpace(text)) return $"Enter the {what} for line {n}";
            if (ParseNumber(text) is not { } value) return $"The {what} for line {n} must be a number, like {example}";
            return value is <= 0 || value > max ? $"The {what} for line {n} must be more than 0 and no more than {max:0.##}" : null;
        }

        private static string? Count(string? text, string what, int n, string example)
        {
            if (string.IsNullOrWhiteSpace(text)) return $"Enter the {what} for line {n}";
            if (ParseNumber(text) is not { } value || value != decimal.Truncate(value)) return $"The {what} for line {n} must be a whole number, like {example}";
            return value is < 1 or > EstimateLine.MaxCount
                ? $"The {what} for line {n} must be between 1 and {EstimateLine.MaxCount.ToString("#,##0", CultureInfo.InvariantCulture)}"
                : null;
        }

        private static string? Price(string? text, string what, int n, string example)
        {
            Money.TryParse(text, out var money, out var problem);
            return problem switch
            {
                MoneyProblem.None when money == Money.Zero => $"The {what} for line {n} must be more than £0.00",
                MoneyProblem.None => null,
                MoneyProblem.Missing => $"Enter the {what} for line {n}",
                MoneyProblem.Negative => $"The {what} for line {n} must be more than £0.00",
                MoneyProblem.FractionOfPenny => $"Enter the {what} for line {n} to the nearest penny, like {example}",
                MoneyProblem.TooLarge => $"The {what} for line {n} must be less than £10,000,000,000",
                _ => $"Enter the {what} for line {n} in pounds and pence, like {example}",
            };
        }
    }
}
