using Commissioning.Domain.Common;
using Commissioning.Domain.Tests.TestData;
using static Commissioning.Domain.Tests.TestData.Days;

namespace Commissioning.Domain.Tests.Common;

public class DateRangeTests
{
    private static readonly DateRange PersonaTerm = new(On(2021, 4, 1), On(2031, 3, 31));

    // ---- construction ----

    [Fact]
    public void Construction_EndBeforeStart_IsRefusedWithASentence()
    {
        using var _ = new CultureScope("en-GB");

        var ex = Assert.Throws<ArgumentException>(() => new DateRange(On(2021, 4, 1), On(2021, 3, 31)));

        Assert.Equal("end", ex.ParamName);
        Assert.StartsWith("The end (31 March 2021) cannot be before the start (1 April 2021).", ex.Message);
    }

    [Fact]
    public void Construction_EndOneDayAfterStart_IsAllowed()
    {
        var range = new DateRange(On(2021, 4, 1), On(2021, 4, 2));

        Assert.Equal(On(2021, 4, 1), range.Start);
        Assert.Equal(On(2021, 4, 2), range.End);
    }

    [Fact]
    public void Construction_SameStartAndEnd_IsASingleDay()
    {
        var range = new DateRange(On(2021, 4, 1), On(2021, 4, 1));

        Assert.Equal(1, range.Days);
    }

    // ---- days, counting both ends ----

    [Fact]
    public void Days_OfATenYearTerm_CountsBothEndsAndTheLeapDays()
    {
        // 1 April 2021 to 31 March 2031: ten years of 365 days and two leap days (2024, 2028).
        Assert.Equal(3652, PersonaTerm.Days);
    }

    [Theory]
    [InlineData(2021, 4, 1, 2022, 3, 31, 365)]
    [InlineData(2023, 4, 1, 2024, 3, 31, 366)]
    [InlineData(2024, 2, 1, 2024, 2, 29, 29)]
    [InlineData(2021, 12, 31, 2022, 1, 1, 2)]
    public void Days_CountsEveryDayFromTheFirstToTheLast(int y1, int m1, int d1, int y2, int m2, int d2, int expected)
    {
        Assert.Equal(expected, new DateRange(On(y1, m1, d1), On(y2, m2, d2)).Days);
    }

    // ---- containing a day ----

    [Theory]
    [InlineData(2021, 4, 1, true)]    // first day
    [InlineData(2031, 3, 31, true)]   // last day
    [InlineData(2026, 1, 15, true)]   // in the middle
    [InlineData(2021, 3, 31, false)]  // day before
    [InlineData(2031, 4, 1, false)]   // day after
    public void Contains_ADay_IncludesBothEnds(int year, int month, int day, bool expected)
    {
        Assert.Equal(expected, PersonaTerm.Contains(On(year, month, day)));
    }

    // ---- containing a range ----

    [Fact]
    public void Contains_ARangeInside_IsTrue()
    {
        Assert.True(PersonaTerm.Contains(new DateRange(On(2025, 4, 1), On(2026, 3, 31))));
    }

    [Fact]
    public void Contains_ItsOwnDays_IsTrue()
    {
        Assert.True(PersonaTerm.Contains(new DateRange(On(2021, 4, 1), On(2031, 3, 31))));
    }

    [Theory]
    [InlineData(2021, 3, 31, 2022, 3, 31)]  // starts a day early
    [InlineData(2030, 4, 1, 2031, 4, 1)]    // ends a day late
    [InlineData(2031, 4, 1, 2032, 3, 31)]   // entirely after
    public void Contains_ARangeThatGoesOutside_IsFalse(int y1, int m1, int d1, int y2, int m2, int d2)
    {
        Assert.False(PersonaTerm.Contains(new DateRange(On(y1, m1, d1), On(y2, m2, d2))));
    }

    // ---- overlapping ----

    [Theory]
    [InlineData(2031, 3, 31, 2035, 3, 31, true)]   // shares only the last day
    [InlineData(2016, 4, 1, 2021, 4, 1, true)]     // shares only the first day
    [InlineData(2025, 1, 1, 2025, 12, 31, true)]   // inside
    [InlineData(2020, 1, 1, 2040, 1, 1, true)]     // around
    [InlineData(2031, 4, 1, 2035, 3, 31, false)]   // starts the day after
    [InlineData(2016, 4, 1, 2021, 3, 31, false)]   // ends the day before
    public void Overlaps_IsTrueOnlyWhenADayIsShared(int y1, int m1, int d1, int y2, int m2, int d2, bool expected)
    {
        var other = new DateRange(On(y1, m1, d1), On(y2, m2, d2));

        Assert.Equal(expected, PersonaTerm.Overlaps(other));
        Assert.Equal(expected, other.Overlaps(PersonaTerm));
    }

