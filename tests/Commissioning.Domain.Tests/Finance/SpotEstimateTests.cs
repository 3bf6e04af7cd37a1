using System.Globalization;
using Commissioning.Domain.Common;
using Commissioning.Domain.Finance;
using Commissioning.Domain.Tests.TestData;

namespace Commissioning.Domain.Tests.Finance;

public class SpotEstimateTests
{
    // ---- the B&NES board paper, section 3.6 ----

    private static HoursLine SpecialistIndependenceAtHome() =>
        new("Specialist Independence at Home", hoursPerWeek: 6.25m, weeks: 51m, people: 13, hourlyRate: Money.Pounds(20.18m));

    private static PlacementsLine SupportedLiving() => new("Supported living", placements: 17, weeks: 35m, weeklyCost: Money.Pounds(513m));

    private static PlacementsLine ResidentialCare() => new("Specialist residential care", placements: 7, weeks: 52m, weeklyCost: Money.Pounds(875m));

    private static SpotEstimate BathAndNorthEastSomerset() =>
        new([SpecialistIndependenceAtHome(), SupportedLiving(), ResidentialCare()], partYearMonths: 8, projectionYears: [7, 10]);

    /// <summary>One placement for one week: the line is worth exactly the weekly cost.</summary>
    private static PlacementsLine Costing(decimal pounds, string label = "Test line") => new(label, 1, 1m, Money.Pounds(pounds));

    [Fact]
    public void BathAndNorthEastSomerset_SpecialistIndependenceAtHome_PricesWholeHoursAndRoundsToThePound()
    {
        var line = BathAndNorthEastSomerset().LineFigures[0];

        Assert.Equal("Specialist Independence at Home", line.Label);
        Assert.Equal(83_625.92m, line.Exact);
        Assert.Equal(Money.Pounds(83_626m), line.Value);
        Assert.Equal("13 people × 6.25 hours a week × 51 weeks = 4,143.75 hours, rounded to 4,144 whole hours; "
            + "4,144 hours × £20.18 = £83,625.92, rounded to the nearest pound", line.Working);
    }

    [Fact]
    public void BathAndNorthEastSomerset_SupportedLiving_NeedsNoRounding()
    {
        var line = BathAndNorthEastSomerset().LineFigures[1];

        Assert.Equal("Supported living", line.Label);
        Assert.Equal(Money.Pounds(305_235m), line.Value);
        Assert.Equal("17 placements × 35 weeks × £513.00 a week = £305,235.00 (exact, no rounding needed)", line.Working);
    }

    [Fact]
    public void BathAndNorthEastSomerset_ResidentialCare_IsAYearOfPlacements()
    {
        var line = BathAndNorthEastSomerset().LineFigures[2];

        Assert.Equal("Specialist residential care", line.Label);
        Assert.Equal(Money.Pounds(318_500m), line.Value);
        Assert.Equal("7 placements × 52 weeks × £875.00 a week = £318,500.00 (exact, no rounding needed)", line.Working);
    }

    [Fact]
    public void BathAndNorthEastSomerset_FullYear_IsTheSumOfTheRoundedLines()
    {
        var fullYear = BathAndNorthEastSomerset().FullYear;

        Assert.Equal(Money.Pounds(707_361m), fullYear.Value);
        Assert.Equal("The lines as rounded: £83,626.00 + £305,235.00 + £318,500.00 = £707,361.00", fullYear.Working);
    }

    [Fact]
    public void BathAndNorthEastSomerset_EightMonths_IsTwoThirdsOfTheFullYear()
    {
        var partYear = BathAndNorthEastSomerset().PartYear;

        Assert.Equal("8 months", partYear.Label);
        Assert.Equal(Money.Pounds(471_574m), partYear.Value);
        Assert.Equal("£707,361.00 × 8 / 12 = £471,574.00 (exact, no rounding needed)", partYear.Working);
    }

