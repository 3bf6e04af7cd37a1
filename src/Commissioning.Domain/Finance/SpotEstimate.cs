using Commissioning.Domain.Common;
using static Commissioning.Domain.Finance.EstimateWording;

namespace Commissioning.Domain.Finance;

/// <summary>How an estimate's figures are rounded. Midpoints go away from zero (£0.50 → £1).</summary>
public enum EstimateRounding
{
    /// <summary>To whole pounds, as board papers show their estimates.</summary>
    NearestPound,
    NearestPenny,
}

/// <summary>A figure of an estimate with the sentence that shows how it was worked out and rounded.</summary>
/// <param name="Exact">The value before rounding; it may hold fractions of a penny.</param>
public sealed record EstimateFigure(string Label, decimal Exact, Money Value, string Working);

/// <summary>
/// What new spot-purchased packages are likely to cost, worked the way a board paper works it:
/// each line is rounded on its own, the full year is the sum of the rounded lines, a part year
/// is a share of that, and the longer projections multiply it by whole years.
/// </summary>
public sealed class SpotEstimate
{
    public const int MaxProjectionYears = 50;

    public SpotEstimate(IEnumerable<EstimateLine> lines, EstimateRounding rounding = EstimateRounding.NearestPound,
        bool wholeHours = true, int partYearMonths = 12, IEnumerable<int>? projectionYears = null)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var given = lines.ToList();
        if (given.Count == 0) throw new ArgumentException("An estimate needs at least one line.", nameof(lines));
        if (given.Any(l => l is null)) throw new ArgumentException("An estimate's lines cannot include an empty line.", nameof(lines));
        if (!Enum.IsDefined(rounding))
            throw new ArgumentOutOfRangeException(nameof(rounding), rounding, "Round to the nearest pound or to the nearest penny.");
        if (partYearMonths is < 1 or > 12)
            throw new ArgumentOutOfRangeException(nameof(partYearMonths), partYearMonths, "The part year must be between 1 and 12 months; 12 months is the full year.");
        var years = (projectionYears ?? []).ToList();
        foreach (var y in years.Where(y => y is < 1 or > MaxProjectionYears))
            throw new ArgumentOutOfRangeException(nameof(projectionYears), y, $"A projection must be between 1 and {MaxProjectionYears} years.");
        if (years.Distinct().Count() != years.Count)
            throw new ArgumentException("Each projection length can be asked for only once.", nameof(projectionYears));

        Lines = given.AsReadOnly();
        Rounding = rounding;
        WholeHours = wholeHours;
        PartYearMonths = partYearMonths;
        ProjectionYears = years.AsReadOnly();

        LineFigures = given.Select(l => Settle(l.Label, l.Calculate(wholeHours), nameof(lines))).ToList().AsReadOnly();
        FullYear = SumOfRoundedLines(nameof(lines));
        PartYear = partYearMonths == 12
            ? FullYear with { Label = "12 months", Working = $"12 months is the full year: {FullYear.Value}" }
            : Settle(Count(partYearMonths, "month", "months"),
                new($"{FullYear.Value} × {partYearMonths} / 12", FullYear.Value.Amount * partYearMonths / 12), nameof(partYearMonths));
        // The full year is already whole pounds or pence, so whole years need no rounding.
        Projections = years.Select(y => Settle(Count(y, "year", "years"),
            new($"{FullYear.Value} a year × {Count(y, "year", "years")}", FullYear.Value.Amount * y), nameof(projectionYears))).ToList().AsReadOnly();
    }

    public IReadOnlyList<EstimateLine> Lines { get; }
    public EstimateRounding Rounding { get; }
    public bool WholeHours { get; }
    public int PartYearMonths { get; }
    public IReadOnlyList<int> ProjectionYears { get; }

    /// <summary>One figure per line, in the order of <see cref="Lines"/>.</summary>
    public IReadOnlyList<EstimateFigure> LineFigures { get; }
    public EstimateFigure FullYear { get; }
    /// <summary>The full year's share for <see cref="PartYearMonths"/> months; the full year itself at 12.</summary>
    public EstimateFigure PartYear { get; }
    /// <summary>One figure per projection length, in the order of <see cref="ProjectionYears"/>.</summary>
    public IReadOnlyList<EstimateFigure> Projections { get; }

    public EstimateFigure Projection(int years)
    {
        for (var i = 0; i < ProjectionYears.Count; i++)
            if (ProjectionYears[i] == years) return Projections[i];
        throw new ArgumentOutOfRangeException(nameof(years), years, $"This estimate was not asked for a projection over {Count(years, "year", "years")}.");
    }

    // Board papers round each line and then add the rounded lines, so the total matches the
    // table a reader can add up; rounding the unrounded sum can differ by a pound or more.
    private EstimateFigure SumOfRoundedLines(string paramName)
    {
        var total = LineFigures.Sum(f => f.Value.Amount);
        var working = LineFigures.Count == 1
            ? $"The one line, as rounded: {Pounds(total)}"
            : $"The lines as rounded: {string.Join(" + ", LineFigures.Select(f => f.Value))} = {Pounds(total)}";
        return new EstimateFigure("Full year", total, Checked("Full year", total, paramName), working);
    }

    private EstimateFigure Settle(string label, Calculation calculation, string paramName)
    {
        var rounded = Rounding == EstimateRounding.NearestPound
            ? decimal.Round(calculation.Exact, 0, MidpointRounding.AwayFromZero)
            : decimal.Round(calculation.Exact, 2, MidpointRounding.AwayFromZero);
        var how = rounded == calculation.Exact
            ? " (exact, no rounding needed)"
            : Rounding == EstimateRounding.NearestPound ? ", rounded to the nearest pound" : ", rounded to the nearest penny";
        return new EstimateFigure(label, calculation.Exact, Checked(label, rounded, paramName),
            $"{calculation.Expression} = {Pounds(calculation.Exact)}{how}");
    }

    // Refused here, with the figure named, rather than left to fail deep inside Money or decimal.
    private static Money Checked(string label, decimal amount, string paramName) =>
        amount > Money.Ceiling
            ? throw new ArgumentOutOfRangeException(paramName, amount,
                $"{label}: {Pounds(amount)} is more than {new Money(Money.Ceiling)}, the most a council contract can be worth; check the figures.")
            : new Money(amount);
}