    // ---- intersection ----

    [Fact]
    public void Intersection_OfOverlappingRanges_IsTheDaysBothShare()
    {
        var financialYears = new DateRange(On(2030, 4, 1), On(2032, 3, 31));

        var shared = PersonaTerm.Intersection(financialYears);

        Assert.Equal(new DateRange(On(2030, 4, 1), On(2031, 3, 31)), shared);
        Assert.Equal(shared, financialYears.Intersection(PersonaTerm));
    }

    [Fact]
    public void Intersection_WithARangeInside_IsThatRange()
    {
        var inside = new DateRange(On(2025, 4, 1), On(2026, 3, 31));

        Assert.Equal(inside, PersonaTerm.Intersection(inside));
    }

    [Fact]
    public void Intersection_SharingOneDay_IsThatDay()
    {
        var shared = PersonaTerm.Intersection(new DateRange(On(2031, 3, 31), On(2035, 3, 31)));

        Assert.NotNull(shared);
        Assert.Equal(On(2031, 3, 31), shared.Start);
        Assert.Equal(1, shared.Days);
    }

    [Fact]
    public void Intersection_OfDisjointRanges_IsNull()
    {
        Assert.Null(PersonaTerm.Intersection(new DateRange(On(2031, 4, 1), On(2035, 3, 31))));
        Assert.Null(PersonaTerm.Intersection(new DateRange(On(2010, 1, 1), On(2011, 1, 1))));
    }

    // ---- terms of whole months ----

    [Fact]
    public void OfMonths_TenYearsFromTheFirstOfApril_EndsOnThe31stOfMarch()
    {
        var term = DateRange.OfMonths(On(2021, 4, 1), 120);

        Assert.Equal(On(2021, 4, 1), term.Start);
        Assert.Equal(On(2031, 3, 31), term.End);
        Assert.Equal(PersonaTerm, term);
    }

    [Theory]
    [InlineData(2021, 4, 1, 1, 2021, 4, 30)]
    [InlineData(2021, 8, 1, 84, 2028, 7, 31)]
    [InlineData(2024, 2, 1, 1, 2024, 2, 29)]   // leap February
    [InlineData(2023, 2, 1, 1, 2023, 2, 28)]
    [InlineData(2021, 4, 15, 1, 2021, 5, 14)]
    [InlineData(2024, 3, 30, 1, 2024, 4, 29)]
    public void OfMonths_EndsTheDayBeforeTheSameDayOfTheLastMonth(int y, int m, int d, int months, int ey, int em, int ed)
    {
        Assert.Equal(On(ey, em, ed), DateRange.OfMonths(On(y, m, d), months).End);
    }

    [Fact]
    public void OfMonths_OneMonthFromThe31stOfJanuary_EndsOnTheLastDayOfFebruary()
    {
        // There is no 31 February, so the month ends on February's last day (a leap year here).
        var term = DateRange.OfMonths(On(2024, 1, 31), 1);

        Assert.Equal(On(2024, 2, 29), term.End);
        Assert.Equal(On(2023, 2, 28), DateRange.OfMonths(On(2023, 1, 31), 1).End);
    }

    [Fact]
    public void OfMonths_FromADayTheEndMonthLacks_EndsOnThatMonthsLastDay()
    {
        // 31 March + 1 month has no corresponding 31 April: the term ends 30 April, a day after a term from 30 March.
        Assert.Equal(On(2024, 4, 30), DateRange.OfMonths(On(2024, 3, 31), 1).End);
        Assert.Equal(On(2024, 4, 29), DateRange.OfMonths(On(2024, 3, 30), 1).End);
        Assert.True(DateRange.OfMonths(On(2024, 1, 31), 1).End > DateRange.OfMonths(On(2024, 1, 29), 1).End);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void OfMonths_LessThanAMonth_IsRefused(int months)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => DateRange.OfMonths(On(2021, 4, 1), months));
        Assert.Equal("months", ex.ParamName);
    }

    // ---- printing and equality ----

    [Fact]
    public void ToString_IsWrittenAsInAContract()
    {
        using var _ = new CultureScope("en-GB");

        Assert.Equal("1 April 2021 to 31 March 2031", PersonaTerm.ToString());
    }

    [Fact]
    public void Equality_IsByStartAndEnd()
    {
        Assert.Equal(new DateRange(On(2021, 4, 1), On(2031, 3, 31)), PersonaTerm);
        Assert.NotEqual(new DateRange(On(2021, 4, 1), On(2031, 3, 30)), PersonaTerm);
        Assert.NotEqual(new DateRange(On(2021, 4, 2), On(2031, 3, 31)), PersonaTerm);
    }
}
