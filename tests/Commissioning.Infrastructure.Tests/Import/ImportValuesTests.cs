using Commissioning.Domain.Contracts;
using Commissioning.Infrastructure.Import;

namespace Commissioning.Infrastructure.Tests.Import;

public sealed class ImportValuesTests
{
    [Theory]
    [InlineData("£1,234.56", 123456)]
    [InlineData("1234.5", 123450)]
    [InlineData("1,234", 123400)]
    [InlineData(" £ 12 ", 1200)]
    [InlineData("£\u00A012", 1200)]
    [InlineData("0", 0)]
    [InlineData("0.01", 1)]
    [InlineData("12393408.00", 1239340800)]
    [InlineData("10000000000", 1000000000000)]
    public void Money_ReadsToThePenny(string cell, long pence)
    {
        var parsed = ImportValues.Money(cell);
        Assert.True(parsed.Ok, parsed.Error);
        Assert.Equal(pence, parsed.Value.Pence);
        Assert.Null(parsed.Notice);
    }

    [Fact]
    public void Money_TwoDecimalPlacesRead_ThreeRefused()
    {
        Assert.True(ImportValues.Money("1234.56").Ok);
        var three = ImportValues.Money("1234.567");
        Assert.False(three.Ok);
        Assert.Contains("more than two decimal places", three.Error);
        Assert.Contains("1234.567", three.Error);
    }

    [Theory]
    [InlineData("5k")]
    [InlineData("£1.2m")]
    [InlineData("£1.2M")]
    [InlineData("3bn")]
    [InlineData("2 million")]
    public void Money_ShorthandRefused_AskingForTheFullAmount(string cell)
    {
        var parsed = ImportValues.Money(cell);
        Assert.False(parsed.Ok);
        Assert.Contains("write the full amount", parsed.Error);
    }

    [Theory]
    [InlineData("-5")]
    [InlineData("-£1,234.56")]
    [InlineData("£-5")]
    [InlineData("(1,234.00)")]
    public void Money_NegativeRefused(string cell)
    {
        var parsed = ImportValues.Money(cell);
        Assert.False(parsed.Ok);
        Assert.Contains("negative", parsed.Error);
    }

    [Theory]
    [InlineData("TBC")]
    [InlineData("about £500")]
    [InlineData("1.234,56")]
    [InlineData("12£")]
    [InlineData("£1,23")]
    public void Money_TextRefused(string cell)
    {
        var parsed = ImportValues.Money(cell);
        Assert.False(parsed.Ok);
        Assert.Contains($"“{cell}” is not an amount of money", parsed.Error);
    }

    [Fact]
    public void Money_AboveTheCeilingRefused()
    {
        Assert.True(ImportValues.Money("10000000000.00").Ok);
        var parsed = ImportValues.Money("10000000000.01");
        Assert.False(parsed.Ok);
        Assert.Contains("no council contract", parsed.Error);
    }

    [Fact]
    public void Money_BlankSaysSo() => Assert.Equal("There is no amount.", ImportValues.Money("  ").Error);

    [Theory]
    [InlineData("31/03/2031")]
    [InlineData("31/3/2031")]
    [InlineData("31-03-2031")]
    [InlineData("31.03.2031")]
    [InlineData("31/03/2031 00:00")]
    [InlineData("31/03/2031 00:00:00")]
    [InlineData("2031-03-31")]
    [InlineData("2031-3-31")]
    [InlineData("2031-03-31T00:00:00")]
    [InlineData("2031-03-31T00:00:00.000Z")]
    [InlineData("2031-03-31 00:00:00")]
    [InlineData("31 March 2031")]
    [InlineData("31 march 2031")]
    [InlineData("31 Mar 2031")]
    [InlineData("31st March 2031")]
    [InlineData("31-Mar-2031")]
    [InlineData(" 31/03/2031 ")]
    public void Date_EachFormReadsTheSameDay_WithoutANotice(string cell)
    {
        var parsed = ImportValues.Date(cell);
        Assert.True(parsed.Ok, parsed.Error);
        Assert.Equal(new DateOnly(2031, 3, 31), parsed.Value);
        Assert.Null(parsed.Notice);
    }

    [Theory]
    [InlineData("1 Sept 2030", 9)]
    [InlineData("1 Sep 2030", 9)]
    [InlineData("1 June 2030", 6)]
    [InlineData("1 Jun 2030", 6)]
    public void Date_MonthNamesAndAbbreviations(string cell, int month) =>
        Assert.Equal(new DateOnly(2030, month, 1), ImportValues.Date(cell).Value);

