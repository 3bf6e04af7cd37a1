using Commissioning.Domain.Common;
using Commissioning.Domain.Governance;
using Commissioning.Domain.Tests.TestData;

namespace Commissioning.Domain.Tests.Governance;

/// <summary>A meeting's details, attendance, declarations and minutes; a past agenda as history; a second meeting on one day.</summary>
public class MeetingDetailsTests
{
    private static readonly DateOnly Day = Days.On(2020, 10, 5);

    private static Meeting Lco()
    {
        var m = new Meeting(Gov.Scb(), Day).WithId(7);
        m.AddItem("Form and Function of the Local Care Organisation", GovernanceAction.Consider, "17").WithId(70);
        return m;
    }

    [Fact]
    public void Details_AreTrimmed_AndAnOnlineLinkIsKeptOnlyForAnOnlineMeeting()
    {
        var m = Lco();
        m.SetDetails(new TimeOnly(14, 0), " Council Chamber, Town Hall ", isOnline: true, " https://meet.example.gov.uk/scb ", " Cllr Andrea Simpson ");

        Assert.Equal((new TimeOnly(14, 0), "Council Chamber, Town Hall", true, "https://meet.example.gov.uk/scb", "Cllr Andrea Simpson"),
            (m.StartTime, m.Venue, m.IsOnline, m.OnlineLink, m.Chair));
        m.SetDetails(null, "Room 2", isOnline: false, "https://meet.example.gov.uk/scb", " ");
        Assert.Equal(((TimeOnly?)null, "Room 2", false, (string?)null, (string?)null), (m.StartTime, m.Venue, m.IsOnline, m.OnlineLink, m.Chair));
    }

    [Theory]
    [InlineData("https://teams.microsoft.com/l/meetup-join/19%3ameeting", true)]
    [InlineData("http://meet.example.gov.uk/scb", false)]
    [InlineData("meet.example.gov.uk/scb", false)]
    [InlineData("javascript:alert(1)", false)]
    [InlineData("https://", false)]
    public void AJoiningLink_IsAFullHttpsAddress(string link, bool ok)
    {
        Assert.Equal(ok, Meeting.IsJoiningLink(link));
        var m = Lco();
        if (ok) m.SetDetails(null, null, true, link, null);
        else Assert.Throws<ArgumentException>(() => m.SetDetails(null, null, true, link, null));
        Assert.Equal(ok ? link : null, m.OnlineLink);
    }

    [Fact]
    public void Attendance_IsRecordedFromTheMeetingsDay_NotBefore()
    {
        var m = Lco();
        var e = Assert.Throws<BusinessRuleException>(() => m.RecordAttendance(["Cllr Simpson"], [], Day.AddDays(-1)));
        Assert.IsType<MinutesWaitForTheMeetingRule>(e.Rule);
        Assert.Equal("Strategic Commissioning Board meets on 5 October 2020: its attendance can be recorded from that day.", e.Message);
        Assert.Empty(m.Present);

        m.RecordAttendance([" Cllr Simpson ", "", "Will Blandamer", "cllr simpson"], ["Dr Jeff Schryer", null], Day);
        Assert.Equal(["Cllr Simpson", "Will Blandamer"], m.Present);
        Assert.Equal(["Dr Jeff Schryer"], m.Apologies);
        m.RecordAttendance(["Cllr Simpson"], [], Day.AddDays(30)); // corrected later
        Assert.Equal(["Cllr Simpson"], m.Present);
        Assert.Empty(m.Apologies);
    }

    [Fact]
    public void AMember_IsPresentOrSendsApologies_NotBoth()
    {
        var m = Lco();
        var e = Assert.Throws<BusinessRuleException>(() => m.RecordAttendance(["Cllr Simpson", "Will Blandamer"], ["WILL BLANDAMER"], Day));
        Assert.IsType<PresentOrApologiesNotBothRule>(e.Rule);
        Assert.Equal("Will Blandamer is listed as present and as sending apologies: keep them in one list.", e.Message);
        Assert.Empty(m.Present);
    }

    [Fact]
    public void Declarations_AreSeveralPerItem_FromTheMeetingsDay_AndCanBeWithdrawn()
    {
        var m = Lco();
        Assert.IsType<MinutesWaitForTheMeetingRule>(Assert.Throws<BusinessRuleException>(() => m.DeclareInterest(70, "Cllr Simpson", "Relative works for Persona", Day.AddDays(-1))).Rule);

        m.DeclareInterest(70, " Cllr Simpson ", " A relative works for Persona ", Day);
        m.DeclareInterest(70, "Dr Schryer", "GP partner in the LCO", Day.AddDays(1));
        Assert.Equal([new DeclarationOfInterest("Cllr Simpson", "A relative works for Persona"), new DeclarationOfInterest("Dr Schryer", "GP partner in the LCO")],
            m.ItemById(70).Declarations);

        Assert.Equal("Cllr Simpson", m.WithdrawDeclaration(70, 1, Day).Member);
        Assert.Equal(["Dr Schryer"], m.ItemById(70).Declarations.Select(d => d.Member));
        Assert.Throws<ArgumentException>(() => m.WithdrawDeclaration(70, 2, Day));
        Assert.Throws<ArgumentException>(() => m.DeclareInterest(99, "Someone", "Something", Day));
        Assert.Throws<ArgumentException>(() => m.DeclareInterest(70, " ", "Something", Day));
    }