    [Fact]
    public void BathAndNorthEastSomerset_SevenAndTenYears_MultiplyTheFullYear()
    {
        var estimate = BathAndNorthEastSomerset();

        Assert.Equal([7, 10], estimate.ProjectionYears);
        Assert.Equal([Money.Pounds(4_951_527m), Money.Pounds(7_073_610m)], estimate.Projections.Select(p => p.Value));
        Assert.Equal(Money.Pounds(4_951_527m), estimate.Projection(7).Value);
        Assert.Equal(Money.Pounds(7_073_610m), estimate.Projection(10).Value);
        Assert.Equal("7 years", estimate.Projection(7).Label);
        Assert.Equal("£707,361.00 a year × 7 years = £4,951,527.00 (exact, no rounding needed)", estimate.Projection(7).Working);
        Assert.Equal("£707,361.00 a year × 10 years = £7,073,610.00 (exact, no rounding needed)", estimate.Projection(10).Working);
    }

    [Fact]
    public void BathAndNorthEastSomerset_HealthShare_RoundsEightMonthsToTheNearestPound()
    {
        // Section 3.7: £61,399 a year. The paper gives 8 months as £40,932, cutting off the
        // £0.67; rounding to the nearest pound, as every other figure in the paper is, gives £40,933.
        var estimate = new SpotEstimate([Costing(61_399m, "Section 117")], partYearMonths: 8, projectionYears: [7, 10]);

        Assert.Equal(Money.Pounds(40_933m), estimate.PartYear.Value);
        Assert.Equal("£61,399.00 × 8 / 12 = £40,932.6666…, rounded to the nearest pound", estimate.PartYear.Working);
        Assert.Equal(Money.Pounds(429_793m), estimate.Projection(7).Value);
        Assert.Equal(Money.Pounds(613_990m), estimate.Projection(10).Value);
    }

    [Fact]
    public void Working_IsWrittenTheEnGbWayWhateverTheCulture()
    {
        using var _ = new CultureScope("de-DE");

        var estimate = BathAndNorthEastSomerset();

        Assert.StartsWith("13 people × 6.25 hours a week × 51 weeks = 4,143.75 hours, rounded to 4,144 whole hours", estimate.LineFigures[0].Working);
        Assert.Equal("£707,361.00 × 8 / 12 = £471,574.00 (exact, no rounding needed)", estimate.PartYear.Working);
    }

    // ---- rounding ----

    [Fact]
    public void NearestPenny_WithWholeHours_KeepsThePence()
    {
        var line = new SpotEstimate([SpecialistIndependenceAtHome()], EstimateRounding.NearestPenny).LineFigures[0];

        Assert.Equal(Money.Pounds(83_625.92m), line.Value);
        Assert.EndsWith("4,144 hours × £20.18 = £83,625.92 (exact, no rounding needed)", line.Working);
    }

    [Fact]
    public void WholeHoursOff_PricesTheExactHours_ToTheNearestPenny()
    {
        var line = new SpotEstimate([SpecialistIndependenceAtHome()], EstimateRounding.NearestPenny, wholeHours: false).LineFigures[0];

        Assert.Equal(83_620.875m, line.Exact);
        Assert.Equal(Money.Pounds(83_620.88m), line.Value);
        Assert.Equal("13 people × 6.25 hours a week × 51 weeks = 4,143.75 hours; "
            + "4,143.75 hours × £20.18 = £83,620.875, rounded to the nearest penny", line.Working);
    }

    [Fact]
    public void WholeHoursOff_PricesTheExactHours_ToTheNearestPound()
    {
        var estimate = new SpotEstimate([SpecialistIndependenceAtHome()], wholeHours: false);

        Assert.False(estimate.WholeHours);
        Assert.Equal(Money.Pounds(83_621m), estimate.LineFigures[0].Value);
    }