    [Fact]
    public void Date_AmbiguousDayMonth_ReadAsUk_AndSaysSo()
    {
        var parsed = ImportValues.Date("03/04/2031");
        Assert.True(parsed.Ok);
        Assert.Equal(new DateOnly(2031, 4, 3), parsed.Value);
        Assert.Equal("“03/04/2031” could be read either way: it was read day first, as in the UK, as 3 April 2031.", parsed.Notice);
    }

    [Theory]
    [InlineData("13/04/2031", 13, 4)] // day > 12: only one reading
    [InlineData("12/04/2031", 12, 4)] // day 12: still ambiguous (the boundary)
    [InlineData("04/04/2031", 4, 4)] // same either way
    public void Date_AmbiguityBoundary(string cell, int day, int month)
    {
        var parsed = ImportValues.Date(cell);
        Assert.Equal(new DateOnly(2031, month, day), parsed.Value);
        Assert.Equal(day is <= 12 and not 4, parsed.Notice is not null);
    }

    [Fact]
    public void Date_AmericanOrderRefused_SayingDatesAreDayFirst()
    {
        var parsed = ImportValues.Date("04/13/2031");
        Assert.False(parsed.Ok);
        Assert.Contains("no month 13", parsed.Error);
        Assert.Contains("day first", parsed.Error);
    }

    [Theory]
    [InlineData("31/02/2031")]
    [InlineData("29/02/2031")]
    [InlineData("2031-02-30")]
    [InlineData("32 March 2031")]
    [InlineData("00/03/2031")]
    public void Date_ImpossibleRefused(string cell)
    {
        var parsed = ImportValues.Date(cell);
        Assert.False(parsed.Ok);
        Assert.Contains("not a date that exists", parsed.Error);
    }

    [Fact]
    public void Date_LeapDayRead() => Assert.Equal(new DateOnly(2032, 2, 29), ImportValues.Date("29/02/2032").Value);

    [Theory]
    [InlineData("31/03/31")]
    [InlineData("31 March 31")]
    public void Date_TwoDigitYearRefused(string cell)
    {
        var parsed = ImportValues.Date(cell);
        Assert.False(parsed.Ok);
        Assert.Contains("two-digit year", parsed.Error);
    }

    [Theory]
    [InlineData("46477", 2027, 3, 31)]
    [InlineData("46477.75", 2027, 3, 31)]
    [InlineData("45748", 2025, 4, 1)]
    [InlineData("18264", 1950, 1, 1)]
    [InlineData("109574", 2199, 12, 31)]
    public void Date_ExcelSerial_WithANotice(string cell, int y, int m, int d)
    {
        var parsed = ImportValues.Date(cell);
        Assert.True(parsed.Ok, parsed.Error);
        Assert.Equal(new DateOnly(y, m, d), parsed.Value);
        Assert.Contains("Excel date number", parsed.Notice);
    }

    [Theory]
    [InlineData("18263")] // 31 December 1949: the day before the first accepted
    [InlineData("109575")] // 1 January 2200
    [InlineData("2031")] // a year, not 1905
    [InlineData("12")]
    public void Date_NumbersOutsideTheContractYears_AreNotDates(string cell)
    {
        var parsed = ImportValues.Date(cell);
        Assert.False(parsed.Ok);
        Assert.Contains("is a number, not a date", parsed.Error);
    }

    [Fact]
    public void Date_Serial60_IsExcelsImaginaryLeapDay()
    {
        var parsed = ImportValues.FromSerial("60", 60);
        Assert.False(parsed.Ok);
        Assert.Contains("29 February 1900", parsed.Error);
    }

    [Theory]
    [InlineData(1, 1900, 1, 1)]
    [InlineData(59, 1900, 2, 28)]
    [InlineData(61, 1900, 3, 1)]
    [InlineData(45658, 2025, 1, 1)]
    public void Serial_EitherSideOfTheLeapYearBug(int serial, int y, int m, int d) =>
        Assert.Equal(new DateOnly(y, m, d), ImportValues.DateOfSerial(serial));

    [Theory]
    [InlineData("next year")]
    [InlineData("TBC")]
    [InlineData("31/03")]
    [InlineData("March 2031")]
    public void Date_TextRefused(string cell)
    {
        var parsed = ImportValues.Date(cell);
        Assert.False(parsed.Ok);
        Assert.Contains("31/03/2031", parsed.Error);
    }

    [Fact]
    public void Date_UnknownMonthNameSaysSo() => Assert.Contains("“Marc” is not the name of a month", ImportValues.Date("31 Marc 2031").Error);

