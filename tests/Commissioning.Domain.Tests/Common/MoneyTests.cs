using System.Globalization;
using Commissioning.Domain.Common;
using Commissioning.Domain.Tests.TestData;

namespace Commissioning.Domain.Tests.Common;

public class MoneyTests
{
    // ---- construction ----

    [Fact]
    public void Construction_NegativeAmount_IsRefused()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Money(-0.01m));
        Assert.Equal("amount", ex.ParamName);
        Assert.StartsWith("An amount of money cannot be negative.", ex.Message);
    }

    public static TheoryData<decimal> FractionsOfAPenny => new() { 0.001m, 1.005m, 12_393_408.999m, 0.0000001m };

    [Theory]
    [MemberData(nameof(FractionsOfAPenny))]
    public void Construction_FractionOfAPenny_IsRefused(decimal amount)
    {
        var ex = Assert.Throws<ArgumentException>(() => new Money(amount));
        Assert.Equal("amount", ex.ParamName);
        Assert.Contains("fractions of a penny", ex.Message);
    }

    public static TheoryData<decimal> WholePence => new() { 0m, 0.01m, 0.10m, 5m, 5.5m, 33_632_993.52m, 1.230000m };

    [Theory]
    [MemberData(nameof(WholePence))]
    public void Construction_WholePence_IsAccepted(decimal amount)
    {
        var money = new Money(amount);
        Assert.Equal(amount, money.Amount);
    }

    [Fact]
    public void Construction_WholePounds_AreHeldToTwoPlacesSoTheyPrintAlike()
    {
        var five = Money.Pounds(5m);
        var fivePoundsNothing = Money.Pounds(5.00m);

        Assert.Equal(2, five.Amount.Scale);
        Assert.Equal(fivePoundsNothing, five);
        Assert.Equal(fivePoundsNothing.ToString(), five.ToString());
        Assert.Equal("5.00", five.Amount.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Zero_IsNothing()
    {
        Assert.Equal(0m, Money.Zero.Amount);
        Assert.Equal(0L, Money.Zero.Pence);
        Assert.Equal("£0.00", Money.Zero.ToString());
    }

    // ---- pence ----

    [Fact]
    public void Pence_OfAnAmountWithPence_IsTheWholeNumberOfPence()
    {
        Assert.Equal(3_363_299_352L, Money.Pounds(33_632_993.52m).Pence);
    }

    [Fact]
    public void Pence_RoundTripsThroughFromPence()
    {
        var original = Money.Pounds(33_632_993.52m);

        var back = Money.FromPence(original.Pence);

        Assert.Equal(original, back);
        Assert.Equal(33_632_993.52m, back.Amount);
    }

    [Theory]
    [InlineData(0L, "0.00")]
    [InlineData(1L, "0.01")]
    [InlineData(99L, "0.99")]
    [InlineData(100L, "1.00")]
    [InlineData(1_239_340_800L, "12393408.00")]
    [InlineData(1_000_000_000_000L, "10000000000.00")]
    public void FromPence_GivesPoundsAndPence(long pence, string expectedAmount)
    {
        var money = Money.FromPence(pence);

        Assert.Equal(decimal.Parse(expectedAmount, CultureInfo.InvariantCulture), money.Amount);
        Assert.Equal(pence, money.Pence);
    }

    [Fact]
    public void FromPence_Negative_IsRefused()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Money.FromPence(-1));
        Assert.Equal("pence", ex.ParamName);
    }

    // ---- arithmetic ----

    [Fact]
    public void Addition_AddsTheAmounts()
    {
        Assert.Equal(Money.Pounds(12_393_410.51m), Money.Pounds(12_393_408m) + Money.Pounds(2.51m));
    }

    [Fact]
    public void Subtraction_TakesOneAmountFromTheOther()
    {
        Assert.Equal(Money.Pounds(7.49m), Money.Pounds(10m) - Money.Pounds(2.51m));
    }

    [Fact]
    public void Subtraction_OfTheSameAmount_IsZero()
    {
        Assert.Equal(Money.Zero, Money.Pounds(10.01m) - Money.Pounds(10.01m));
    }

    [Fact]
    public void Subtraction_GoingBelowZero_ThrowsWithASentenceNamingBothAmounts()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Money.Pounds(10m) - Money.Pounds(10.01m));
        Assert.Equal("Cannot take £10.01 from £10.00: money cannot go below zero.", ex.Message);
    }

    [Theory]
    [InlineData(0, "0.00")]
    [InlineData(1, "12.34")]
    [InlineData(3, "37.02")]
    [InlineData(52, "641.68")]
    public void Multiplication_ByAWholeNumber_MultipliesTheAmount(int times, string expected)
    {
        var result = Money.Pounds(12.34m) * times;

        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), result.Amount);
    }

    [Fact]
    public void Multiplication_ByANegativeNumber_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Money.Pounds(12.34m) * -1);
    }

    [Fact]
    public void Sum_AddsEveryAmount()
    {
        var total = Money.Sum([Money.Pounds(12_393_408m), Money.Pounds(33_632_993.52m), Money.Pounds(0.48m)]);

        Assert.Equal(Money.Pounds(46_026_402m), total);
    }

    [Fact]
    public void Sum_OfNothing_IsZero()
    {
        Assert.Equal(Money.Zero, Money.Sum([]));
    }

    // ---- comparison and equality ----

    [Fact]
    public void Comparison_OperatorsOrderByAmount()
    {
        var less = Money.Pounds(999.99m);
        var more = Money.Pounds(1_000m);

        Assert.True(less < more);
        Assert.False(more < less);
        Assert.True(more > less);
        Assert.False(less > more);
        Assert.True(less <= more);
        Assert.False(more <= less);
        Assert.True(more >= less);
        Assert.False(less >= more);
    }

    [Fact]
    public void Comparison_OfEqualAmounts_IsNeitherLessNorMore()
    {
        var a = Money.Pounds(5m);
        var b = Money.FromPence(500);

        Assert.False(a < b);
        Assert.False(a > b);
        Assert.True(a <= b);
        Assert.True(a >= b);
        Assert.Equal(0, a.CompareTo(b));
        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }

    [Fact]
    public void CompareTo_SortsAmountsAscending()
    {
        Money[] amounts = [Money.Pounds(3m), Money.Pounds(0.01m), Money.Pounds(12_393_408m), Money.Zero];

        var sorted = amounts.Order().ToList();

        Assert.Equal([Money.Zero, Money.Pounds(0.01m), Money.Pounds(3m), Money.Pounds(12_393_408m)], sorted);
        Assert.True(Money.Pounds(1m).CompareTo(Money.Pounds(2m)) < 0);
        Assert.True(Money.Pounds(2m).CompareTo(Money.Pounds(1m)) > 0);
    }

    // ---- printing ----

    [Theory]
    [InlineData("en-GB")]
    [InlineData("en-US")]
    [InlineData("tr-TR")]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    public void ToString_IsPoundsWithCommasAndPenceWhateverTheCulture(string cultureName)
    {
        using (new CultureScope(cultureName))
        {
            Assert.Equal("£12,393,408.00", Money.Pounds(12_393_408m).ToString());
            Assert.Equal("£33,632,993.52", Money.Pounds(33_632_993.52m).ToString());
            Assert.Equal("£0.05", Money.Pounds(0.05m).ToString());
            Assert.Equal("£999.99", Money.Pounds(999.99m).ToString());
            Assert.Equal("£1,000.00", Money.Pounds(1_000m).ToString());
        }
    }

    [Fact]
    public void ToString_UnderTurkishAndGermanCultures_DoesNotFollowTheirSeparators()
    {
        // Proves the culture really is switched, so the test above can tell a culture-bound format.
        using (new CultureScope("de-DE"))
            Assert.Equal("12.393.408,00", 12_393_408m.ToString("#,##0.00", CultureInfo.CurrentCulture));
        using (new CultureScope("tr-TR"))
            Assert.Equal("12.393.408,00", 12_393_408m.ToString("#,##0.00", CultureInfo.CurrentCulture));

        using (new CultureScope("tr-TR"))
            Assert.Equal("£12,393,408.00", Money.Pounds(12_393_408m).ToString());
    }

    [Fact]
    public void CultureScope_PutsTheCultureBack()
    {
        var before = CultureInfo.CurrentCulture;
        using (new CultureScope("tr-TR"))
            Assert.Equal("tr-TR", CultureInfo.CurrentCulture.Name);
        Assert.Equal(before, CultureInfo.CurrentCulture);
    }

    [Theory]
    [InlineData("en-GB")]
    [InlineData("de-DE")]
    public void ToInputString_IsTheAmountWithoutThePoundSign(string cultureName)
    {
        using (new CultureScope(cultureName))
        {
            Assert.Equal("12,393,408.00", Money.Pounds(12_393_408m).ToInputString());
            Assert.Equal("33,632,993.52", Money.Pounds(33_632_993.52m).ToInputString());
        }
    }

    // ---- parsing what a person types ----

    [Theory]
    [InlineData("12393408", 1_239_340_800L)]
    [InlineData("£12,393,408.00", 1_239_340_800L)]
    [InlineData(" 33632993.52 ", 3_363_299_352L)]
    [InlineData("33,632,993.52", 3_363_299_352L)]
    [InlineData("1,234", 123_400L)]
    [InlineData("£1,234", 123_400L)]
    [InlineData("1,234.5", 123_450L)]
    [InlineData("0", 0L)]
    [InlineData("0.5", 50L)]
    [InlineData("£ 12", 1_200L)]
    [InlineData("10000000000", 1_000_000_000_000L)]
    [InlineData("10,000,000,000.00", 1_000_000_000_000L)]
    public void TryParse_WhatAPersonTypes_IsAccepted(string text, long expectedPence)
    {
        var ok = Money.TryParse(text, out var money, out var problem);

        Assert.True(ok);
        Assert.Equal(MoneyProblem.None, problem);
        Assert.Equal(expectedPence, money.Pence);
    }

    [Theory]
    [InlineData("£1,2x", MoneyProblem.Malformed)]
    [InlineData("1,23,4", MoneyProblem.Malformed)]
    [InlineData("12,34", MoneyProblem.Malformed)]
    [InlineData("abc", MoneyProblem.Malformed)]
    [InlineData("£", MoneyProblem.Malformed)]
    [InlineData("5.", MoneyProblem.Malformed)]
    [InlineData(".5", MoneyProblem.Malformed)]
    [InlineData("1.2.3", MoneyProblem.Malformed)]
    [InlineData("$5", MoneyProblem.Malformed)]
    [InlineData("-5", MoneyProblem.Negative)]
    [InlineData("£-5", MoneyProblem.Negative)]
    [InlineData("-£5", MoneyProblem.Negative)]
    [InlineData("-1,234.56", MoneyProblem.Negative)]
    [InlineData("1.234", MoneyProblem.FractionOfPenny)]
    [InlineData("£12,393,408.001", MoneyProblem.FractionOfPenny)]
    [InlineData("", MoneyProblem.Missing)]
    [InlineData("   ", MoneyProblem.Missing)]
    [InlineData("10000000000.01", MoneyProblem.TooLarge)]
    [InlineData("£99,999,999,999", MoneyProblem.TooLarge)]
    public void TryParse_WhatCannotBeMoney_IsRefusedWithTheProblem(string text, MoneyProblem expected)
    {
        var ok = Money.TryParse(text, out var money, out var problem);

        Assert.False(ok);
        Assert.Equal(expected, problem);
        Assert.Equal(Money.Zero, money);
    }

    [Fact]
    public void TryParse_Null_IsMissing()
    {
        var ok = Money.TryParse(null, out var money, out var problem);

        Assert.False(ok);
        Assert.Equal(MoneyProblem.Missing, problem);
        Assert.Equal(Money.Zero, money);
    }

    [Fact]
    public void TryParse_DoesNotDependOnTheCulture()
    {
        using (new CultureScope("de-DE"))
        {
            Assert.True(Money.TryParse("1,234.56", out var money, out _));
            Assert.Equal(123_456L, money.Pence);
        }
    }

    [Fact]
    public void TryParse_WhatToStringPrints_ReadsBackToTheSameAmount()
    {
        var original = Money.Pounds(33_632_993.52m);

        Assert.True(Money.TryParse(original.ToString(), out var fromDisplay, out _));
        Assert.True(Money.TryParse(original.ToInputString(), out var fromInput, out _));

        Assert.Equal(original, fromDisplay);
        Assert.Equal(original, fromInput);
    }
}

public class MoneyChangeTests
{
    [Theory]
    [InlineData(3_084_312L, "+£30,843.12")]
    [InlineData(-150_000_000L, "-£1,500,000.00")]
    [InlineData(-1L, "-£0.01")]
    [InlineData(0L, "£0.00")]
    public void A_change_shows_its_sign_before_the_pound_sign(long pence, string shown)
    {
        Assert.Equal(shown, new MoneyChange(pence).ToString());
    }

    [Fact]
    public void Between_two_amounts_is_the_second_less_the_first()
    {
        // £954,313.59 to £985,156.71 is up £30,843.12; back again is down as much.
        Assert.Equal(new MoneyChange(3_084_312), MoneyChange.Between(Money.Pounds(954_313.59m), Money.Pounds(985_156.71m)));
        Assert.Equal(-30_843.12m, MoneyChange.Between(Money.Pounds(985_156.71m), Money.Pounds(954_313.59m)).Amount);
    }
}
