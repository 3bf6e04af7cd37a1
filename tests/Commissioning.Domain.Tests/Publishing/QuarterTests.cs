using Commissioning.Domain.Common;
using Commissioning.Domain.Publishing;
using static Commissioning.Domain.Tests.TestData.Days;

namespace Commissioning.Domain.Tests.Publishing;

public class QuarterTests
{
    [Theory]
    [InlineData(1, 2025, 4, 1, 2025, 6, 30)]
    [InlineData(2, 2025, 7, 1, 2025, 9, 30)]
    [InlineData(3, 2025, 10, 1, 2025, 12, 31)]
    [InlineData(4, 2026, 1, 1, 2026, 3, 31)]
    public void Range_RunsFromTheQuartersFirstDayToItsLast(int number, int sy, int sm, int sd, int ey, int em, int ed)
    {
        var quarter = new Quarter(new FinancialYear(2025), number);

        Assert.Equal(On(sy, sm, sd), quarter.Start);
        Assert.Equal(On(ey, em, ed), quarter.End);
        Assert.True(quarter.Range.Contains(quarter.Start));
        Assert.True(quarter.Range.Contains(quarter.End));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    public void Construction_NumberOutsideOneToFour(int number)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Quarter(new FinancialYear(2025), number));
        Assert.Contains("1 to 4", e.Message);
    }

    [Fact]
    public void Construction_WithoutAYear() =>
        Assert.Throws<ArgumentException>(() => new Quarter(default, 1));

    [Theory]
    [InlineData(2025, 3, 31, "2024/25 Q4")]
    [InlineData(2025, 4, 1, "2025/26 Q1")]
    [InlineData(2025, 6, 30, "2025/26 Q1")]
    [InlineData(2025, 7, 1, "2025/26 Q2")]
    [InlineData(2025, 12, 31, "2025/26 Q3")]
    [InlineData(2026, 1, 1, "2025/26 Q4")]
    public void Containing_TheQuarterOfTheDay(int y, int m, int d, string expected) =>
        Assert.Equal(expected, Quarter.Containing(On(y, m, d)).ToString());

    [Theory]
    [InlineData(2025, 7, 1, "2025/26 Q1")]
    [InlineData(2025, 6, 30, "2024/25 Q4")]
    [InlineData(2025, 4, 1, "2024/25 Q4")]
    public void LastCompleteBefore_IsTheQuarterBeforeTodays(int y, int m, int d, string expected) =>
        Assert.Equal(expected, Quarter.LastCompleteBefore(On(y, m, d)).ToString());

    [Fact]
    public void NextAndPrevious_CrossTheFinancialYear()
    {
        var q4 = new Quarter(new FinancialYear(2024), 4);

        Assert.Equal(new Quarter(new FinancialYear(2025), 1), q4.Next);
        Assert.Equal(q4, q4.Next.Previous);
        Assert.True(q4 < q4.Next);
    }

    [Theory]
    [InlineData("2025/26 Q1", 2025, 1)]
    [InlineData("2025-26-Q3", 2025, 3)]
    [InlineData(" 2024/2025 q4 ", 2024, 4)]
    public void TryParse_ReadsTheNameAndTheKey(string text, int startYear, int number)
    {
        Assert.True(Quarter.TryParse(text, out var quarter));
        Assert.Equal(new Quarter(new FinancialYear(startYear), number), quarter);
    }

    [Theory]
    [InlineData("2025/26 Q5")]
    [InlineData("2025/27 Q1")]
    [InlineData("Q1")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_RefusesOtherText(string? text) => Assert.False(Quarter.TryParse(text, out _));

    [Fact]
    public void KeyAndDescribe()
    {
        var quarter = new Quarter(new FinancialYear(2025), 1);

        Assert.Equal("2025-26-Q1", quarter.Key);
        Assert.Equal("1 April to 30 June 2025", quarter.Describe());
        Assert.True(Quarter.TryParse(quarter.Key, out var back) && back == quarter);
    }
}