    [Theory]
    [InlineData("Block", CommissioningForm.Block)]
    [InlineData("block contract", CommissioningForm.Block)]
    [InlineData("BLOCK", CommissioningForm.Block)]
    [InlineData("Spot", CommissioningForm.Spot)]
    [InlineData("spot purchase", CommissioningForm.Spot)]
    [InlineData("Lead provider", CommissioningForm.LeadProvider)]
    [InlineData("Lead-provider", CommissioningForm.LeadProvider)]
    [InlineData("LeadProvider", CommissioningForm.LeadProvider)]
    [InlineData("Consortium", CommissioningForm.Consortium)]
    public void Form_Read(string cell, CommissioningForm form) => Assert.Equal(form, ImportValues.Form(cell).Value);

    [Theory]
    [InlineData("Framework")]
    [InlineData("")]
    [InlineData("contract")]
    public void Form_OtherTextRefused_NamingTheFour(string cell)
    {
        var parsed = ImportValues.Form(cell);
        Assert.False(parsed.Ok);
        Assert.Contains("Block, Spot, Lead provider or Consortium", parsed.Error);
    }

    [Theory]
    [InlineData("6", 6)]
    [InlineData("6.0", 6)]
    [InlineData(" 12 ", 12)]
    [InlineData("0", 0)]
    [InlineData("1,200", 1200)]
    public void WholeNumber_Read(string cell, int n) => Assert.Equal(n, ImportValues.WholeNumber(cell).Value);

    [Theory]
    [InlineData("6.5", "not a whole number")]
    [InlineData("-1", "negative")]
    [InlineData("six", "not a whole number")]
    [InlineData("99999999999", "too large")]
    public void WholeNumber_Refused(string cell, string reason) => Assert.Contains(reason, ImportValues.WholeNumber(cell).Error);

    [Fact]
    public void SpendProfile_PairsYearsWithAmounts()
    {
        var parsed = ImportValues.SpendProfile("2024/25,2025/26", "100000,102000.50");
        Assert.True(parsed.Ok, parsed.Error);
        Assert.Equal([(2024, 10_000_000L), (2025, 10_200_050L)], parsed.Value.Select(p => (p.FinancialYearStart, p.Amount.Pence)));
    }

    [Theory]
    [InlineData("2024-2025, 2025-2026", "\"£100,000\",\"£102,000\"")]
    [InlineData("2024,2025", "£100000, £102000")]
    [InlineData("2024-25;2025-26", "100000;102000")]
    [InlineData("[2024/25, 2025/26]", "[100000, 102000]")]
    public void SpendProfile_YearAndAmountSpellings(string years, string amounts)
    {
        var parsed = ImportValues.SpendProfile(years, amounts);
        Assert.True(parsed.Ok, parsed.Error);
        Assert.Equal([(2024, 10_000_000L), (2025, 10_200_000L)], parsed.Value.Select(p => (p.FinancialYearStart, p.Amount.Pence)));
    }

    [Fact]
    public void SpendProfile_UnequalListsRefused()
    {
        var parsed = ImportValues.SpendProfile("2024/25,2025/26,2026/27", "100000,102000");
        Assert.False(parsed.Ok);
        Assert.Equal("The spend profile lists 3 years but 2 amounts: each year needs its amount.", parsed.Error);
    }

    [Fact]
    public void SpendProfile_BadItemsNamed()
    {
        Assert.Contains("“2024/26” in the spend profile is not a financial year", ImportValues.SpendProfile("2024/26", "1").Error);
        Assert.Contains("In the spend profile for 2025/26: “5k” is a shorthand amount", ImportValues.SpendProfile("2024/25,2025/26", "1,5k").Error);
        Assert.Contains("lists 2024/25 twice", ImportValues.SpendProfile("2024/25,2024-25", "1,2").Error);
    }

    [Fact]
    public void SpendProfile_BothBlankIsAnEmptyProfile()
    {
        var parsed = ImportValues.SpendProfile("", " ");
        Assert.True(parsed.Ok);
        Assert.Empty(parsed.Value);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"Click\")", true)]
    [InlineData("+44 121 303 1111", true)]
    [InlineData("@SUM(A1)", true)]
    [InlineData("\tcmd", true)]
    [InlineData("\rcmd", true)]
    [InlineData("-2+3", true)]
    [InlineData("- see notes", true)]
    [InlineData("  =1+1", true)]
    [InlineData("-5", false)]
    [InlineData("-1,234.56", false)]
    [InlineData("-£5 ", false)]
    [InlineData("Homecare = care at home", false)]
    [InlineData("e-mail", false)]
    [InlineData("", false)]
    [InlineData("'=SUM(A1)", false)]
    public void LooksLikeFormula_AsOwaspLists(string cell, bool formula) => Assert.Equal(formula, ImportValues.LooksLikeFormula(cell));
}
