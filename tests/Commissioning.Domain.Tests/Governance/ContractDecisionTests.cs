using Commissioning.Domain.Common;
using Commissioning.Domain.Governance;
using Commissioning.Domain.Tests.TestData;

namespace Commissioning.Domain.Tests.Governance;

public class ContractDecisionTests
{
    [Fact]
    public void StepsBefore_TheScbMeeting_GivesExactlyCcmtAndTheExecutiveBoard()
    {
        var route = Gov.PersonaRoute();

        var before = route.StepsBefore(Days.On(2021, 3, 1));

        Assert.Collection(before,
            s => { Assert.Equal("Community Commissioning Management Team (CCMT)", s.BodyName); Assert.Equal(Days.On(2021, 2, 2), s.Date); Assert.Equal(StepOutcome.Recommended, s.Outcome); },
            s => { Assert.Equal("Executive Board", s.BodyName); Assert.Equal(Days.On(2021, 2, 15), s.Date); Assert.Equal(StepOutcome.Approved, s.Outcome); });
    }

    [Fact]
    public void MissingApprovals_WhileCabinetIsPending_NamesCabinetOnly()
    {
        var route = Gov.PersonaRoute();

        var missing = Assert.Single(route.MissingApprovals());

        Assert.Same(route.Step(5), missing.Step);
        Assert.Equal("Cabinet on 24 March 2021 (asked to decide, outcome pending)", missing.Description);
        Assert.False(route.IsApproved);
        Assert.Null(route.ApprovedOn);
    }

    [Fact]
    public void EnsureAuthorises_WhileCabinetIsPending_RefusesAndSaysWhichStepIsMissing()
    {
        var route = Gov.PersonaRoute();

        var e = Assert.Throws<BusinessRuleException>(() => route.EnsureAuthorises(Gov.PersonaContractId));

        Assert.IsType<DecisionMustBeApprovedRule>(e.Rule);
        Assert.Equal("The renewal decision 'Persona Care and Support Limited - Contract Renewal 1st April 2021 - 31st March 2031' is not approved yet, " +
            "so the contract cannot be made active on it. Missing: Cabinet on 24 March 2021 (asked to decide, outcome pending).", e.Message);
    }

    [Fact]
    public void CabinetApproval_ApprovesTheDecision_OnTheDayCabinetMet()
    {
        var route = Gov.PersonaRoute();
        route.RecordOutcome(3, StepOutcome.Noted, null, Days.On(2021, 3, 1));

        route.RecordOutcome(5, StepOutcome.Approved, "Cabinet approved the renewal.", Days.On(2021, 3, 25));

        Assert.Empty(route.MissingApprovals());
        Assert.Equal(Days.On(2021, 3, 24), route.ApprovedOn);
        Assert.Equal(Days.On(2021, 3, 25), route.Step(5).OutcomeRecordedOn);
        Assert.Equal("Cabinet approved the renewal.", route.Step(5).Minute);
        route.EnsureAuthorises(Gov.PersonaContractId);
    }

    [Fact]
    public void MissingApprovals_ListsARejectedApprovalStep()
    {
        var route = Gov.PersonaRoute();
        route.RecordOutcome(5, StepOutcome.Rejected, null, Days.On(2021, 3, 24));

        var missing = Assert.Single(route.MissingApprovals());

        Assert.Equal("Cabinet on 24 March 2021 (asked to decide, rejected)", missing.Description);
        Assert.Throws<BusinessRuleException>(() => route.EnsureAuthorises(Gov.PersonaContractId));
    }

    [Fact]
    public void MissingApprovals_ListsEveryApprovalStepNotYetApproved_InRouteOrder()
    {
        var d = Gov.PersonaDecision();
        d.AddStep(Gov.ExecutiveBoard(), Days.On(2021, 2, 15), GovernanceAction.Approve);
        d.AddStep(Gov.Scb(), Days.On(2021, 3, 1), GovernanceAction.Note);
        d.AddStep(Gov.Cabinet(), Days.On(2021, 3, 24), GovernanceAction.Decide);

        Assert.Equal(["Executive Board on 15 February 2021 (asked to approve, outcome pending)", "Cabinet on 24 March 2021 (asked to decide, outcome pending)"],
            d.MissingApprovals().Select(m => m.Description));
    }

