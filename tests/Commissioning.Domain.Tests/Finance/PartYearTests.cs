using Commissioning.Domain.Common;
using Commissioning.Domain.Finance;

namespace Commissioning.Domain.Tests.Finance;

public class PartYearTests
{
    private static DateRange Term(int y1, int m1, int d1, int y2, int m2, int d2) => new(new DateOnly(y1, m1, d1), new DateOnly(y2, m2, d2));

    [Fact]
    public void A_whole_year_is_the_full_value()
    {
        var p = PartYear.Of(Term(2021, 4, 1, 2031, 3, 31), new FinancialYear(2024))!;
        Assert.Equal(ProRataBasis.FullYear, p.Basis);
        Assert.Equal(Money.Pounds(12_393_408m), p.Apply(Money.Pounds(12_393_408m)));
        Assert.Equal("Full year", p.ToString());
    }

    [Fact]
    public void Whole_calendar_months_pro_rate_by_months()
    {
        var p = PartYear.Of(Term(2021, 8, 1, 2028, 7, 31), new FinancialYear(2021))!;
        Assert.Equal((ProRataBasis.Months, 8), (p.Basis, p.Portion));
        Assert.Equal(Money.Pounds(471_574m), p.Apply(Money.Pounds(707_361m)));
    }

    [Fact]
    public void A_term_ending_at_the_end_of_February_in_a_leap_year_is_eleven_months()
    {
        var p = PartYear.Of(Term(2020, 4, 1, 2024, 2, 29), new FinancialYear(2023))!;
        Assert.Equal((ProRataBasis.Months, 11, 12), (p.Basis, p.Portion, p.Whole));
    }

    [Fact]
    public void A_mid_month_start_pro_rates_by_days_of_that_year()
    {
        // Leicestershire: 7 November 2016; 2016/17 has 365 days (29 February 2016 is in 2015/16).
        var p = PartYear.Of(Term(2016, 11, 7, 2021, 11, 6), new FinancialYear(2016))!;
        Assert.Equal((ProRataBasis.Days, 145, 365), (p.Basis, p.Portion, p.Whole));
        Assert.Equal("145 of 365 days", p.ToString());
        // £1,000,000 × 145 / 365 = £397,260.2739… → £397,260.27
        Assert.Equal(Money.Pounds(397_260.27m), p.Apply(Money.Pounds(1_000_000m)));
    }

    [Fact]
    public void A_leap_financial_year_has_366_days()
    {
        var p = PartYear.Of(Term(2023, 4, 1, 2023, 10, 15), new FinancialYear(2023))!;
        Assert.Equal((ProRataBasis.Days, 198, 366), (p.Basis, p.Portion, p.Whole));
    }

    [Fact]
    public void A_year_the_term_misses_has_no_part()
    {
        Assert.Null(PartYear.Of(Term(2021, 4, 1, 2022, 3, 31), new FinancialYear(2022)));
    }

    [Fact]
    public void Half_a_penny_rounds_away_from_zero()
    {
        var p = new PartYear(new FinancialYear(2021), ProRataBasis.Months, 1, 12);
        Assert.Equal(Money.FromPence(1), p.Apply(Money.FromPence(6)));  // 0.5p → 1p
        Assert.Equal(Money.FromPence(0), p.Apply(Money.FromPence(5)));  // 0.4166p → 0p
    }

    [Theory]
    [InlineData(0, 12)]
    [InlineData(13, 12)]
    [InlineData(1, 0)]
    public void Impossible_parts_are_refused(int portion, int whole) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PartYear(new FinancialYear(2021), ProRataBasis.Months, portion, whole));
}
