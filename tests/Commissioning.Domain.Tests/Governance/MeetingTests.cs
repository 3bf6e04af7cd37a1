using Commissioning.Domain.Common;
using Commissioning.Domain.Governance;
using Commissioning.Domain.Tests.TestData;

namespace Commissioning.Domain.Tests.Governance;

public class MeetingTests
{
    [Fact]
    public void AMeeting_TakesItsTitleFromTheBody_UnlessGivenOne()
    {
        var scb = new Meeting(Gov.Scb(), Days.On(2020, 10, 5));
        var extra = new Meeting(Gov.Scb(), Days.On(2020, 10, 19), " Strategic Commissioning Board (extraordinary) ");

        Assert.Equal("Strategic Commissioning Board", scb.Title);
        Assert.Equal(3, scb.BodyId);
        Assert.Equal(DecisionBodyKind.StrategicCommissioningBoard, scb.BodyKind);
        Assert.Equal("Strategic Commissioning Board (extraordinary)", extra.Title);
    }

    [Fact]
    public void ABodyMustBeSavedBeforeItMeets_AndMustHaveAName()
    {
        Assert.Throws<ArgumentException>(() => new Meeting(new DecisionBody("Cabinet", DecisionBodyKind.Cabinet), Days.On(2021, 3, 24)));
        Assert.Throws<ArgumentException>(() => new DecisionBody("  ", DecisionBodyKind.Cabinet));
    }

    [Fact]
    public void AgendaItems_KeepTheirOrder_AndMayBeNumberedLater()
    {
        var m = new Meeting(Gov.Scb(), Days.On(2020, 10, 5)).WithId(7);
        m.AddItem("Minutes of the last meeting", GovernanceAction.Approve, "1");
        var lco = m.AddItem("Form and Function of the Local Care Organisation", GovernanceAction.Consider);

        Assert.Null(lco.Number);
        m.NumberItem(2, " 17 ");

        Assert.Equal("17", lco.Number);
        Assert.Equal(2, lco.Position);
        m.MoveItem(2, 1);
        Assert.Same(lco, m.Item(1));
        Assert.Equal([1, 2], m.Agenda.Select(i => i.Position));
    }

    [Fact]
    public void ItemNumbers_AreUniqueOnAnAgenda()
    {
        var m = new Meeting(Gov.Scb(), Days.On(2020, 10, 5)).WithId(7);
        m.AddItem("Form and Function of the Local Care Organisation", GovernanceAction.Consider, "17");

        var e = Assert.Throws<BusinessRuleException>(() => m.AddItem("Another paper", GovernanceAction.Note, "17"));

        Assert.IsType<AgendaItemNumbersMustBeUniqueRule>(e.Rule);
        Assert.Equal("Item 17 is already on the agenda for Strategic Commissioning Board on 5 October 2020: choose another item number.", e.Message);
        Assert.Single(m.Agenda);
        m.NumberItem(1, "17"); // an item keeps its own number
    }

    [Fact]
    public void ADecision_GoesOnAnAgendaOnce_UnderItsOwnTitle()
    {
        var decision = Gov.PersonaDecision();
        var (meeting, item) = Gov.PersonaScbMeeting(decision);

        Assert.Equal(decision.Title, item.Title);
        Assert.Equal(40, item.ContractDecisionId);
        var e = Assert.Throws<BusinessRuleException>(() => meeting.AddItem(decision, GovernanceAction.Note));
        Assert.IsType<DecisionCanBeOnAnAgendaOnceRule>(e.Rule);
    }

    [Fact]
    public void RemovingAnItem_ClosesTheGap()
    {
        var m = new Meeting(Gov.Scb(), Days.On(2021, 3, 1)).WithId(7);
        m.AddItem("A", GovernanceAction.Note);
        m.AddItem("B", GovernanceAction.Note);
        m.AddItem("C", GovernanceAction.Note);

        m.RemoveItem(2, itemsWithCoverSheets: []);

        Assert.Equal(["A", "C"], m.Agenda.Select(i => i.Title));
        Assert.Equal([1, 2], m.Agenda.Select(i => i.Position));
        Assert.Throws<ArgumentOutOfRangeException>(() => m.Item(3));
    }

    [Fact]
    public void AnItemWithACoverSheet_StaysOnTheAgenda()
    {
        var m = new Meeting(Gov.Scb(), Days.On(2021, 3, 1)).WithId(7);
        m.AddItem("A", GovernanceAction.Note).WithId(70);
        m.AddItem("Persona homecare", GovernanceAction.Decide).WithId(71);
        m.AddItem("C", GovernanceAction.Note).WithId(72);

        var e = Assert.Throws<BusinessRuleException>(() => m.RemoveItem(2, itemsWithCoverSheets: [71]));

        Assert.IsType<AgendaItemWithACoverSheetStaysRule>(e.Rule);
        Assert.Equal("Persona homecare has a cover sheet, so it stays on the agenda: its cover sheet versions belong to this item.", e.Message);
        Assert.Equal(["A", "Persona homecare", "C"], m.Agenda.Select(i => i.Title));
        // Another item's cover sheet does not hold this one.
        m.RemoveItem(1, itemsWithCoverSheets: [71]);
        Assert.Equal([71, 72], m.Agenda.Select(i => i.Id));
    }

    [Theory]
    [InlineData(DecisionBodyKind.CabinetMember, true)]
    [InlineData(DecisionBodyKind.DelegatedDirector, true)]
    [InlineData(DecisionBodyKind.Cabinet, false)]
    [InlineData(DecisionBodyKind.ManagementTeam, false)]
    public void SingleMemberAndDelegatedDecisions_AreTakenByOnePerson(DecisionBodyKind kind, bool single) =>
        Assert.Equal(single, new DecisionBody("x", kind).IsSinglePerson);
}