    [Fact]
    public void ADeferredApproval_IsMadeGoodByALaterApprovalAtTheSameBody()
    {
        var route = Gov.PersonaRoute();
        route.RecordOutcome(5, StepOutcome.Deferred, "Deferred to April for the savings plan.", Days.On(2021, 3, 24));
        route.AddStep(Gov.Cabinet(), Days.On(2021, 4, 21), GovernanceAction.Decide);
        Assert.Equal(2, route.MissingApprovals().Count);

        route.RecordOutcome(6, StepOutcome.Approved, null, Days.On(2021, 4, 21));

        Assert.True(route.IsApproved);
        Assert.Equal(Days.On(2021, 4, 21), route.ApprovedOn);
    }

    [Fact]
    public void ARouteWithNoStepThatApprovesOrDecides_IsNotApproval()
    {
        var d = Gov.PersonaDecision();
        d.AddStep(Gov.Scb(), Days.On(2021, 3, 1), GovernanceAction.Receive);
        d.RecordOutcome(1, StepOutcome.Noted, null, Days.On(2021, 3, 1));

        var missing = Assert.Single(d.MissingApprovals());

        Assert.Null(missing.Step);
        var e = Assert.Throws<BusinessRuleException>(() => d.EnsureAuthorises(Gov.PersonaContractId));
        Assert.Contains("no step in the governance route approves or decides it", e.Message);
    }

    [Fact]
    public void ApprovedOnAReceiveStep_DoesNotCountAsApproval()
    {
        var d = Gov.PersonaDecision();
        d.AddStep(Gov.Scb(), Days.On(2021, 3, 1), GovernanceAction.Receive);
        d.RecordOutcome(1, StepOutcome.Approved, null, Days.On(2021, 3, 1));

        Assert.False(d.IsApproved);
    }

    [Fact]
    public void EnsureAuthorises_ADecisionAboutAnotherContract_IsRefused()
    {
        var route = Gov.PersonaRoute();
        route.RecordOutcome(5, StepOutcome.Approved, null, Days.On(2021, 3, 24));

        var e = Assert.Throws<BusinessRuleException>(() => route.EnsureAuthorises(99));

        Assert.IsType<DecisionMustBeForTheContractRule>(e.Rule);
    }

    [Fact]
    public void AddStep_PlacesStepsInDateOrder_AfterStepsOnTheSameDay()
    {
        var d = Gov.PersonaDecision();
        d.AddStep(Gov.Cabinet(), Days.On(2021, 3, 24), GovernanceAction.Decide);
        d.AddStep(Gov.Ccmt(), Days.On(2021, 2, 2), GovernanceAction.Recommend);
        d.AddStep(Gov.Scb(), Days.On(2021, 3, 1), GovernanceAction.Receive);
        d.AddStep(Gov.HealthScrutiny(), Days.On(2021, 3, 1), GovernanceAction.Consider);

        Assert.Equal(["Community Commissioning Management Team (CCMT)", "Strategic Commissioning Board", "Health Scrutiny", "Cabinet"], d.Steps.Select(s => s.BodyName));
        Assert.Equal([1, 2, 3, 4], d.Steps.Select(s => s.Position));
    }

    [Fact]
    public void Move_OrdersStepsOnTheSameDay()
    {
        var d = Gov.PersonaDecision();
        d.AddStep(Gov.Scb(), Days.On(2021, 3, 1), GovernanceAction.Receive);
        d.AddStep(Gov.HealthScrutiny(), Days.On(2021, 3, 1), GovernanceAction.Consider);

        d.Move(2, 1);

        Assert.Equal(["Health Scrutiny", "Strategic Commissioning Board"], d.Steps.Select(s => s.BodyName));
        Assert.Equal(1, d.Steps[0].Position);
    }

    [Fact]
    public void Move_OutOfDateOrder_IsRefusedAndChangesNothing()
    {
        var route = Gov.PersonaRoute();

        var e = Assert.Throws<BusinessRuleException>(() => route.Move(5, 1));

        Assert.IsType<RouteMustRunInDateOrderRule>(e.Rule);
        Assert.Equal("Community Commissioning Management Team (CCMT) on 2 February 2021 cannot come after Cabinet on 24 March 2021: the route runs in date order. Change the date instead.", e.Message);
        Assert.Equal("Cabinet", route.Step(5).BodyName);
    }

    [Fact]
    public void Reschedule_MovesAPendingStepToItsPlaceInDateOrder()
    {
        var route = Gov.PersonaRoute();

        route.Reschedule(4, Days.On(2021, 3, 30));

        Assert.Equal(["Community Commissioning Management Team (CCMT)", "Executive Board", "Strategic Commissioning Board", "Cabinet", "Health Scrutiny"],
            route.Steps.Select(s => s.BodyName));
        Assert.Equal(Days.On(2021, 3, 30), route.Step(5).Date);
    }

