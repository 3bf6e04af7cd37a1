using Commissioning.Domain.Governance;
using Commissioning.Domain.Tests.TestData;

namespace Commissioning.Domain.Tests.Governance;

public class ForwardPlanTests
{
    private static (List<Meeting> Meetings, ContractDecision Persona) Calendar()
    {
        var persona = Gov.PersonaRoute();
        var (scb, _) = Gov.PersonaScbMeeting(persona, "9");
        var executive = new Meeting(Gov.ExecutiveBoard(), Days.On(2021, 2, 15)).WithId(6);
        var scrutiny = new Meeting(Gov.HealthScrutiny(), Days.On(2021, 3, 2)).WithId(8);
        var cabinet = new Meeting(Gov.Cabinet(), Days.On(2021, 3, 24)).WithId(9);
        cabinet.AddItem("Budget monitoring", GovernanceAction.Note, "4");
        return ([cabinet, scrutiny, scb, executive], persona);
    }

    [Fact]
    public void UpcomingMeetings_InDateOrder_WithTheItemsGoingToEach()
    {
        var (meetings, persona) = Calendar();

        var plan = ForwardPlan.Build(Days.On(2021, 2, 22), meetings, [persona]);

        Assert.Equal(["Strategic Commissioning Board", "Health Scrutiny", "Cabinet"], plan.Meetings.Select(m => m.Meeting.Title));
        var item = Assert.Single(plan.Meetings[0].Items);
        Assert.Equal("9", item.ItemNumber);
        Assert.Same(persona, item.Decision);
        Assert.True(item.OnAgenda);
        Assert.Empty(plan.Meetings[1].Items);
    }

    [Fact]
    public void ADecisionRoutedToAMeeting_ButNotOnItsAgenda_IsShownAsExpected()
    {
        var (meetings, _) = Calendar();
        var cabinet = meetings[0];
        var other = new ContractDecision(13, new DecisionDetails(DecisionKind.Extension, "Home care extension")).WithId(41);
        other.AddStep(cabinet, GovernanceAction.Decide);

        var plan = ForwardPlan.Build(Days.On(2021, 2, 22), meetings, [other]);

        var items = plan.Meetings.Single(m => m.Meeting == cabinet).Items;
        Assert.Equal(2, items.Count);
        Assert.True(items[0].OnAgenda);
        Assert.False(items[1].OnAgenda);
        Assert.Equal("Home care extension", items[1].Title);
        Assert.Equal(GovernanceAction.Decide, items[1].Action);
    }

    [Fact]
    public void Until_LimitsTheMeetings()
    {
        var (meetings, persona) = Calendar();

        var plan = ForwardPlan.Build(Days.On(2021, 2, 22), meetings, [persona], until: Days.On(2021, 3, 2));

        Assert.Equal(2, plan.Meetings.Count);
    }

    [Theory]
    [InlineData(2021, 2, 22, false)] // Cabinet on 24/03 is 30 days away
    [InlineData(2021, 2, 24, true)]  // exactly 28 days away
    [InlineData(2021, 3, 24, true)]  // the day itself
    [InlineData(2021, 3, 25, false)] // passed
    public void KeyDecisions_AreThoseTakenInTheNext28Days(int y, int m, int d, bool listed)
    {
        var (meetings, persona) = Calendar();

        var plan = ForwardPlan.Build(Days.On(y, m, d), meetings, [persona]);

        if (listed)
        {
            var key = Assert.Single(plan.KeyDecisions);
            Assert.Same(persona, key.Decision);
            Assert.Equal("Cabinet", key.Step.BodyName);
        }
        else Assert.Empty(plan.KeyDecisions);
    }

    [Fact]
    public void KeyDecisions_LeaveOutDecisionsThatAreNotKey_AndFlagAMissingForwardPlanReference()
    {
        var (meetings, persona) = Calendar();
        var bnes = new ContractDecision(14, new DecisionDetails(DecisionKind.Award, "Specialist mental health care and support for adults (18-64s)",
            ForwardPlanReference: "E 3270", IsKeyDecision: true)).WithId(42);
        bnes.AddStep(new DecisionBody("Cllr Appleyard, Cabinet Member for Adult Services", DecisionBodyKind.CabinetMember).WithId(10), Days.On(2021, 3, 13), GovernanceAction.Decide);
        var minor = new ContractDecision(15, new DecisionDetails(DecisionKind.Variation, "Minor variation")).WithId(43);
        minor.AddStep(Gov.Cabinet(), Days.On(2021, 3, 10), GovernanceAction.Approve);

        var plan = ForwardPlan.Build(Days.On(2021, 3, 1), meetings, [persona, bnes, minor]);

        Assert.Equal([bnes, persona], plan.KeyDecisions.Select(k => k.Decision));
        Assert.False(plan.KeyDecisions[0].LacksForwardPlanReference);
        Assert.True(plan.KeyDecisions[1].LacksForwardPlanReference);
        Assert.Equal(Days.On(2021, 3, 29), plan.KeyDecisionsUntil);
    }
}
