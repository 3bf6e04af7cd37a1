using Commissioning.Domain.Governance;
using Commissioning.Domain.Tests.TestData;

namespace Commissioning.Domain.Tests.Governance;

public class CoverSheetValidationTests
{
    private static readonly DateOnly MeetingDate = Days.On(2021, 3, 1);
    private static readonly DateOnly Before = Days.On(2021, 2, 22);

    [Fact]
    public void AnEmptySheet_ListsEveryMissingItem_InTheOrderOfTheSheet()
    {
        var problems = new CoverSheetContent().Problems(MeetingDate, Days.On(2021, 3, 2), isNew: true);

        string[] expected =
        [
            "The meeting date must be today or later for a new cover sheet: this meeting was on 1 March 2021.",
            "Choose the action asked of the meeting: approve, receive, note, consider, recommend or decide.",
            "Enter the title.",
            "Enter who presents the paper (Presented By).",
            "Enter the author.",
            "Write the executive summary.",
            "Add at least one recommendation.",
            "Answer 'Does this report seek to address any of the risks included on the Governing Body / Council Assurance Framework?'",
            "Answer 'Are there any quality, safeguarding or patient experience implications?'",
            "Answer 'Has any engagement (clinical, stakeholder or public/patient) been undertaken in relation to this report?'",
            "Answer 'Have any departments/organisations who will be affected been consulted?'",
            "Answer 'Are there any conflicts of interest arising from the proposal or decision being requested?'",
            "Answer 'Are there any financial implications?'",
            "Answer 'Are there any legal implications?'",
            "Answer 'Are there any health and safety issues?'",
            "Answer 'How do proposals align with Health & Wellbeing Strategy?'",
            "Answer 'How do proposals align with Locality Plan?'",
            "Answer 'How do proposals align with the Commissioning Strategy?'",
            "Answer 'Are there any Public, Patient and Service User Implications?'",
            "Answer 'How do the proposals help to reduce health inequalities?'",
            "Answer 'Is there any scrutiny interest?'",
            "Answer 'What are the Information Governance/ Access to Information implications?'",
            "Answer 'Is an Equality, Privacy or Quality Impact Assessment required?'",
            "Answer 'If yes, has an Equality, Privacy or Quality Impact Assessment been completed?'",
            "Answer 'Are there any associated risks including Conflicts of Interest?'",
            "Answer 'Are the risks on the CCG /Council/ Strategic Commissioning Board's Risk Register?'",
        ];
        Assert.Equal(expected, problems);
    }

    [Fact]
    public void ThePersonaSheetAsPublished_LacksOnlyTheAssuranceFrameworkRisk()
    {
        Assert.Equal(["State which Assurance Framework risk the report addresses."], Gov.PersonaSheet().Problems(MeetingDate, Before, isNew: true));
        Assert.Empty(Gov.CompletePersonaSheet().Problems(MeetingDate, Before, isNew: true));
    }

    [Fact]
    public void TheLocalCareOrganisationSheetAsPublished_WouldBeRefusedForEachUnansweredQuestion()
    {
        // 001: Consider, item 17, 05 October 2020. Only "Is there any scrutiny interest?" has one box
        // ticked ("Public, Patient and Service User Implications" has all three, which is no answer),
        // the free-text questions are blank and the Assurance Framework says "Choose an item.".
        var lco = new CoverSheetContent
        {
            Action = GovernanceAction.Consider,
            Title = "Form and Function of the Local Care Organisation",
            PresentedBy = "Will Blandamer, Executive Director of Strategic Commissioning",
            Author = "Will Blandamer, Executive Director of Strategic Commissioning",
            ExecutiveSummary = "The purpose of this paper is to consider the organisational form for the Local Care Organisation (LCO) in Bury.",
            Recommendations =
            [
                "is invited to receive the paper and comment on the rationale and description of the lead provider role for the LCO",
                "is invited to note the next steps being taken and to provide comment.",
            ],
            Answers = [ImplicationAnswer.Tick(ImplicationQuestions.ScrutinyInterest, YesNoNa.Yes)],
        };

        var problems = lco.Problems(Days.On(2020, 10, 5), Days.On(2020, 9, 28), isNew: true);

        Assert.Equal(18, problems.Count);
        Assert.Equal("Answer 'Does this report seek to address any of the risks included on the Governing Body / Council Assurance Framework?'", problems[0]);
        Assert.All(problems.Skip(1), p => Assert.StartsWith("Answer '", p));
        Assert.DoesNotContain("Answer 'Is there any scrutiny interest?'", problems);
        Assert.Contains("Answer 'Are there any Public, Patient and Service User Implications?'", problems);
        Assert.Contains("Answer 'How do proposals align with Locality Plan?'", problems);
    }

