using Commissioning.Domain.Common;
using Commissioning.Domain.Finance;

namespace Commissioning.Domain.Tests.Finance;

public class ValueScheduleTests
{
    private static readonly DateRange PersonaTerm = new(new DateOnly(2021, 4, 1), new DateOnly(2031, 3, 31));
    private static readonly OpeningBaseline Persona2019 = new(Money.Pounds(12_393_408m), new FinancialYear(2019), "SC-2015-0001");
    private static readonly PlannedSaving[] PersonaSavings =
    [
        new(new FinancialYear(2021), Money.Pounds(1_000_000m), SavingsKind.CashableReduction),
        new(new FinancialYear(2022), Money.Pounds(1_500_000m), SavingsKind.CashableReduction),
    ];

    [Fact]
    public void Persona_savings_carry_forward_from_the_2019_20_value()
    {
        var s = new ValueSchedule(PersonaTerm, PersonaTerm, Persona2019, [], PersonaSavings);

        Assert.Equal(10, s.Rows.Count);
        Assert.Equal(Money.Pounds(12_393_408m), s.Rows[0].Baseline);
        Assert.Equal(Money.Pounds(11_393_408m), s.Rows[0].Annual);
        Assert.Equal(Money.Pounds(11_393_408m), s.Rows[1].Baseline);
        Assert.Equal(Money.Pounds(9_893_408m), s.Rows[1].Annual);
        Assert.All(s.Rows.Skip(2), r => Assert.Equal(Money.Pounds(9_893_408m), r.YearValue));
        Assert.All(s.Rows, r => Assert.Equal(ValueSource.Projected, r.Source));
    }

    [Fact]
    public void Persona_ten_year_value_is_a_little_over_100_million()
    {
        var s = new ValueSchedule(PersonaTerm, PersonaTerm, Persona2019, [], PersonaSavings);

        // 11,393,408 + 9 × 9,893,408: the paper's "over £100million".
        Assert.Equal(Money.Pounds(100_434_080m), s.CurrentTermTotal);
        Assert.Equal(s.CurrentTermTotal, s.MaximumTermTotal);
    }

    [Fact]
    public void Cost_avoidance_leaves_the_baseline_alone()
    {
        var savings = new[] { new PlannedSaving(new FinancialYear(2021), Money.Pounds(1_000_000m), SavingsKind.CostAvoidance) };
        var s = new ValueSchedule(PersonaTerm, PersonaTerm, Persona2019, [], savings);

        Assert.Equal(Money.Pounds(12_393_408m), s.Rows[0].Annual);
    }

    [Fact]
    public void An_agreed_year_stands_and_the_next_year_carries_from_it()
    {
        var agreed = new AgreedValue(new FinancialYear(2022), Money.Pounds(10_000_000m), Money.Pounds(10_000_000m), Money.Pounds(106_594.08m));
        var s = new ValueSchedule(PersonaTerm, PersonaTerm, Persona2019, [agreed], PersonaSavings);

        Assert.Equal(ValueSource.Agreed, s.Rows[1].Source);
        Assert.Equal(Money.Pounds(10_000_000m), s.Rows[1].Annual);
        Assert.Equal(Money.Pounds(106_594.08m), s.Rows[1].Uplift);
        Assert.Equal(Money.Pounds(10_000_000m), s.Rows[2].Baseline);
        Assert.Equal(ValueSource.Projected, s.Rows[2].Source);
    }

    [Fact]
    public void Without_an_opening_value_the_years_are_unknown_and_not_summed()
    {
        var s = new ValueSchedule(PersonaTerm, PersonaTerm, null, [], []);

        Assert.All(s.Rows, r => Assert.Equal(ValueSource.Unknown, r.Source));
        Assert.Equal(10, s.UnknownYears);
        Assert.Equal(Money.Zero, s.CurrentTermTotal);
    }

    [Fact]
    public void Savings_larger_than_the_baseline_project_zero_not_a_negative()
    {
        var savings = new[] { new PlannedSaving(new FinancialYear(2021), Money.Pounds(20_000_000m), SavingsKind.CashableReduction) };
        var s = new ValueSchedule(PersonaTerm, PersonaTerm, Persona2019, [], savings);

        Assert.Equal(Money.Zero, s.Rows[0].Annual);
        // The row shows the £12,393,408 of the £20m it could take, so it adds up: 12,393,408 − 12,393,408 = 0.
        Assert.Equal(Money.Pounds(12_393_408m), s.Rows[0].Savings);
        Assert.Equal(MoneyChange.None, s.Rows[0].OtherChange);
        // A review of the year still starts from the whole target.
        Assert.Equal(Money.Pounds(20_000_000m), s.PositionFor(new FinancialYear(2021), null).Savings);
    }

    [Fact]
    public void A_renewal_let_at_a_new_price_shows_the_difference_as_an_other_agreed_change()
    {
        // The renewal: its predecessor's last agreed year £954,313.59, its own first year
        // agreed at £985,156.71 when it was entered, with no uplift or savings in the working.
        var term = new DateRange(new DateOnly(2027, 4, 1), new DateOnly(2032, 3, 31));
        var opening = new OpeningBaseline(Money.Pounds(954_313.59m), new FinancialYear(2026), "SC-2022-0103");
        var first = new AgreedValue(new FinancialYear(2027), Money.Pounds(985_156.71m), Money.Pounds(985_156.71m), Money.Zero);

        var s = new ValueSchedule(term, term, opening, [first], []);

        var row = s.Rows[0];
        // £985,156.71 − £954,313.59 = £30,843.12: 954,313.59 + 0.00 − 0.00 + 30,843.12 = 985,156.71.
        Assert.Equal(Money.Pounds(954_313.59m), row.Baseline);
        Assert.Equal(new MoneyChange(30_843_12), row.OtherChange);
        Assert.Equal("+£30,843.12", row.OtherChange.ToString());
        // The next year carries the agreed value forward with nothing else to explain.
        Assert.Equal(Money.Pounds(985_156.71m), s.Rows[1].Baseline);
        Assert.Equal(MoneyChange.None, s.Rows[1].OtherChange);
    }

