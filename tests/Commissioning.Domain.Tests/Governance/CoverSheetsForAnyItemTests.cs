using Commissioning.Domain.Common;
using Commissioning.Domain.Governance;
using Commissioning.Domain.Tests.TestData;

namespace Commissioning.Domain.Tests.Governance;

/// <summary>Cover sheets for agenda items that are not about a contract decision, with Governance and Reporting rows typed by hand.</summary>
public class CoverSheetsForAnyItemTests
{
    private static readonly Actor Secretary = new("u7", "Daniel Hughes");
    private static readonly DateOnly Before = Days.On(2020, 9, 28);
    private static readonly DateTime At = new(2020, 9, 28, 9, 0, 0, DateTimeKind.Utc);

    private static readonly GovernanceRow LcoBoard = new("LCO Board", Days.On(2020, 9, 10), StepOutcome.Approved);
    private static readonly GovernanceRow Ccmt = new("Community Commissioning Management Team (CCMT)", Days.On(2020, 9, 1), StepOutcome.Recommended);

    private static CoverSheet LcoSheet(CoverSheetContent? content = null)
    {
        var (meeting, item) = Gov.LcoScbMeeting();
        return CoverSheet.Create(meeting, item, content);
    }

    private static CoverSheetContent Complete() => Gov.CompletePersonaSheet() with
    {
        Action = GovernanceAction.Consider,
        Title = "Form and Function of the Local Care Organisation",
    };

    [Fact]
    public void Create_WithoutADecision_FillsTheMeetingAndItemFromTheAgenda_AndLeavesGovernanceEmpty()
    {
        var sheet = LcoSheet();

        var v1 = Assert.Single(sheet.Versions);
        Assert.Null(sheet.ContractDecisionId);
        Assert.Equal((8, 80), (sheet.MeetingId, sheet.AgendaItemId));
        Assert.Equal(("Strategic Commissioning Board", Days.On(2020, 10, 5), "17"), (v1.MeetingTitle, v1.MeetingDate, v1.ItemNumber));
        Assert.Equal("Form and Function of the Local Care Organisation", v1.Title);
        Assert.Equal(GovernanceAction.Consider, v1.Action);
        Assert.Empty(v1.Governance);
    }

    [Fact]
    public void Create_WithoutADecision_IsRefusedForAnItemAboutADecision_OrNotOnTheMeeting()
    {
        var decision = Gov.PersonaRoute();
        var (meeting, decisionItem) = Gov.PersonaScbMeeting(decision);
        var (_, lcoItem) = Gov.LcoScbMeeting();

        Assert.Throws<ArgumentException>(() => CoverSheet.Create(meeting, decisionItem));
        Assert.Throws<ArgumentException>(() => CoverSheet.Create(meeting, lcoItem));
    }

    [Fact]
    public void SetGovernanceRows_OnTheDraft_PutsTheMostRecentFirst_AndTrimsTheNames()
    {
        var sheet = LcoSheet();

        var v = sheet.SetGovernanceRows([Ccmt with { Meeting = "  " + Ccmt.Meeting + " " }, LcoBoard]);

        Assert.Equal(1, v.Number);
        Assert.Equal([LcoBoard, Ccmt], sheet.Current.Governance);
    }

    [Fact]
    public void SetGovernanceRows_AfterAnIssue_StartsTheNextVersion_AndTheIssuedOneKeepsItsRows()
    {
        var sheet = LcoSheet(Complete());
        sheet.SetGovernanceRows([Ccmt]);
        sheet.Issue(null, Secretary, At, Before);

        var v2 = sheet.SetGovernanceRows([LcoBoard, Ccmt]);

        Assert.Equal(2, v2.Number);
        Assert.False(v2.IsIssued);
        Assert.Equal([LcoBoard, Ccmt], v2.Governance);
        Assert.Equal([Ccmt], sheet.GetVersion(1).Governance);
        Assert.Equal(Complete().ExecutiveSummary, v2.ExecutiveSummary);
    }