    [Theory]
    [InlineData(2021, 3, 1, true, false)]  // the meeting is today
    [InlineData(2021, 3, 2, true, true)]   // the meeting has passed: refused for a new sheet
    [InlineData(2021, 3, 2, false, false)] // but fine for a revision of an issued sheet
    public void TheMeetingDate_MustBeTodayOrLater_ForANewSheet(int y, int m, int d, bool isNew, bool refused)
    {
        var problems = Gov.CompletePersonaSheet().Problems(MeetingDate, Days.On(y, m, d), isNew);

        Assert.Equal(refused, problems.Contains("The meeting date must be today or later for a new cover sheet: this meeting was on 1 March 2021."));
        Assert.Equal(refused ? 1 : 0, problems.Count);
    }

    [Fact]
    public void BlankRecommendations_DoNotCount()
    {
        var problems = Gov.CompletePersonaSheet() with { Recommendations = ["", "   "] };

        Assert.Equal(["Add at least one recommendation."], problems.Problems(MeetingDate, Before, isNew: true));
    }

    [Fact]
    public void AnAssessmentNotCompleted_NeedsTheReason()
    {
        var notDone = Gov.CompletePersonaSheet() with { Answers = With(ImplicationAnswer.Tick(ImplicationQuestions.ImpactAssessmentCompleted, YesNoNa.No)) };

        Assert.Equal(["Give the reason for not completing the Equality, Privacy or Quality Impact Assessment."], notDone.Problems(MeetingDate, Before, isNew: true));

        var explained = notDone with
        {
            Answers = [.. notDone.Answers, ImplicationAnswer.Write(ImplicationQuestions.ImpactAssessmentNotCompletedReason, "Screening found no differential impact.")],
        };
        Assert.Empty(explained.Problems(MeetingDate, Before, isNew: true));
    }

    [Fact]
    public void ARequiredAssessment_CannotBeMarkedNotApplicable()
    {
        var sheet = Gov.CompletePersonaSheet() with { Answers = With(ImplicationAnswer.Tick(ImplicationQuestions.ImpactAssessmentCompleted, YesNoNa.NotApplicable)) };

        Assert.Equal(["An Equality, Privacy or Quality Impact Assessment is required, so say whether it has been completed: Yes or No, not N/A."],
            sheet.Problems(MeetingDate, Before, isNew: true));
    }

    [Fact]
    public void AConfidentialPaper_SaysWhy()
    {
        var sheet = Gov.CompletePersonaSheet() with { IsConfidential = true };

        Assert.Equal(["Say why the paper is confidential (the Freedom of Information exemption)."], sheet.Problems(MeetingDate, Before, isNew: true));
        Assert.Empty((sheet with { ConfidentialReason = "Commercial interests (section 43)" }).Problems(MeetingDate, Before, isNew: true));
    }

    [Fact]
    public void ABlankFreeTextAnswer_IsUnanswered()
    {
        var sheet = Gov.CompletePersonaSheet() with { Answers = With(ImplicationAnswer.Write(ImplicationQuestions.LocalityPlan, "  ")) };

        Assert.Equal(["Answer 'How do proposals align with Locality Plan?'"], sheet.Problems(MeetingDate, Before, isNew: true));
    }

    [Fact]
    public void TheAggregate_ChecksTheDraftAsNewUntilItIsFirstIssued()
    {
        var decision = Gov.PersonaRoute();
        var (meeting, item) = Gov.PersonaScbMeeting(decision);
        var sheet = CoverSheet.Create(meeting, item, decision, Gov.CompletePersonaSheet());

        Assert.Empty(sheet.Problems(Before));
        Assert.Equal(["The meeting date must be today or later for a new cover sheet: this meeting was on 1 March 2021."], sheet.Problems(Days.On(2021, 3, 2)));
        Assert.Equal(sheet.Problems(Days.On(2021, 3, 2)), sheet.Current.Validate(Days.On(2021, 3, 2), isNew: true));
    }

    private static IReadOnlyList<ImplicationAnswer> With(ImplicationAnswer replacement) =>
        Gov.PersonaAnswers().Where(a => a.QuestionKey != replacement.QuestionKey).Append(replacement).ToList();
}