    [Fact]
    public void An_agreed_value_below_its_working_shows_a_negative_other_change()
    {
        // 2022/23 agreed at £10,000,000.00 with an uplift of £106,594.08 on a baseline of £11,393,408.00 and
        // savings of £1,500,000.00: the working is 11,393,408.00 + 106,594.08 − 1,500,000.00 = 10,000,002.08,
        // so £2.08 less was agreed.
        var agreed = new AgreedValue(new FinancialYear(2022), Money.Pounds(10_000_000m), Money.Pounds(10_000_000m), Money.Pounds(106_594.08m));

        var s = new ValueSchedule(PersonaTerm, PersonaTerm, Persona2019, [agreed], PersonaSavings);

        Assert.Equal(new MoneyChange(-208), s.Rows[1].OtherChange);
        Assert.Equal("-£2.08", s.Rows[1].OtherChange.ToString());
    }

    [Fact]
    public void A_first_year_agreed_with_no_starting_value_is_all_other_change()
    {
        // A spot contract entered with no value, then £48,765.43 agreed for its first year from an estimate.
        var agreed = new AgreedValue(new FinancialYear(2021), Money.Pounds(48_765.43m), Money.Pounds(48_765.43m), Money.Zero);

        var s = new ValueSchedule(PersonaTerm, PersonaTerm, null, [agreed], []);

        Assert.Null(s.Rows[0].Baseline);
        Assert.Equal(new MoneyChange(48_765_43), s.Rows[0].OtherChange);
    }

    [Fact]
    public void Every_row_of_every_kind_adds_up_to_its_annual_value()
    {
        var savings = PersonaSavings.Append(new PlannedSaving(new FinancialYear(2024), Money.Pounds(50_000_000m), SavingsKind.CashableReduction));
        AgreedValue[] agreed =
        [
            new(new FinancialYear(2022), Money.Pounds(10_000_000m), Money.Pounds(10_000_000m), Money.Pounds(106_594.08m)),
            new(new FinancialYear(2025), Money.Pounds(1_234.56m), Money.Pounds(1_234.56m), Money.Pounds(30m)),
        ];

        var s = new ValueSchedule(PersonaTerm, PersonaTerm, Persona2019, agreed, savings);

        Assert.All(s.Rows, r => Assert.Equal(r.Annual!.Value.Pence,
            (r.Baseline?.Pence ?? 0) + r.Uplift.Pence - r.Savings.Pence + r.OtherChange.Pence));
    }

    [Fact]
    public void BNES_part_years_are_pro_rated_by_months_and_extension_years_are_marked()
    {
        // 1 August 2021 to 31 July 2028, plus an option of 3 years.
        var current = new DateRange(new DateOnly(2021, 8, 1), new DateOnly(2028, 7, 31));
        var maximum = new DateRange(new DateOnly(2021, 8, 1), new DateOnly(2031, 7, 31));
        var opening = new OpeningBaseline(Money.Pounds(707_361m), null, "contracted annual value");
        var s = new ValueSchedule(current, maximum, opening, [], []);

        Assert.Equal(11, s.Rows.Count); // 2021/22 to 2031/32
        Assert.Equal("8 of 12 months", s.Rows[0].PartYear.ToString());
        Assert.Equal(Money.Pounds(471_574m), s.Rows[0].YearValue);
        // 2028/29: 4 months in the current term, a full year over the maximum term.
        var boundary = s.RowFor(new FinancialYear(2028))!;
        Assert.False(boundary.BeyondCurrentTerm);
        Assert.Equal(Money.Pounds(235_787m), boundary.YearValue);
        Assert.Equal(Money.Pounds(707_361m), boundary.YearValueOverMaximumTerm);
        Assert.True(s.RowFor(new FinancialYear(2029))!.BeyondCurrentTerm);
        // Seven years in the current term, ten over the maximum: the paper's £4,951,527 and £7,073,610.
        Assert.Equal(Money.Pounds(4_951_527m), s.CurrentTermTotal);
        Assert.Equal(Money.Pounds(7_073_610m), s.MaximumTermTotal);
    }

    [Fact]
    public void Position_for_a_review_applies_the_uplift_to_the_baseline_to_the_penny()
    {
        var s = new ValueSchedule(PersonaTerm, PersonaTerm, Persona2019, [], PersonaSavings);
        var p = s.PositionFor(new FinancialYear(2023), 3.5m);

        Assert.Equal(Money.Pounds(9_893_408m), p.Baseline);
        Assert.Equal(Money.Pounds(346_269.28m), p.Uplift); // 9,893,408 × 3.5% = 346,269.28
        Assert.Equal(Money.Pounds(10_239_677.28m), ValueSchedule.Suggested(p));
    }

    [Fact]
    public void Position_rounds_half_a_penny_away_from_zero()
    {
        var opening = new OpeningBaseline(Money.Pounds(0.50m), null, "x");
        var s = new ValueSchedule(PersonaTerm, PersonaTerm, opening, [], []);

        Assert.Equal(Money.Pounds(0.01m), s.PositionFor(new FinancialYear(2021), 1m).Uplift); // 0.5p → 1p
    }
}
