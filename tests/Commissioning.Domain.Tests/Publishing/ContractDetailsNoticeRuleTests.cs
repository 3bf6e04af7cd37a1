using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Publishing.Notices;
using static Commissioning.Domain.Tests.TestData.Days;

namespace Commissioning.Domain.Tests.Publishing;

public class ContractDetailsNoticeRuleTests
{
    [Fact]
    public void Due_OnDay30CountingTheDayEnteredInto_OverdueOnDay31()
    {
        // Entered into 1 March 2026: day 1 is 1 March, day 30 is 30 March.
        var facts = Notice.Facts(Notice.Contract(enteredInto: On(2026, 3, 1)));

        Assert.Equal(On(2026, 3, 30), Notice.Single(facts, NoticeKind.ContractDetails, On(2026, 3, 1)).DueBy);
        Assert.Equal(NoticeStatus.Due, Notice.Single(facts, NoticeKind.ContractDetails, On(2026, 3, 30)).Status);
        Assert.Equal(NoticeStatus.Overdue, Notice.Single(facts, NoticeKind.ContractDetails, On(2026, 3, 31)).Status);
    }

    [Fact]
    public void LightTouch_Has120Days_OverdueOnDay121()
    {
        var facts = Notice.Facts(Notice.Contract(category: ServiceCategory.DomiciliaryCare, enteredInto: On(2026, 3, 1)));

        var due = Notice.Single(facts, NoticeKind.ContractDetails, On(2026, 6, 28));
        Assert.Equal(On(2026, 6, 28), due.DueBy); // 1 March + 119 days
        Assert.Equal(NoticeStatus.Due, due.Status);
        Assert.Equal(NoticeStatus.Overdue, Notice.Single(facts, NoticeKind.ContractDetails, On(2026, 6, 29)).Status);
    }

    [Fact]
    public void LightTouch_RecordedOnTheContract_OverridesTheServiceCategory()
    {
        var careButNot = Notice.Facts(Notice.Contract(category: ServiceCategory.DomiciliaryCare, lightTouch: false, enteredInto: On(2026, 3, 1)));
        var otherButIs = Notice.Facts(Notice.Contract(category: ServiceCategory.Other, lightTouch: true, enteredInto: On(2026, 3, 1)));

        Assert.Equal(On(2026, 3, 30), Notice.Single(careButNot, NoticeKind.ContractDetails, On(2026, 3, 1)).DueBy);
        Assert.Equal(On(2026, 6, 28), Notice.Single(otherButIs, NoticeKind.ContractDetails, On(2026, 3, 1)).DueBy);
    }

    [Fact]
    public void WithoutAnEnteredIntoDate_TheAwardDateCounts()
    {
        var facts = Notice.Facts(Notice.Contract(awardedOn: On(2026, 3, 10)));

        var due = Notice.Single(facts, NoticeKind.ContractDetails, On(2026, 3, 10));
        Assert.Equal(On(2026, 4, 8), due.DueBy);
        Assert.Contains("Awarded", due.Event);
    }

    [Fact]
    public void DayCounts_ComeFromTheSettings()
    {
        var facts = Notice.Facts(Notice.Contract(enteredInto: On(2026, 3, 1)));

        var due = Notice.Single(facts, NoticeKind.ContractDetails, On(2026, 3, 1), new NoticeSettings { ContractDetailsDays = 10 });

        Assert.Equal(On(2026, 3, 10), due.DueBy);
    }

    [Theory]
    [InlineData(500_000_000L, false)] // £5,000,000.00: not over £5 million
    [InlineData(500_000_001L, true)]  // £5,000,000.01: over
    public void ContractCopyAndKpis_OwedOnlyOverFiveMillion(long annualPence, bool owed)
    {
        // A twelve-month term: the estimated value over the maximum term is the annual value.
        var facts = Notice.Facts(Notice.Contract(annualPence: annualPence, start: On(2026, 4, 1), maximumEnd: On(2027, 3, 31)));

        Assert.Equal(owed, Notice.Single(facts, NoticeKind.ContractDetails, On(2026, 3, 1)).NeedsContractCopyAndKpis);
    }