    [Fact]
    public void WholeHours_AreOnByDefault()
    {
        var estimate = new SpotEstimate([SpecialistIndependenceAtHome()]);

        Assert.True(estimate.WholeHours);
        Assert.Equal(EstimateRounding.NearestPound, estimate.Rounding);
        Assert.Contains("rounded to 4,144 whole hours", estimate.LineFigures[0].Working);
    }

    [Fact]
    public void WholeHours_HalfAnHour_RoundsUp()
    {
        // 5 × 0.5 = 2.5 hours: banker's rounding would buy 2 hours, a board paper buys 3.
        var line = new HoursLine("Sitting", hoursPerWeek: 0.5m, weeks: 1m, people: 5, hourlyRate: Money.Pounds(10m));

        var figure = new SpotEstimate([line]).LineFigures[0];

        Assert.Equal(Money.Pounds(30m), figure.Value);
        Assert.Equal("5 people × 0.5 hours a week × 1 week = 2.5 hours, rounded to 3 whole hours; 3 hours × £10.00 = £30.00 (exact, no rounding needed)", figure.Working);
    }

    [Fact]
    public void WholeHours_AlreadyWhole_SaysNothingAboutRoundingThem()
    {
        var line = new HoursLine("Sitting", hoursPerWeek: 1m, weeks: 1m, people: 1, hourlyRate: Money.Pounds(20m));

        var figure = new SpotEstimate([line]).LineFigures[0];

        Assert.Equal("1 person × 1 hour a week × 1 week = 1 hour; 1 hour × £20.00 = £20.00 (exact, no rounding needed)", figure.Working);
    }

    [Theory]
    [InlineData("10.49", "10")]
    [InlineData("10.50", "11")] // to even would give 10
    [InlineData("10.51", "11")]
    [InlineData("12.50", "13")]
    [InlineData("0.50", "1")]
    public void NearestPound_HalfAPound_RoundsAwayFromZero(string exact, string expected)
    {
        var figure = new SpotEstimate([Costing(decimal.Parse(exact, CultureInfo.InvariantCulture))]).LineFigures[0];

        Assert.Equal(Money.Pounds(decimal.Parse(expected, CultureInfo.InvariantCulture)), figure.Value);
        Assert.EndsWith(", rounded to the nearest pound", figure.Working);
    }

    [Theory]
    [InlineData("0.25", "0.13")] // 0.5 hours × £0.25 = £0.125; to even would give £0.12
    [InlineData("0.05", "0.03")] // £0.025; to even would give £0.02
    [InlineData("0.03", "0.02")] // £0.015
    [InlineData("0.01", "0.01")] // £0.005
    public void NearestPenny_HalfAPenny_RoundsAwayFromZero(string rate, string expected)
    {
        var line = new HoursLine("Sitting", hoursPerWeek: 0.5m, weeks: 1m, people: 1, hourlyRate: Money.Pounds(decimal.Parse(rate, CultureInfo.InvariantCulture)));

        var figure = new SpotEstimate([line], EstimateRounding.NearestPenny, wholeHours: false).LineFigures[0];

        Assert.Equal(Money.Pounds(decimal.Parse(expected, CultureInfo.InvariantCulture)), figure.Value);
        Assert.EndsWith(", rounded to the nearest penny", figure.Working);
    }

    [Fact]
    public void FullYear_IsTheSumOfTheRoundedLines_NotTheRoundedSum()
    {
        // Each line is £10.40, so each rounds to £10; the unrounded sum £20.80 would round to £21.
        var estimate = new SpotEstimate([Costing(10.40m, "One"), Costing(10.40m, "Two")]);

        Assert.Equal(Money.Pounds(20m), estimate.FullYear.Value);
        Assert.Equal(20m, estimate.FullYear.Exact);
        Assert.NotEqual(decimal.Round(estimate.LineFigures.Sum(f => f.Exact), 0, MidpointRounding.AwayFromZero), estimate.FullYear.Value.Amount);
        Assert.Equal("The lines as rounded: £10.00 + £10.00 = £20.00", estimate.FullYear.Working);
    }