    [Fact]
    public void SetGovernanceRows_WithTheSameRowsAfterAnIssue_StartsNoVersion()
    {
        var sheet = LcoSheet(Complete());
        sheet.SetGovernanceRows([Ccmt]);
        sheet.Issue(null, Secretary, At, Before);

        var same = sheet.SetGovernanceRows([Ccmt]);

        Assert.Equal(1, same.Number);
        Assert.Single(sheet.Versions);
    }

    [Fact]
    public void SetGovernanceRows_IsRefusedOnADecisionsSheet_AndForARowThatCannotBePrinted()
    {
        var decision = Gov.PersonaRoute();
        var (meeting, item) = Gov.PersonaScbMeeting(decision);
        var persona = CoverSheet.Create(meeting, item, decision);
        var lco = LcoSheet();

        Assert.Throws<InvalidOperationException>(() => persona.SetGovernanceRows([Ccmt]));
        Assert.Throws<ArgumentException>(() => lco.SetGovernanceRows([Ccmt with { Meeting = " " }]));
        Assert.Throws<ArgumentException>(() => lco.SetGovernanceRows([Ccmt with { Meeting = new string('x', GovernanceRow.MeetingMaxLength + 1) }]));
        lco.SetGovernanceRows([Ccmt with { Meeting = new string('x', GovernanceRow.MeetingMaxLength) }]);
        Assert.Throws<ArgumentOutOfRangeException>(() => lco.SetGovernanceRows([Ccmt with { Outcome = (StepOutcome)99 }]));
        Assert.Throws<ArgumentException>(() => lco.SetGovernanceRows(Enumerable.Repeat(Ccmt, GovernanceRow.MaxRows + 1).ToList()));
        lco.SetGovernanceRows(Enumerable.Repeat(Ccmt, GovernanceRow.MaxRows).ToList());
        Assert.Equal(GovernanceRow.MaxRows, lco.Current.Governance.Count);
    }

    [Fact]
    public void Issue_WithoutADecision_FreezesAsUsual_ButADecisionsSheetNeedsItsDecision()
    {
        var sheet = LcoSheet(Complete());
        var issued = sheet.Issue(null, Secretary, At, Before);
        Assert.True(issued.IsIssued);
        Assert.False(issued.RecordedFromPaper);

        var decision = Gov.PersonaRoute();
        var (meeting, item) = Gov.PersonaScbMeeting(decision);
        var persona = CoverSheet.Create(meeting, item, decision, Gov.CompletePersonaSheet());
        Assert.Throws<ArgumentNullException>(() => persona.Issue(null, Secretary, At, Days.On(2021, 2, 22)));
    }

    [Fact]
    public void ThePaperAsPublished_CannotBeIssuedThroughTheRegister_ButCanBeRecordedAsIssued()
    {
        var sheet = LcoSheet(Gov.LcoSheet());

        // The published sheet leaves the Assurance Framework question and most Implications unanswered.
        var refused = Assert.Throws<BusinessRuleException>(() => sheet.Issue(null, Secretary, At, Before));
        Assert.Contains(CoverSheetLabels.AssuranceFrameworkQuestion, refused.Message);
        Assert.False(sheet.HasBeenIssued);

        var recorded = sheet.RecordAsIssued(null, Secretary, At);

        Assert.True(recorded.IsIssued);
        Assert.True(recorded.RecordedFromPaper);
        Assert.Null(recorded.AddressesAssuranceFrameworkRisk);
        Assert.Equal(At, recorded.IssuedAtUtc);
        Assert.Throws<BusinessRuleException>(() => sheet.RecordAsIssued(null, Secretary, At));

        // Its next version goes through the register's checks again.
        var v2 = sheet.Edit(sheet.Current.Content with { AdditionalDetails = "Corrected." });
        Assert.False(v2.RecordedFromPaper);
        Assert.Throws<BusinessRuleException>(() => sheet.Issue(null, Secretary, At, Before));
    }
}