    [Fact]
    public void NotUnderTheAct_OwesNoNotices()
    {
        var old = Notice.Facts(Notice.Contract(awardedOn: On(2025, 2, 23), start: On(2025, 4, 1)));
        var recordedNo = Notice.Facts(Notice.Contract(underAct: false));

        Assert.Empty(NoticeSchedule.For(old, On(2026, 1, 1), NoticeSettings.Default));
        Assert.Empty(NoticeSchedule.For(recordedNo, On(2026, 6, 1), NoticeSettings.Default));
    }

    [Fact]
    public void UnderTheAct_FromTheAwardDate_24February2025OnIsUnder_TheDayBeforeIsNot()
    {
        var s = NoticeSettings.Default;
        Assert.True(ProcurementActAppliesRule.Applies(Notice.Contract(awardedOn: On(2025, 2, 24)), s));
        Assert.False(ProcurementActAppliesRule.Applies(Notice.Contract(awardedOn: On(2025, 2, 23)), s));
        Assert.True(ProcurementActAppliesRule.Applies(Notice.Contract(awardedOn: On(2024, 1, 1), underAct: true), s));
    }

    [Fact]
    public void NotAwarded_OwesNoContractDetailsNoticeYet()
    {
        var c = Notice.Contract() with { AwardedOn = null };

        Assert.Empty(Notice.Of(Notice.Facts(c), NoticeKind.ContractDetails, On(2026, 6, 1)));
    }

    [Fact]
    public void Published_ShowsAsPublishedWithItsRecord_AndLateWhenAfterTheDeadline()
    {
        var c = Notice.Contract(enteredInto: On(2026, 3, 1));
        var due = Notice.Single(Notice.Facts(c), NoticeKind.ContractDetails, On(2026, 3, 31));
        var late = Notice.Publish(due, On(2026, 3, 31));

        var after = Notice.Single(Notice.Facts(c, null, late), NoticeKind.ContractDetails, On(2026, 5, 1));

        Assert.Equal(NoticeStatus.Published, after.Status);
        Assert.Same(late, after.Published);
        Assert.True(late.WasLate);
        Assert.False(Notice.Publish(due, On(2026, 3, 30)).WasLate);
    }
}

public class EstimatedValueRuleTests
{
    [Fact]
    public void WholeYears_AreTheAnnualValueTimesTheYears()
    {
        Assert.Equal(Money.Pounds(113_934_080m), EstimatedValueRule.OverMaximumTerm(Money.Pounds(11_393_408m), On(2021, 4, 1), On(2031, 3, 31)));
    }

    [Fact]
    public void PartYears_AreTwelfthsForMonthsAndDaysOver365()
    {
        // 1 April 2026 to 14 October 2027: 18 whole months and 14 days.
        var value = EstimatedValueRule.OverMaximumTerm(Money.Pounds(365_000m), On(2026, 4, 1), On(2027, 10, 14));

        Assert.Equal(Money.Pounds(365_000m * 18 / 12 + 14_000m), value);
    }

    [Fact]
    public void WithoutAnAnnualValue_IsUnknownAndNotOverTheThreshold()
    {
        var value = EstimatedValueRule.OverMaximumTerm(null, On(2026, 4, 1), On(2030, 3, 31));

        Assert.Null(value);
        Assert.False(EstimatedValueRule.IsOverThreshold(value, NoticeSettings.Default));
    }

    [Theory]
    [InlineData("5000000.00", false)]
    [InlineData("5000000.01", true)]
    public void Threshold_IsOverNotAt(string amount, bool over)
    {
        var value = Money.Pounds(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(over, EstimatedValueRule.IsOverThreshold(value, NoticeSettings.Default));
    }

    [Fact]
    public void Threshold_ComesFromTheSettings()
    {
        var settings = new NoticeSettings { HighValueThreshold = Money.Pounds(100m) };

        Assert.True(EstimatedValueRule.IsOverThreshold(Money.Pounds(100.01m), settings));
        Assert.False(EstimatedValueRule.IsOverThreshold(Money.Pounds(100m), settings));
    }
}
