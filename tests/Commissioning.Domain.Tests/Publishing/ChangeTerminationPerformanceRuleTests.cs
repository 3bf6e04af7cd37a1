using Commissioning.Domain.Contracts;
using Commissioning.Domain.Lifecycle;
using Commissioning.Domain.Publishing.Notices;
using static Commissioning.Domain.Tests.TestData.Days;

namespace Commissioning.Domain.Tests.Publishing;

public class ContractChangeNoticeRuleTests
{
    [Fact]
    public void OverTenPercent_OwesANoticeByTheDayBeforeTheModification()
    {
        var facts = Notice.Facts(Notice.Contract(), [Notice.Variation(12, On(2026, 9, 1), ChangeNoticeRule.MoreThanTenPercent, true, after: 115_000_000)]);

        var due = Notice.Single(facts, NoticeKind.ContractChange, On(2026, 8, 31));

        Assert.Equal("variation-12", due.EventKey);
        Assert.Equal(On(2026, 8, 31), due.DueBy);
        Assert.Equal(NoticeStatus.Due, due.Status);
        Assert.Equal(NoticeStatus.Overdue, Notice.Single(facts, NoticeKind.ContractChange, On(2026, 9, 1)).Status);
    }

    [Fact]
    public void WithinTenPercent_OwesNone()
    {
        var facts = Notice.Facts(Notice.Contract(), [Notice.Variation(12, On(2026, 9, 1), ChangeNoticeRule.WithinTenPercent, false, after: 110_000_000)]);

        Assert.Empty(Notice.Of(facts, NoticeKind.ContractChange, On(2026, 9, 1)));
    }

    [Fact]
    public void LightTouch_OwesNone_EvenOverTenPercent()
    {
        var facts = Notice.Facts(Notice.Contract(category: ServiceCategory.Other, lightTouch: true),
            [Notice.Variation(12, On(2026, 9, 1), ChangeNoticeRule.MoreThanTenPercent, true, after: 200_000_000)]);

        Assert.Empty(Notice.Of(facts, NoticeKind.ContractChange, On(2026, 9, 1)));
    }

    [Theory]
    [InlineData(110_000_000L, 0, false)]  // exactly 10% of value
    [InlineData(110_000_001L, 0, true)]   // a penny over
    [InlineData(100_000_000L, 10.00, false)] // 10% of term
    [InlineData(100_000_000L, 10.01, true)]
    public void PassedAsLightTouchByCategory_ButRecordedNotLightTouch_IsJudgedOnItsFigures(long after, double termPercent, bool owed)
    {
        var facts = Notice.Facts(Notice.Contract(category: ServiceCategory.DomiciliaryCare, lightTouch: false),
            [Notice.Variation(3, On(2026, 9, 1), ChangeNoticeRule.LightTouchContract, false, after: after, termPercent: (decimal)termPercent)]);

        Assert.Equal(owed, Notice.Of(facts, NoticeKind.ContractChange, On(2026, 9, 1)).Count == 1);
    }

    [Fact]
    public void OneNoticePerVariation_InDateOrder()
    {
        var facts = Notice.Facts(Notice.Contract(),
        [
            Notice.Variation(20, On(2027, 1, 1), ChangeNoticeRule.MoreThanTenPercent, true),
            Notice.Variation(12, On(2026, 9, 1), ChangeNoticeRule.ValueChangeNotMeasurable, true),
        ]);

        Assert.Equal(["variation-12", "variation-20"], Notice.Of(facts, NoticeKind.ContractChange, On(2026, 6, 1)).Select(d => d.EventKey));
    }
}

public class ContractTerminationNoticeRuleTests
{
    [Fact]
    public void Terminated_Day30FromTheLastDayIsOnTime_Day31Overdue()
    {
        var facts = Notice.Facts(Notice.Contract(terminatedOn: On(2027, 5, 31)));

        var due = Notice.Single(facts, NoticeKind.ContractTermination, On(2027, 6, 29));
        Assert.Equal(On(2027, 6, 29), due.DueBy);
        Assert.Equal(NoticeStatus.Due, due.Status);
        Assert.Contains("Provider failed", due.Event);
        Assert.Equal(NoticeStatus.Overdue, Notice.Single(facts, NoticeKind.ContractTermination, On(2027, 6, 30)).Status);
    }