    [Fact]
    public void AnItemHoldsAtMostFiftyDeclarations()
    {
        var m = Lco();
        for (var i = 1; i <= AgendaItem.MaxDeclarations; i++) m.DeclareInterest(70, $"Member {i}", "Interest", Day);
        var e = Assert.Throws<BusinessRuleException>(() => m.DeclareInterest(70, "Member 51", "Interest", Day));
        Assert.IsType<DeclarationsPerItemAreLimitedRule>(e.Rule);
        Assert.Equal(AgendaItem.MaxDeclarations, m.ItemById(70).Declarations.Count);
    }

    [Fact]
    public void Minutes_AreTheDecisionTextAndAnOutcome_FromTheMeetingsDay()
    {
        var m = Lco();
        var item = m.ItemById(70);
        Assert.False(item.IsMinuted);
        Assert.IsType<MinutesWaitForTheMeetingRule>(Assert.Throws<BusinessRuleException>(() => m.RecordMinutes(70, "Noted.", StepOutcome.Noted, Day.AddDays(-1))).Rule);
        var e = Assert.Throws<BusinessRuleException>(() => m.RecordMinutes(70, "The board considered the paper.", StepOutcome.Pending, Day));
        Assert.IsType<MinuteNeedsAnOutcomeRule>(e.Rule);

        m.RecordMinutes(70, "  The board considered the form and function of the LCO and agreed the approach. ", StepOutcome.Approved, Day);
        Assert.Equal(("The board considered the form and function of the LCO and agreed the approach.", StepOutcome.Approved), (item.MinuteText, item.Outcome));
        Assert.True(item.IsMinuted);
        m.RecordMinutes(70, null, StepOutcome.Noted, Day.AddDays(7));
        Assert.Equal(((string?)null, StepOutcome.Noted), (item.MinuteText, item.Outcome));
        Assert.Throws<ArgumentException>(() => m.RecordMinutes(70, new string('x', AgendaItem.MinuteMaxLength + 1), StepOutcome.Noted, Day));
        m.RecordMinutes(70, new string('x', AgendaItem.MinuteMaxLength), StepOutcome.Noted, Day);
    }

    [Fact]
    public void APastMeetingsAgenda_IsHistory_TodaysIsNot()
    {
        var m = Lco();
        m.CheckAgendaCanChange(Day); // on the day itself: late papers are still added
        m.SetPresenter(70, " Will Blandamer ", Day);
        Assert.Equal("Will Blandamer", m.ItemById(70).Presenter);

        var e = Assert.Throws<BusinessRuleException>(() => m.CheckAgendaCanChange(Day.AddDays(1)));
        Assert.IsType<AgendaOfAPastMeetingIsHistoryRule>(e.Rule);
        Assert.Equal("Strategic Commissioning Board met on 5 October 2020, so its agenda is history and cannot be changed. " +
            "Record attendance, declarations of interest and minutes instead.", e.Message);
        Assert.Throws<BusinessRuleException>(() => m.SetPresenter(70, "Someone else", Day.AddDays(1)));
        Assert.Equal("Will Blandamer", m.ItemById(70).Presenter);
        Assert.True(m.IsPast(Day.AddDays(1)));
        Assert.False(m.IsPast(Day));
    }

    [Fact]
    public void ASecondMeetingOfABodyOnOneDay_NeedsConfirming()
    {
        var others = new[] { Day.AddDays(-14), Day };

        var e = Assert.Throws<BusinessRuleException>(() => Meeting.Schedule(Gov.Scb(), Day, null, others, secondMeetingConfirmed: false));
        Assert.IsType<SecondMeetingOnADayNeedsConfirmationRule>(e.Rule);
        Assert.Equal("Strategic Commissioning Board already has a meeting on 5 October 2020. " +
            "Tick \"Yes, schedule a second meeting on this day\" to schedule another, or change the date.", e.Message);

        Assert.Equal(Day, Meeting.Schedule(Gov.Scb(), Day, "SCB (extraordinary)", others, secondMeetingConfirmed: true).Date);
        Assert.Equal(Day.AddDays(1), Meeting.Schedule(Gov.Scb(), Day.AddDays(1), null, others, secondMeetingConfirmed: false).Date);
    }

    [Fact]
    public void Rescheduling_OntoADayTheBodyMeets_NeedsConfirming_KeepingTheDateDoesNot()
    {
        var m = Lco();
        var others = new[] { Day.AddDays(7) };

        Assert.Throws<BusinessRuleException>(() => m.Reschedule(Day.AddDays(7), null, others, secondMeetingConfirmed: false));
        Assert.Equal(Day, m.Date);
        m.Reschedule(Day, "SCB (retitled)", [Day], secondMeetingConfirmed: false); // already there: not a new clash
        m.Reschedule(Day.AddDays(7), null, others, secondMeetingConfirmed: true);
        Assert.Equal((Day.AddDays(7), "SCB (retitled)"), (m.Date, m.Title));
    }
}