    [Fact]
    public void FullYear_OfOneLine_SaysSo()
    {
        var estimate = new SpotEstimate([Costing(10.40m)]);

        Assert.Equal("The one line, as rounded: £10.00", estimate.FullYear.Working);
    }

    [Fact]
    public void PlacementsLine_IsNotTouchedByWholeHours()
    {
        var line = new PlacementsLine("Respite", placements: 1, weeks: 2.5m, weeklyCost: Money.Pounds(100.10m));

        var withWholeHours = new SpotEstimate([line], EstimateRounding.NearestPenny, wholeHours: true).LineFigures[0];
        var without = new SpotEstimate([line], EstimateRounding.NearestPenny, wholeHours: false).LineFigures[0];

        Assert.Equal(Money.Pounds(250.25m), withWholeHours.Value);
        Assert.Equal(withWholeHours, without);
        Assert.Equal("1 placement × 2.5 weeks × £100.10 a week = £250.25 (exact, no rounding needed)", without.Working);
    }

    // ---- part year and projections ----

    [Fact]
    public void PartYear_OfTwelveMonths_IsTheFullYear()
    {
        var estimate = new SpotEstimate([SpecialistIndependenceAtHome(), SupportedLiving(), ResidentialCare()], partYearMonths: 12);

        Assert.Equal(12, estimate.PartYearMonths);
        Assert.Equal(Money.Pounds(707_361m), estimate.PartYear.Value);
        Assert.Equal(estimate.FullYear.Value, estimate.PartYear.Value);
        Assert.Equal("12 months is the full year: £707,361.00", estimate.PartYear.Working);
    }

    [Fact]
    public void PartYear_IsTheFullYearUnlessAsked()
    {
        var estimate = new SpotEstimate([Costing(100m)]);

        Assert.Equal(12, estimate.PartYearMonths);
        Assert.Equal(Money.Pounds(100m), estimate.PartYear.Value);
        Assert.Empty(estimate.Projections);
    }

    [Fact]
    public void PartYear_IsRoundedLikeTheLines_HalvesAwayFromZero()
    {
        var byPound = new SpotEstimate([Costing(5m)], partYearMonths: 6);
        var byPenny = new SpotEstimate([Costing(0.05m)], EstimateRounding.NearestPenny, partYearMonths: 6);

        Assert.Equal(Money.Pounds(3m), byPound.PartYear.Value); // £2.50; to even would give £2
        Assert.Equal("£5.00 × 6 / 12 = £2.50, rounded to the nearest pound", byPound.PartYear.Working);
        Assert.Equal(Money.Pounds(0.03m), byPenny.PartYear.Value); // £0.025
        Assert.Equal("£0.05 × 6 / 12 = £0.025, rounded to the nearest penny", byPenny.PartYear.Working);
    }

    [Fact]
    public void PartYear_OfOneMonth_IsAOneTwelfthShare()
    {
        var estimate = new SpotEstimate([Costing(1_200m)], partYearMonths: 1);

        Assert.Equal("1 month", estimate.PartYear.Label);
        Assert.Equal(Money.Pounds(100m), estimate.PartYear.Value);
    }

    [Fact]
    public void Projection_OfOneYear_IsTheFullYear()
    {
        var estimate = new SpotEstimate([Costing(1_234.56m)], EstimateRounding.NearestPenny, projectionYears: [1]);

        Assert.Equal(Money.Pounds(1_234.56m), estimate.Projection(1).Value);
        Assert.Equal("£1,234.56 a year × 1 year = £1,234.56 (exact, no rounding needed)", estimate.Projection(1).Working);
    }