    [Fact]
    public void ARecordedStep_IsHistory_AndCannotBeRescheduledOrRemoved()
    {
        var route = Gov.PersonaRoute();

        var e = Assert.Throws<BusinessRuleException>(() => route.Reschedule(2, Days.On(2021, 2, 16)));
        Assert.IsType<RecordedStepIsHistoryRule>(e.Rule);
        Assert.Equal("Executive Board on 15 February 2021 has its outcome recorded (approved), so it is part of the history and cannot be moved or removed.", e.Message);
        Assert.Throws<BusinessRuleException>(() => route.RemoveStep(2));

        route.RemoveStep(4);
        Assert.Equal(4, route.Steps.Count);
        Assert.Equal(4, route.Step(4).Position);
    }

    [Fact]
    public void RecordOutcome_BeforeTheBodyHasMet_IsRefused()
    {
        var route = Gov.PersonaRoute();

        var e = Assert.Throws<BusinessRuleException>(() => route.RecordOutcome(5, StepOutcome.Approved, null, Days.On(2021, 3, 23)));

        Assert.IsType<OutcomeWaitsForTheMeetingRule>(e.Rule);
        Assert.Equal("Cabinet meets on 24 March 2021: its outcome can be recorded from that day.", e.Message);
        Assert.Equal(StepOutcome.Pending, route.Step(5).Outcome);
    }

    [Fact]
    public void RecordOutcome_Pending_IsNotAnOutcome() =>
        Assert.Throws<ArgumentException>(() => Gov.PersonaRoute().RecordOutcome(5, StepOutcome.Pending, null, Days.On(2021, 3, 24)));

    [Fact]
    public void Kent_ASingleMemberDecision_WithDecisionNumberAndExemptAppendix()
    {
        var member = new DecisionBody("Cabinet Member for Adult Social Care", DecisionBodyKind.CabinetMember).WithId(9);
        var d = new ContractDecision(31, new DecisionDetails(DecisionKind.Continuation,
            "  Community Support Services - Homecare Contract Continuation or Variation through Mutual Negotiation ",
            DecisionReference: " 17/00030b ", HasExemptAppendix: true, IsKeyDecision: true));
        d.AddStep(member, Days.On(2017, 6, 20), GovernanceAction.Decide);

        Assert.Equal("17/00030b", d.DecisionReference);
        Assert.Null(d.ForwardPlanReference);
        Assert.True(d.HasExemptAppendix);
        Assert.StartsWith("Community Support", d.Title);
        Assert.True(member.IsSinglePerson);
        Assert.Equal(DecisionBodyKind.CabinetMember, d.Step(1).BodyKind);
        Assert.True(d.Step(1).IsApprovalStep);
    }

    [Fact]
    public void FollowMeeting_KeepsALinkedStepOnItsMeetingsDate()
    {
        var d = Gov.PersonaDecision();
        var cabinet = new Meeting(Gov.Cabinet(), Days.On(2021, 3, 24)).WithId(8);
        d.AddStep(Gov.Scb(), Days.On(2021, 3, 1), GovernanceAction.Receive);
        d.AddStep(cabinet, GovernanceAction.Decide);

        cabinet.Reschedule(Days.On(2021, 3, 31));
        d.FollowMeeting(cabinet);

        Assert.Equal(Days.On(2021, 3, 31), d.Step(2).Date);
        Assert.Equal(8, d.Step(2).MeetingId);
        Assert.Same(d.Step(2), d.StepAt(cabinet));
    }

    [Fact]
    public void Reschedule_ALinkedStepAwayFromItsMeeting_DropsTheLink()
    {
        var d = Gov.PersonaDecision();
        var cabinet = new Meeting(Gov.Cabinet(), Days.On(2021, 3, 24)).WithId(8);
        d.AddStep(cabinet, GovernanceAction.Decide);

        d.Reschedule(1, Days.On(2021, 4, 21));

        Assert.Null(d.Step(1).MeetingId);
        Assert.Null(d.StepAt(cabinet));
    }

    [Fact]
    public void ADecision_NeedsAContractAndATitle_AndBodiesMustBeSaved()
    {
        Assert.Throws<ArgumentException>(() => new ContractDecision(0, new DecisionDetails(DecisionKind.Award, "x")));
        Assert.Throws<ArgumentException>(() => new ContractDecision(1, new DecisionDetails(DecisionKind.Award, " ")));
        Assert.Throws<ArgumentException>(() => Gov.PersonaDecision().AddStep(new DecisionBody("Cabinet", DecisionBodyKind.Cabinet), Days.On(2021, 3, 24), GovernanceAction.Decide));
    }
}
