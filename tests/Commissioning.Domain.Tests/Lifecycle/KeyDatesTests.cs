using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Lifecycle;
using Commissioning.Domain.Tests.TestData;
using static Commissioning.Domain.Tests.TestData.Days;

namespace Commissioning.Domain.Tests.Lifecycle;

public class KeyDatesTests
{
    [Theory]
    [InlineData(2031, 3, 31, 12, 6, 2029, 10, 1)]  // Persona, 6 months to re-procure
    [InlineData(2031, 3, 31, 12, 0, 2030, 4, 1)]   // no lead time: the notice deadline
    [InlineData(2019, 5, 31, 3, 6, 2018, 9, 1)]    // Kent's continued end date
    [InlineData(2025, 9, 30, 3, 6, 2025, 1, 1)]    // month end: counted from 1 October
    [InlineData(2029, 2, 28, 12, 0, 2028, 3, 1)]   // end of February after a leap year
    [InlineData(2028, 2, 29, 12, 0, 2027, 3, 1)]   // leap-day end
    [InlineData(2028, 2, 28, 0, 12, 2027, 2, 28)]  // the day before a leap day: 29 February is the next day
    [InlineData(2025, 8, 30, 6, 0, 2025, 2, 28)]   // no 31 February: the month's last day, the safe side
    [InlineData(2024, 8, 30, 6, 0, 2024, 2, 29)]   // ... which in a leap year is the 29th
    [InlineData(2031, 3, 31, 0, 0, 2031, 4, 1)]    // no notice, no lead time: the day after the end
    public void DecisionDeadline_CountsBackFromTheDayAfterTheEnd(int y, int m, int d, int notice, int lead, int ey, int em, int ed)
    {
        Assert.Equal(On(ey, em, ed), KeyDates.DecisionDeadline(On(y, m, d), notice, lead));
    }

    [Fact]
    public void DecisionDeadline_CountsNoticeAndLeadTimeTogether_NotClampingAMonthEndTwice()
    {
        // 31 August less 6 months is 28 February; less one more month would then be 28 January.
        // Counted as 7 months at once it is 31 January.
        Assert.Equal(On(2025, 1, 31), KeyDates.DecisionDeadline(On(2025, 8, 30), 6, 1));
    }

    [Fact]
    public void DecisionDeadline_WithNoLeadTime_IsTheContractsNoticeDeadline()
    {
        foreach (var contract in new[] { A.PersonaContract(), A.BathAndNorthEastSomerset().WithNotice(6).Build(), Life.KentHomecare() })
            Assert.Equal(contract.NoticeDeadline, KeyDates.DecisionDeadline(contract.CurrentEndDate, contract.NoticePeriodMonths, 0));
    }

    [Fact]
    public void DecisionDeadline_ForA31MarchYearEnd_FallsInTheFinancialYearBefore()
    {
        var deadline = KeyDates.DecisionDeadline(On(2031, 3, 31), 12, 6);

        Assert.Equal(new FinancialYear(2029), FinancialYear.Containing(deadline));
    }

    [Fact]
    public void DecisionDeadline_NoticeServedOnIt_EndsTheContractOnItsEndDate()
    {
        var end = On(2031, 3, 31);
        Assert.Equal(end, Contract.NoticeEndsOn(KeyDates.DecisionDeadline(end, 12, 0), 12));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(KeyDates.MaxLeadTimeMonths + 1)]
    public void DecisionDeadline_ALeadTimeOutOfRange_IsRefused(int lead)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => KeyDates.DecisionDeadline(On(2031, 3, 31), 12, lead));
        Assert.Contains("lead time", ex.Message);
    }

    [Fact]
    public void For_ContractWithAnOptionLeft_AsksForAnExtensionDecision()
    {
        var key = KeyDates.For(A.BathAndNorthEastSomerset().WithNotice(6).Build(), On(2027, 1, 1));

        Assert.Equal(KeyDateAction.DecideExtensionOrServeNotice, key.Action);
        Assert.Equal(On(2027, 8, 1), key.DecisionDeadline); // 31 July 2028 less 6 + 6 months
        Assert.Equal(On(2028, 2, 1), key.NoticeDeadline);
        Assert.False(key.IsOverdue);
        Assert.Equal(212, key.DaysRemaining);
    }

    [Fact]
    public void For_ContractWithNoOptionLeft_AsksForNoticeOrReProcurement()
    {
        var key = KeyDates.For(A.PersonaContract(), On(2029, 10, 2));

        Assert.Equal(KeyDateAction.ServeNoticeOrReProcure, key.Action);
        Assert.True(key.IsOverdue);
        Assert.Equal(-1, key.DaysRemaining);
    }

    [Fact]
    public void For_OnTheDeadlineItself_IsNotYetOverdue()
    {
        var key = KeyDates.For(A.PersonaContract(), On(2029, 10, 1));

        Assert.False(key.IsOverdue);
        Assert.Equal(0, key.DaysRemaining);
    }

    [Fact]
    public void Upcoming_ListsOverdueFirst_ThenSoonestFirst_AndLeavesOutEndedContracts()
    {
        var today = On(2030, 1, 1);
        var persona = A.Block().WithReference("PERSONA").Build();                                   // deadline 1 Oct 2029: overdue
        var later = A.Block().WithReference("LATER").From(On(2025, 4, 1)).To(On(2035, 3, 31)).Build(); // 1 Oct 2033
        var sooner = A.Block().WithReference("SOONER").From(On(2025, 4, 1)).To(On(2032, 3, 31)).Build(); // 1 Oct 2030
        var worse = A.Block().WithReference("WORSE").From(On(2021, 4, 1)).To(On(2030, 9, 30)).Build();   // 1 Apr 2029: more overdue
        var expired = A.Block().WithReference("EXPIRED").From(On(2020, 4, 1)).To(On(2029, 3, 31)).Build();
        var terminated = A.Block().WithReference("TERMINATED").Build();
        terminated.TerminateOn(On(2029, 12, 31), "Ended by agreement");

        var keys = KeyDates.Upcoming([later, sooner, persona, expired, terminated, worse], today);

        Assert.Equal(["WORSE", "PERSONA", "SOONER", "LATER"], keys.Select(k => k.Reference));
        Assert.Equal([true, true, false, false], keys.Select(k => k.IsOverdue));
    }

    [Fact]
    public void Upcoming_UsesTheConfiguredLeadTime()
    {
        var keys = KeyDates.Upcoming([A.PersonaContract()], On(2029, 1, 1), leadTimeMonths: 9);

        Assert.Equal(On(2029, 7, 1), Assert.Single(keys).DecisionDeadline);
        Assert.Equal(9, keys[0].LeadTimeMonths);
    }
}