    [Fact]
    public void Projection_NotAskedFor_IsRefused()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => BathAndNorthEastSomerset().Projection(5));
        Assert.Equal("years", ex.ParamName);
        Assert.StartsWith("This estimate was not asked for a projection over 5 years.", ex.Message);
    }

    // ---- guards: lines ----

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(100_001)]
    public void HoursLine_PeopleOutOfRange_IsRefused(int people)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new HoursLine("Sitting", 1m, 1m, people, Money.Pounds(20m)));
        Assert.Equal("people", ex.ParamName);
        Assert.StartsWith("The number of people must be between 1 and 100,000.", ex.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("168.01")]
    public void HoursLine_HoursPerWeekOutOfRange_IsRefused(string hours)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new HoursLine("Sitting", decimal.Parse(hours, CultureInfo.InvariantCulture), 1m, 1, Money.Pounds(20m)));
        Assert.Equal("hoursPerWeek", ex.ParamName);
        Assert.StartsWith("Hours a week must be more than 0 and at most 168, the hours in a week.", ex.Message);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0.5")]
    [InlineData("53.01")]
    public void Lines_WeeksOutOfRange_AreRefused(string weeks)
    {
        var w = decimal.Parse(weeks, CultureInfo.InvariantCulture);

        var hours = Assert.Throws<ArgumentOutOfRangeException>(() => new HoursLine("Sitting", 1m, w, 1, Money.Pounds(20m)));
        var placements = Assert.Throws<ArgumentOutOfRangeException>(() => new PlacementsLine("Respite", 1, w, Money.Pounds(20m)));

        Assert.Equal("weeks", hours.ParamName);
        Assert.Equal("weeks", placements.ParamName);
        Assert.StartsWith("The number of weeks must be more than 0 and at most 53, the most in a year.", hours.Message);
    }

    [Fact]
    public void Lines_AtTheirLimits_AreAccepted()
    {
        var hours = new HoursLine("Sitting", 168m, 53m, 100_000, Money.Pounds(0.01m));
        var placements = new PlacementsLine("Respite", 100_000, 53m, Money.Pounds(0.01m));

        Assert.Equal(168m, hours.HoursPerWeek);
        Assert.Equal(53m, hours.Weeks);
        Assert.Equal(100_000, hours.People);
        Assert.Equal(100_000, placements.Placements);
        Assert.Equal(Money.Pounds(0.01m), placements.WeeklyCost);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    [InlineData(100_001)]
    public void PlacementsLine_PlacementsOutOfRange_IsRefused(int placements)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new PlacementsLine("Respite", placements, 1m, Money.Pounds(20m)));
        Assert.Equal("placements", ex.ParamName);
        Assert.StartsWith("The number of placements must be between 1 and 100,000.", ex.Message);
    }

    [Fact]
    public void Lines_AtNoCost_AreRefused()
    {
        var hours = Assert.Throws<ArgumentOutOfRangeException>(() => new HoursLine("Sitting", 1m, 1m, 1, Money.Zero));
        var placements = Assert.Throws<ArgumentOutOfRangeException>(() => new PlacementsLine("Respite", 1, 1m, Money.Zero));

        Assert.Equal("hourlyRate", hours.ParamName);
        Assert.StartsWith("The hourly rate must be more than £0.00.", hours.Message);
        Assert.Equal("weeklyCost", placements.ParamName);
        Assert.StartsWith("The weekly cost must be more than £0.00.", placements.Message);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Lines_WithoutALabel_AreRefused(string? label)
    {
        var ex = Assert.Throws<ArgumentException>(() => new PlacementsLine(label!, 1, 1m, Money.Pounds(1m)));
        Assert.Equal("label", ex.ParamName);
        Assert.StartsWith("A line needs a label", ex.Message);
    }

    [Fact]
    public void Lines_Label_IsTrimmedAndAtMost200Characters()
    {
        var longest = new PlacementsLine(" " + new string('a', EstimateLine.LabelMaxLength) + " ", 1, 1m, Money.Pounds(1m));
        var ex = Assert.Throws<ArgumentException>(() => new HoursLine(new string('a', EstimateLine.LabelMaxLength + 1), 1m, 1m, 1, Money.Pounds(1m)));

        Assert.Equal(new string('a', 200), longest.Label);
        Assert.Equal("label", ex.ParamName);
        Assert.StartsWith("A line's label can be at most 200 characters.", ex.Message);
    }

    // ---- guards: the estimate ----

    [Fact]
    public void Estimate_WithoutLines_IsRefused()
    {
        var none = Assert.Throws<ArgumentException>(() => new SpotEstimate([]));
        var missing = Assert.Throws<ArgumentException>(() => new SpotEstimate([Costing(1m), null!]));

        Assert.Equal("lines", none.ParamName);
        Assert.StartsWith("An estimate needs at least one line.", none.Message);
        Assert.Equal("lines", missing.ParamName);
        Assert.Throws<ArgumentNullException>(() => new SpotEstimate(null!));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(13)]
    public void Estimate_PartYearOutOfRange_IsRefused(int months)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new SpotEstimate([Costing(1m)], partYearMonths: months));
        Assert.Equal("partYearMonths", ex.ParamName);
        Assert.StartsWith("The part year must be between 1 and 12 months; 12 months is the full year.", ex.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-7)]
    [InlineData(51)]
    public void Estimate_ProjectionOutOfRange_IsRefused(int years)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new SpotEstimate([Costing(1m)], projectionYears: [7, years]));
        Assert.Equal("projectionYears", ex.ParamName);
        Assert.StartsWith("A projection must be between 1 and 50 years.", ex.Message);
    }

    [Fact]
    public void Estimate_ProjectionsOfOneAndFiftyYears_AreAccepted()
    {
        var estimate = new SpotEstimate([Costing(2m)], projectionYears: [50, 1]);

        Assert.Equal([Money.Pounds(100m), Money.Pounds(2m)], estimate.Projections.Select(p => p.Value));
    }

    [Fact]
    public void Estimate_TheSameProjectionTwice_IsRefused()
    {
        var ex = Assert.Throws<ArgumentException>(() => new SpotEstimate([Costing(1m)], projectionYears: [7, 10, 7]));
        Assert.Equal("projectionYears", ex.ParamName);
    }

    [Fact]
    public void Estimate_UnknownRounding_IsRefused()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new SpotEstimate([Costing(1m)], (EstimateRounding)7));
        Assert.Equal("rounding", ex.ParamName);
    }

    // ---- guards: the ceiling ----

    [Fact]
    public void Estimate_AtTheCeiling_IsAccepted()
    {
        var estimate = new SpotEstimate([Costing(Money.Ceiling)], projectionYears: [1]);

        Assert.Equal(new Money(Money.Ceiling), estimate.Projection(1).Value);
    }

    [Fact]
    public void Estimate_LineOverTheCeiling_IsRefusedNamingTheLine()
    {
        // The largest inputs allowed: far beyond any contract, but no decimal overflow.
        var line = new HoursLine("Sitting", 168m, 53m, 100_000, new Money(Money.Ceiling * 1000));

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new SpotEstimate([line]));

        Assert.Equal("lines", ex.ParamName);
        Assert.StartsWith("Sitting: £", ex.Message);
        Assert.Contains(" is more than £10,000,000,000.00, the most a council contract can be worth; check the figures.", ex.Message);
    }

    [Fact]
    public void Estimate_LinesAddingUpOverTheCeiling_AreRefused()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new SpotEstimate([Costing(6_000_000_000m), Costing(6_000_000_000m)]));

        Assert.Equal("lines", ex.ParamName);
        Assert.StartsWith("Full year: £12,000,000,000.00 is more than £10,000,000,000.00", ex.Message);
    }

    [Fact]
    public void Estimate_ProjectionOverTheCeiling_IsRefused()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new SpotEstimate([Costing(Money.Ceiling)], projectionYears: [2]));

        Assert.Equal("projectionYears", ex.ParamName);
        Assert.StartsWith("2 years: £20,000,000,000.00 is more than", ex.Message);
    }
}