    [Fact]
    public void Expiry_CountsFromTheEndOfTheTerm_AndIsUpcomingBeforeIt()
    {
        var facts = Notice.Facts(Notice.Contract(maximumEnd: On(2029, 3, 31)));

        Assert.Equal(NoticeStatus.Upcoming, Notice.Single(facts, NoticeKind.ContractTermination, On(2029, 3, 30)).Status);
        var due = Notice.Single(facts, NoticeKind.ContractTermination, On(2029, 3, 31));
        Assert.Equal(NoticeStatus.Due, due.Status);
        Assert.Equal(On(2029, 4, 29), due.DueBy);
        Assert.Equal(NoticeStatus.Overdue, Notice.Single(facts, NoticeKind.ContractTermination, On(2029, 4, 30)).Status);
    }

    [Fact]
    public void LightTouch_StillOwesIt()
    {
        var facts = Notice.Facts(Notice.Contract(category: ServiceCategory.ResidentialCare, terminatedOn: On(2027, 5, 31)));

        Assert.Single(Notice.Of(facts, NoticeKind.ContractTermination, On(2027, 6, 1)));
    }

    [Fact]
    public void UserChoiceDirectAward_OwesNone()
    {
        var facts = Notice.Facts(Notice.Contract(category: ServiceCategory.ResidentialCare, terminatedOn: On(2027, 5, 31), userChoice: true));

        Assert.Empty(Notice.Of(facts, NoticeKind.ContractTermination, On(2027, 6, 1)));
    }

    [Fact]
    public void DayCount_ComesFromTheSettings()
    {
        var facts = Notice.Facts(Notice.Contract(terminatedOn: On(2027, 5, 31)));

        Assert.Equal(On(2027, 6, 9), Notice.Single(facts, NoticeKind.ContractTermination, On(2027, 6, 1), new NoticeSettings { TerminationDays = 10 }).DueBy);
    }
}

public class ContractPerformanceNoticeRuleTests
{
    // £2m a year for three years: £6m over the maximum term.
    private static NoticeContract Big(ServiceCategory category = ServiceCategory.Other, long annual = 200_000_000) =>
        Notice.Contract(category: category, annualPence: annual, start: On(2026, 4, 1), maximumEnd: On(2029, 3, 31));

    [Fact]
    public void OverFiveMillion_FirstDueTwelveMonthsFromTheStart_OverdueTheDayAfter()
    {
        var facts = Notice.Facts(Big());

        var due = Notice.Single(facts, NoticeKind.ContractPerformance, On(2027, 4, 1));
        Assert.Equal(On(2027, 4, 1), due.DueBy);
        Assert.Equal(NoticeStatus.Due, due.Status);
        Assert.Equal(NoticeStatus.Upcoming, Notice.Single(facts, NoticeKind.ContractPerformance, On(2027, 2, 28)).Status);
        Assert.Equal(NoticeStatus.Overdue, Notice.Single(facts, NoticeKind.ContractPerformance, On(2027, 4, 2)).Status);
    }

    [Fact]
    public void NextIsDueTwelveMonthsAfterTheLastPublished()
    {
        var first = Notice.Single(Notice.Facts(Big()), NoticeKind.ContractPerformance, On(2027, 3, 1));
        var published = Notice.Publish(first, On(2027, 3, 10));

        var all = Notice.Of(Notice.Facts(Big(), null, published), NoticeKind.ContractPerformance, On(2027, 4, 1));

        Assert.Equal([NoticeStatus.Published, NoticeStatus.Upcoming], all.Select(d => d.Status));
        Assert.Equal(On(2028, 3, 10), all[1].DueBy);
    }

