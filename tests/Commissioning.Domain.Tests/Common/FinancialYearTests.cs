using Commissioning.Domain.Common;
using static Commissioning.Domain.Tests.TestData.Days;

namespace Commissioning.Domain.Tests.Common;

public class FinancialYearTests
{
    // ---- printing ----

    [Theory]
    [InlineData(2021, "2021/22")]
    [InlineData(1999, "1999/00")]
    [InlineData(2009, "2009/10")]
    [InlineData(1990, "1990/91")]
    [InlineData(2099, "2099/00")]
    public void ToString_IsTheFirstYearAndTheLastTwoDigitsOfTheSecond(int startYear, string expected)
    {
        Assert.Equal(expected, new FinancialYear(startYear).ToString());
    }

    // ---- days ----

    [Fact]
    public void StartAndEnd_RunFromThe1stOfAprilToThe31stOfMarch()
    {
        var year = new FinancialYear(2021);

        Assert.Equal(2021, year.StartYear);
        Assert.Equal(On(2021, 4, 1), year.Start);
        Assert.Equal(On(2022, 3, 31), year.End);
        Assert.Equal(new DateRange(On(2021, 4, 1), On(2022, 3, 31)), year.Range);
    }

    [Fact]
    public void Range_OfAYearWithALeapDay_Is366Days()
    {
        Assert.Equal(366, new FinancialYear(2023).Range.Days);
        Assert.Equal(365, new FinancialYear(2024).Range.Days);
    }

    // ---- which year a day is in ----

    [Theory]
    [InlineData(2022, 3, 31, 2021)]
    [InlineData(2022, 4, 1, 2022)]
    [InlineData(2022, 1, 1, 2021)]
    [InlineData(2021, 12, 31, 2021)]
    [InlineData(2021, 4, 1, 2021)]
    public void Containing_ADay_IsTheYearFromTheAprilBefore(int year, int month, int day, int expectedStartYear)
    {
        var fy = FinancialYear.Containing(On(year, month, day));

        Assert.Equal(new FinancialYear(expectedStartYear), fy);
        Assert.True(fy.Range.Contains(On(year, month, day)));
    }

    [Fact]
    public void Containing_31March2022_Is2021Slash22_And1April2022_Is2022Slash23()
    {
        Assert.Equal("2021/22", FinancialYear.Containing(On(2022, 3, 31)).ToString());
        Assert.Equal("2022/23", FinancialYear.Containing(On(2022, 4, 1)).ToString());
    }

    // ---- years a range touches ----

    [Fact]
    public void Spanning_ATermOverSeveralYears_GivesEveryYearItTouchesInOrder()
    {
        // B&NES: 1 August 2021 to 31 July 2028.
        var years = FinancialYear.Spanning(new DateRange(On(2021, 8, 1), On(2028, 7, 31)))
            .Select(y => y.ToString()).ToList();

        Assert.Equal(["2021/22", "2022/23", "2023/24", "2024/25", "2025/26", "2026/27", "2027/28", "2028/29"], years);
    }

    [Fact]
    public void Spanning_ExactlyOneFinancialYear_GivesThatYearOnly()
    {
        var years = FinancialYear.Spanning(new DateRange(On(2021, 4, 1), On(2022, 3, 31))).ToList();

        Assert.Equal([new FinancialYear(2021)], years);
    }

    [Fact]
    public void Spanning_ATenYearTermFromApril_GivesTenYears()
    {
        var years = FinancialYear.Spanning(new DateRange(On(2021, 4, 1), On(2031, 3, 31))).ToList();

        Assert.Equal(10, years.Count);
        Assert.Equal(new FinancialYear(2021), years[0]);
        Assert.Equal(new FinancialYear(2030), years[^1]);
    }

    [Fact]
    public void Spanning_TwoDaysAcrossTheYearEnd_GivesBothYears()
    {
        var years = FinancialYear.Spanning(new DateRange(On(2022, 3, 31), On(2022, 4, 1))).ToList();

        Assert.Equal([new FinancialYear(2021), new FinancialYear(2022)], years);
    }

    [Fact]
    public void Spanning_ASingleDay_GivesItsYear()
    {
        var years = FinancialYear.Spanning(new DateRange(On(2022, 3, 31), On(2022, 3, 31))).ToList();

        Assert.Equal([new FinancialYear(2021)], years);
    }

    // ---- reading what a person types ----

    [Theory]
    [InlineData("2021/22", 2021)]
    [InlineData("2021-22", 2021)]
    [InlineData("2021/2022", 2021)]
    [InlineData("2021-2022", 2021)]
    [InlineData(" 2021 / 22 ", 2021)]
    [InlineData("1999/00", 1999)]
    [InlineData("1999/2000", 1999)]
    [InlineData("1990/91", 1990)]
    [InlineData("2200/01", 2200)]
    public void TryParse_AWrittenYear_IsRead(string text, int expectedStartYear)
    {
        Assert.True(FinancialYear.TryParse(text, out var year));
        Assert.Equal(expectedStartYear, year.StartYear);
    }

    [Theory]
    [InlineData("2021/23")]
    [InlineData("2021/21")]
    [InlineData("2021/2023")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("2021")]
    [InlineData("21/22")]
    [InlineData("2021/2")]
    [InlineData("2021\\22")]
    [InlineData("1989/90")]
    [InlineData("2201/02")]
    public void TryParse_WhatIsNotAFinancialYear_IsRefused(string text)
    {
        Assert.False(FinancialYear.TryParse(text, out var year));
        Assert.Equal(default, year);
    }

    [Fact]
    public void TryParse_Null_IsRefused()
    {
        Assert.False(FinancialYear.TryParse(null, out _));
    }

    [Fact]
    public void TryParse_WhatToStringPrints_ReadsBack()
    {
        var year = new FinancialYear(1999);

        Assert.True(FinancialYear.TryParse(year.ToString(), out var back));
        Assert.Equal(year, back);
    }

    // ---- guarding the constructor ----

    [Theory]
    [InlineData(1989)]
    [InlineData(2201)]
    [InlineData(0)]
    [InlineData(-2021)]
    public void Construction_OutsideTheSupportedYears_IsRefused(int startYear)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new FinancialYear(startYear));
        Assert.Equal("startYear", ex.ParamName);
    }

    [Theory]
    [InlineData(FinancialYear.EarliestStartYear)]
    [InlineData(FinancialYear.LatestStartYear)]
    public void Construction_AtTheEdgesOfTheSupportedYears_IsAllowed(int startYear)
    {
        Assert.Equal(startYear, new FinancialYear(startYear).StartYear);
    }

    // ---- order ----

    [Fact]
    public void NextAndPrevious_AreTheNeighbouringYears()
    {
        var year = new FinancialYear(2021);

        Assert.Equal(new FinancialYear(2022), year.Next);
        Assert.Equal(new FinancialYear(2020), year.Previous);
        Assert.Equal(year.End.AddDays(1), year.Next.Start);
    }

    [Fact]
    public void Comparison_OrdersByStartYear()
    {
        var earlier = new FinancialYear(2021);
        var later = new FinancialYear(2022);

        Assert.True(earlier < later);
        Assert.False(later < earlier);
        Assert.True(later > earlier);
        Assert.False(earlier > later);
        Assert.True(earlier.CompareTo(later) < 0);
        Assert.True(later.CompareTo(earlier) > 0);
        Assert.Equal(0, earlier.CompareTo(new FinancialYear(2021)));
        Assert.Equal([earlier, later], new[] { later, earlier }.Order());
    }
}
