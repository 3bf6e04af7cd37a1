using Commissioning.Domain.Common;
using Commissioning.Domain.Finance;

namespace Commissioning.Domain.Tests.Finance;

public class CurrentYearValueTests
{
    private static readonly DateRange PersonaTerm = new(new DateOnly(2021, 4, 1), new DateOnly(2031, 3, 31));
    private static readonly FinancialYear Year2026 = new(2026);

    private static ValueSchedule Persona() => new(PersonaTerm, PersonaTerm,
        new OpeningBaseline(Money.Pounds(12_393_408m), new FinancialYear(2019), "SC-2015-0001"),
        [
            new AgreedValue(new FinancialYear(2021), Money.Pounds(11_393_408m), Money.Pounds(11_393_408m), Money.Zero),
            new AgreedValue(new FinancialYear(2022), Money.Pounds(9_893_408m), Money.Pounds(9_893_408m), Money.Zero),
        ],
        [
            new PlannedSaving(new FinancialYear(2021), Money.Pounds(1_000_000m), SavingsKind.CashableReduction),
            new PlannedSaving(new FinancialYear(2022), Money.Pounds(1_500_000m), SavingsKind.CashableReduction),
        ]);

    [Fact]
    public void Persona_in_2026_27_is_its_projected_9_893_408_not_the_11_393_408_it_was_let_at()
    {
        var v = CurrentYearValue.Of(Persona(), Year2026, PersonaTerm.Start, PersonaTerm.End);

        // 2022/23 agreed at £9,893,408; no savings since, no uplift assumed.
        Assert.Equal(Money.Pounds(9_893_408m), v.Annual);
        Assert.Equal(ValueSource.Projected, v.Source);
        Assert.Equal((Year2026, YearInForce.Current), (v.Year, v.When));
        Assert.Equal("projected", v.Note);
    }

    [Fact]
    public void An_agreed_year_is_shown_as_agreed_with_no_note()
    {
        var v = CurrentYearValue.Of(Persona(), new FinancialYear(2021), PersonaTerm.Start, PersonaTerm.End);

        Assert.Equal(Money.Pounds(11_393_408m), v.Annual);
        Assert.Equal(ValueSource.Agreed, v.Source);
        Assert.Null(v.Note);
    }

    [Theory]
    // Kent's continuation, 1 October 2017 to 31 May 2019, seen in 2026/27: its last year, 2019/20.
    [InlineData("2017-10-01", "2019-05-31", 2026, 2019, YearInForce.Last)]
    // A contract starting 1 August 2028, seen in 2026/27: its first year, 2028/29.
    [InlineData("2028-08-01", "2031-07-31", 2026, 2028, YearInForce.First)]
    // In force this year, from its first day to its last.
    [InlineData("2026-04-01", "2027-03-31", 2026, 2026, YearInForce.Current)]
    [InlineData("2025-04-01", "2026-04-01", 2026, 2026, YearInForce.Current)]
    [InlineData("2027-03-31", "2029-03-31", 2026, 2026, YearInForce.Current)]
    // Ended the day before this year began.
    [InlineData("2024-04-01", "2026-03-31", 2026, 2025, YearInForce.Last)]
    public void The_year_shown_is_this_one_while_in_force_else_the_first_or_the_last(string start, string lastDay, int current, int expected, YearInForce when)
    {
        var (year, w) = CurrentYearValue.YearFor(new FinancialYear(current), DateOnly.Parse(start), DateOnly.Parse(lastDay));

        Assert.Equal((new FinancialYear(expected), when), (year, w));
    }

    [Fact]
    public void A_contract_that_ended_shows_its_last_years_value_named()
    {
        // Kent: £33,632,993.52 a year, never reviewed; 2019/20 is April and May.
        var term = new DateRange(new DateOnly(2017, 10, 1), new DateOnly(2019, 5, 31));
        var s = new ValueSchedule(term, term, new OpeningBaseline(Money.Pounds(33_632_993.52m), null, "let"), [], []);

        var v = CurrentYearValue.Of(s, Year2026, term.Start, term.End);

        Assert.Equal(Money.Pounds(33_632_993.52m), v.Annual);
        Assert.Equal("projected, last year 2019/20", v.Note);
    }

    [Fact]
    public void A_contract_with_no_value_has_no_note()
    {
        var s = new ValueSchedule(PersonaTerm, PersonaTerm, null, [], []);

        var v = CurrentYearValue.Of(s, Year2026, PersonaTerm.Start, PersonaTerm.End);

        Assert.Null(v.Annual);
        Assert.Equal(ValueSource.Unknown, v.Source);
        Assert.Null(v.Note);
    }
}