    [Fact]
    public void NoneFallsDueAfterTheLastDay()
    {
        // Ends 31 March 2027, the day before twelve months from the start.
        var c = Big(annual: 600_000_000) with { CurrentEndDate = On(2027, 3, 31), MaximumEndDate = On(2027, 3, 31) };

        Assert.Empty(Notice.Of(Notice.Facts(c), NoticeKind.ContractPerformance, On(2027, 4, 1)));
    }

    [Theory]
    [InlineData(166_666_666L, false)] // £4,999,999.98 over three years
    [InlineData(166_666_667L, true)]  // £5,000,000.01
    public void OwedOnlyOverFiveMillion(long annual, bool owed)
    {
        var facts = Notice.Facts(Big(annual: annual));

        Assert.Equal(owed, Notice.Of(facts, NoticeKind.ContractPerformance, On(2027, 4, 1)).Count == 1);
    }

    [Fact]
    public void LightTouch_OwesNone()
    {
        Assert.Empty(Notice.Of(Notice.Facts(Big(category: ServiceCategory.SupportedLiving)), NoticeKind.ContractPerformance, On(2027, 4, 1)));
    }
}

public class PublishedNoticeTests
{
    private static NoticeDue Details() =>
        Notice.Single(Notice.Facts(Notice.Contract(enteredInto: On(2026, 3, 1))), NoticeKind.ContractDetails, On(2026, 3, 5));

    [Fact]
    public void Record_KeepsWhatWasPublished()
    {
        var p = PublishedNotice.Record(Details(), On(2026, 3, 5), " 001234-2026 ", On(2026, 3, 6));

        Assert.Equal((7, NoticeKind.ContractDetails, "details", On(2026, 3, 5), "001234-2026"), (p.ContractId, p.Kind, p.EventKey, p.PublishedOn, p.NoticeId));
    }

    [Fact]
    public void Record_NeedsTheNoticeId()
    {
        var e = Assert.Throws<Domain.Common.BusinessRuleException>(() => PublishedNotice.Record(Details(), On(2026, 3, 5), " ", On(2026, 3, 6)));
        Assert.IsType<NoticeNeedsThePlatformsIdRule>(e.Rule);
    }

    [Fact]
    public void Record_TodayIsFine_TomorrowIsInTheFuture()
    {
        PublishedNotice.Record(Details(), On(2026, 3, 6), "1", On(2026, 3, 6));
        var e = Assert.Throws<Domain.Common.BusinessRuleException>(() => PublishedNotice.Record(Details(), On(2026, 3, 7), "1", On(2026, 3, 6)));
        Assert.IsType<NoticeCannotBePublishedInTheFutureRule>(e.Rule);
    }

    [Fact]
    public void Record_OnTheEventDayIsFine_TheDayBeforeIsRefused()
    {
        PublishedNotice.Record(Details(), On(2026, 3, 1), "1", On(2026, 3, 6));
        var e = Assert.Throws<Domain.Common.BusinessRuleException>(() => PublishedNotice.Record(Details(), On(2026, 2, 28), "1", On(2026, 3, 6)));
        Assert.IsType<NoticeCannotBePublishedBeforeItsEventRule>(e.Rule);
        Assert.Contains("1 March 2026", e.Message);
    }

    [Fact]
    public void Record_Twice_IsRefused()
    {
        var c = Notice.Contract(enteredInto: On(2026, 3, 1));
        var first = Notice.Publish(Details(), On(2026, 3, 5));
        var again = Notice.Single(Notice.Facts(c, null, first), NoticeKind.ContractDetails, On(2026, 3, 6));

        var e = Assert.Throws<Domain.Common.BusinessRuleException>(() => PublishedNotice.Record(again, On(2026, 3, 6), "2", On(2026, 3, 6)));
        Assert.IsType<NoticeCanBeRecordedOnceRule>(e.Rule);
    }

    [Fact]
    public void Settings_RefuseNonsense()
    {
        Assert.Empty(NoticeSettings.Default.Problems());
        Assert.Single(new NoticeSettings { ContractDetailsDays = 0 }.Problems());
        Assert.Single(new NoticeSettings { PerformanceIntervalMonths = 61 }.Problems());
    }
}
