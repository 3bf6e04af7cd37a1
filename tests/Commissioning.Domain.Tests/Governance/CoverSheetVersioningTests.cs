using Commissioning.Domain.Common;
using Commissioning.Domain.Governance;
using Commissioning.Domain.Tests.TestData;

namespace Commissioning.Domain.Tests.Governance;

public class CoverSheetVersioningTests
{
    private static readonly Actor Secretary = new("u7", "board.secretary@demo.test");
    private static readonly DateTime At = new(2021, 2, 22, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateOnly Today = Days.On(2021, 2, 22);

    private static (CoverSheet Sheet, ContractDecision Decision, Meeting Meeting, AgendaItem Item) PersonaSheet()
    {
        var decision = Gov.PersonaRoute();
        var (meeting, item) = Gov.PersonaScbMeeting(decision);
        var sheet = CoverSheet.Create(meeting, item, decision, Gov.CompletePersonaSheet());
        return (sheet, decision, meeting, item);
    }

    [Fact]
    public void Create_FillsTheMeetingFromTheAgenda_AndGovernanceAndReportingFromTheRoute()
    {
        var decision = Gov.PersonaRoute();
        var (meeting, item) = Gov.PersonaScbMeeting(decision, "9");

        var sheet = CoverSheet.Create(meeting, item, decision);

        var v1 = Assert.Single(sheet.Versions);
        Assert.Equal(1, v1.Number);
        Assert.Equal(CoverSheetVersionStatus.Draft, v1.Status);
        Assert.Equal("Strategic Commissioning Board", v1.MeetingTitle);
        Assert.Equal(Days.On(2021, 3, 1), v1.MeetingDate);
        Assert.Equal("9", v1.ItemNumber);
        Assert.Equal(GovernanceAction.Receive, v1.Action);
        Assert.Equal(decision.Title, v1.Title);
        // As the Persona sheet prints it: the most recent meeting first.
        Assert.Equal(
            [new GovernanceRow("Executive Board", Days.On(2021, 2, 15), StepOutcome.Approved),
             new GovernanceRow("Community Commissioning Management Team (CCMT)", Days.On(2021, 2, 2), StepOutcome.Recommended)],
            v1.Governance);
        Assert.Equal((7, 70, 40), (sheet.MeetingId, sheet.AgendaItemId, sheet.ContractDecisionId));
    }

    [Fact]
    public void Create_WithContent_StillTakesTitleAndActionFromTheAgendaWhereLeftBlank()
    {
        var decision = Gov.PersonaRoute();
        var (meeting, item) = Gov.PersonaScbMeeting(decision);

        var sheet = CoverSheet.Create(meeting, item, decision, new CoverSheetContent { Author = "Julie Gonda, Director of Community Commissioning (DASS)" });

        Assert.Equal(decision.Title, sheet.Current.Title);
        Assert.Equal(GovernanceAction.Receive, sheet.Current.Action);
        Assert.Equal("Julie Gonda, Director of Community Commissioning (DASS)", sheet.Current.Author);
    }

    [Fact]
    public void Create_RefusesAnItemFromAnotherMeetingOrAboutAnotherDecision()
    {
        var decision = Gov.PersonaRoute();
        var (meeting, item) = Gov.PersonaScbMeeting(decision);
        var other = new Meeting(Gov.Scb(), Days.On(2021, 4, 5)).WithId(11);
        var otherItem = other.AddItem("Something else", GovernanceAction.Note).WithId(71);
        var otherDecision = new ContractDecision(13, new DecisionDetails(DecisionKind.Extension, "Home care")).WithId(41);

        Assert.Throws<ArgumentException>(() => CoverSheet.Create(meeting, otherItem, decision));
        Assert.Throws<ArgumentException>(() => CoverSheet.Create(meeting, item, otherDecision));
    }

    [Fact]
    public void Issue_FreezesTheVersion_WithWhoAndWhen()
    {
        var (sheet, decision, _, _) = PersonaSheet();

        var issued = sheet.Issue(decision, Secretary, At, Today);

        Assert.Equal(1, issued.Number);
        Assert.True(issued.IsIssued);
        Assert.Equal("board.secretary@demo.test", issued.IssuedBy);
        Assert.Equal("u7", issued.IssuedById);
        Assert.Equal(At, issued.IssuedAtUtc);
        Assert.Null(sheet.Draft);
        Assert.Same(issued, sheet.LatestIssued);
    }

    [Fact]
    public void EditAfterIssue_StartsVersion2AsADraftCopy_AndLeavesVersion1AsIssued()
    {
        var (sheet, decision, _, _) = PersonaSheet();
        sheet.Issue(decision, Secretary, At, Today);
        var v1Title = sheet.GetVersion(1).Title;

        var v2 = sheet.Edit(sheet.Current.Content with { Title = "Persona Care and Support Limited - Contract Renewal (revised)" });

        Assert.Equal(2, v2.Number);
        Assert.Equal(CoverSheetVersionStatus.Draft, v2.Status);
        Assert.Equal("Persona Care and Support Limited - Contract Renewal (revised)", v2.Title);
        Assert.Equal(4, v2.Recommendations.Count);
        Assert.Equal(18, v2.Answers.Count);
        Assert.Equal(2, v2.Governance.Count);

        var v1 = sheet.GetVersion(1);
        Assert.Equal(v1Title, v1.Title);
        Assert.True(v1.IsIssued);
        Assert.Equal([1, 2], sheet.Versions.Select(v => v.Number));
        Assert.Same(v2, sheet.Draft);
    }

    [Fact]
    public void EditingTheDraftAgain_DoesNotStartAnotherVersion()
    {
        var (sheet, decision, _, _) = PersonaSheet();
        sheet.Issue(decision, Secretary, At, Today);

        sheet.Edit(sheet.Current.Content with { AdditionalDetails = "First change" });
        sheet.Edit(sheet.Current.Content with { AdditionalDetails = "Second change" });

        Assert.Equal(2, sheet.Versions.Count);
        Assert.Equal("Second change", sheet.Current.AdditionalDetails);
    }

    [Fact]
    public void EveryIssuedVersion_IsKept()
    {
        var (sheet, decision, _, _) = PersonaSheet();
        sheet.Issue(decision, Secretary, At, Today);
        sheet.Edit(sheet.Current.Content with { AdditionalDetails = "Corrected the Cabinet date." });
        sheet.Issue(decision, Secretary, At.AddDays(1), Today.AddDays(1));
        sheet.Edit(sheet.Current.Content with { AdditionalDetails = "Work in progress" });

        Assert.Equal([1, 2], sheet.IssuedVersions.Select(v => v.Number));
        Assert.Null(sheet.GetVersion(1).AdditionalDetails);
        Assert.Equal("Corrected the Cabinet date.", sheet.GetVersion(2).AdditionalDetails);
        Assert.Equal(3, sheet.Draft!.Number);
        Assert.Throws<ArgumentOutOfRangeException>(() => sheet.GetVersion(4));
    }

    [Fact]
    public void IssuingTwice_WithNothingChanged_IsRefused()
    {
        var (sheet, decision, _, _) = PersonaSheet();
        sheet.Issue(decision, Secretary, At, Today);

        var e = Assert.Throws<BusinessRuleException>(() => sheet.Issue(decision, Secretary, At, Today));

        Assert.IsType<CoverSheetMustHaveADraftRule>(e.Rule);
        Assert.Equal("Version 1 is already issued and nothing has changed since: edit the cover sheet to start version 2.", e.Message);
    }

    [Fact]
    public void Issue_WhileItemsAreMissing_IsRefusedWithEachListed_AndNothingIsFrozen()
    {
        var decision = Gov.PersonaRoute();
        var (meeting, item) = Gov.PersonaScbMeeting(decision);
        var sheet = CoverSheet.Create(meeting, item, decision, Gov.PersonaSheet() with { Recommendations = [] });

        var e = Assert.Throws<BusinessRuleException>(() => sheet.Issue(decision, Secretary, At, Today));

        Assert.IsType<CoverSheetMustBeCompleteRule>(e.Rule);
        Assert.Equal(string.Join(Environment.NewLine,
            "The cover sheet cannot be issued yet:",
            "- Add at least one recommendation.",
            "- State which Assurance Framework risk the report addresses."), e.Message);
        Assert.False(sheet.HasBeenIssued);
        Assert.NotNull(sheet.Draft);
    }

    [Fact]
    public void Issue_TakesTheRouteAsItStandsThen_AndTheIssuedTableNeverChanges()
    {
        var decision = Gov.PersonaRoute();
        var cabinet = new Meeting(Gov.Cabinet(), Days.On(2021, 3, 24)).WithId(9);
        var item = cabinet.AddItem(decision, GovernanceAction.Decide, "6").WithId(90);
        var sheet = CoverSheet.Create(cabinet, item, decision, Gov.CompletePersonaSheet() with { Action = GovernanceAction.Decide });
        Assert.Equal(["Health Scrutiny", "Strategic Commissioning Board", "Executive Board", "Community Commissioning Management Team (CCMT)"],
            sheet.Current.Governance.Select(r => r.Meeting));
        decision.RecordOutcome(3, StepOutcome.Noted, null, Days.On(2021, 3, 1));

        var v1 = sheet.Issue(decision, Secretary, At, Days.On(2021, 3, 1));

        Assert.Equal(StepOutcome.Noted, v1.Governance[1].Outcome);
        Assert.Equal(StepOutcome.Pending, v1.Governance[0].Outcome);

        decision.RecordOutcome(4, StepOutcome.Noted, null, Days.On(2021, 3, 2));
        sheet.RefreshGovernance(decision); // no draft: the issued table stays as printed
        Assert.Equal(StepOutcome.Pending, sheet.GetVersion(1).Governance[0].Outcome);

        sheet.Edit(sheet.Current.Content);
        sheet.RefreshGovernance(decision);
        Assert.Equal(StepOutcome.Noted, sheet.Current.Governance[0].Outcome);
        Assert.Equal(StepOutcome.Pending, sheet.GetVersion(1).Governance[0].Outcome);
    }

    [Fact]
    public void AMeetingMovedAfterIssue_GivesANewVersion_AndTheIssuedOneKeepsItsDate()
    {
        var (sheet, decision, meeting, item) = PersonaSheet();
        sheet.Issue(decision, Secretary, At, Today);

        meeting.Reschedule(Days.On(2021, 3, 8));
        meeting.NumberItem(item.Position, "5");
        sheet.FollowMeeting(meeting, item);

        Assert.Equal(Days.On(2021, 3, 1), sheet.GetVersion(1).MeetingDate);
        Assert.Null(sheet.GetVersion(1).ItemNumber);
        Assert.Equal(Days.On(2021, 3, 8), sheet.GetVersion(2).MeetingDate);
        Assert.Equal("5", sheet.GetVersion(2).ItemNumber);

        sheet.FollowMeeting(meeting, item); // nothing new: no version 3
        Assert.Equal(2, sheet.Versions.Count);
    }

    [Fact]
    public void RefusedContent_LeavesNoNewVersionBehind()
    {
        var (sheet, decision, _, _) = PersonaSheet();
        sheet.Issue(decision, Secretary, At, Today);

        Assert.Throws<ArgumentException>(() => sheet.Edit(sheet.Current.Content with { Answers = [ImplicationAnswer.Tick("no-such-question", YesNoNa.Yes)] }));
        Assert.Throws<ArgumentException>(() => sheet.Edit(sheet.Current.Content with { Answers = [ImplicationAnswer.Write(ImplicationQuestions.Financial, "Yes, £1m")] }));
        Assert.Throws<ArgumentException>(() => sheet.Edit(sheet.Current.Content with { Answers = [ImplicationAnswer.Tick(ImplicationQuestions.LocalityPlan, YesNoNa.Yes)] }));
        Assert.Throws<ArgumentException>(() => sheet.Edit(sheet.Current.Content with
        {
            Answers = [ImplicationAnswer.Tick(ImplicationQuestions.Legal, YesNoNa.Yes), ImplicationAnswer.Tick(ImplicationQuestions.Legal, YesNoNa.No)],
        }));

        Assert.Single(sheet.Versions);
    }

    [Fact]
    public void ARevisionAfterTheMeeting_CanBeIssued_BecauseOnlyANewSheetNeedsAFutureDate()
    {
        var (sheet, decision, _, _) = PersonaSheet();
        sheet.Issue(decision, Secretary, At, Today);
        sheet.Edit(sheet.Current.Content with { AdditionalDetails = "Minute reference added after the meeting." });

        var v2 = sheet.Issue(decision, Secretary, At.AddDays(10), Days.On(2021, 3, 4));

        Assert.Equal(2, v2.Number);
    }

    [Fact]
    public void Issue_WithAnotherDecision_IsRefused()
    {
        var (sheet, _, _, _) = PersonaSheet();
        var other = new ContractDecision(13, new DecisionDetails(DecisionKind.Extension, "Home care")).WithId(41);

        Assert.Throws<ArgumentException>(() => sheet.Issue(other, Secretary, At, Today));
    }
}
