using Commissioning.Domain.Governance;
using Commissioning.Domain.Tests.TestData;

namespace Commissioning.Domain.Tests.Governance;

/// <summary>The task list's five sections: where each problem belongs and each section's status.</summary>
public class CoverSheetSectionsTests
{
    private static readonly DateOnly MeetingDay = Days.On(2021, 3, 1);
    private static readonly DateOnly Before = Days.On(2021, 2, 22);

    private static IReadOnlyList<CoverSheetSectionState> Sections(CoverSheetContent content, DateOnly? today = null) =>
        CoverSheetSections.Of(content, content.FieldProblems(MeetingDay, today ?? Before, isNew: true));

    [Theory]
    [InlineData(CoverSheetField.MeetingDate, CoverSheetSection.AboutTheItem)]
    [InlineData(CoverSheetField.Action, CoverSheetSection.AboutTheItem)]
    [InlineData(CoverSheetField.ConfidentialReason, CoverSheetSection.AboutTheItem)]
    [InlineData(CoverSheetField.Title, CoverSheetSection.AboutTheItem)]
    [InlineData(CoverSheetField.PresentedBy, CoverSheetSection.AboutTheItem)]
    [InlineData(CoverSheetField.Author, CoverSheetSection.AboutTheItem)]
    [InlineData(CoverSheetField.ExecutiveSummary, CoverSheetSection.SummaryAndRecommendations)]
    [InlineData(CoverSheetField.Recommendations, CoverSheetSection.SummaryAndRecommendations)]
    [InlineData(CoverSheetField.StrategicObjectives, CoverSheetSection.LinksAndAssurance)]
    [InlineData(CoverSheetField.AddressesAssuranceFrameworkRisk, CoverSheetSection.LinksAndAssurance)]
    [InlineData(CoverSheetField.AssuranceFrameworkRisk, CoverSheetSection.LinksAndAssurance)]
    [InlineData(ImplicationQuestions.PublicPatientServiceUser, CoverSheetSection.Implications)]
    [InlineData(ImplicationQuestions.ImpactAssessmentNotCompletedReason, CoverSheetSection.Implications)]
    [InlineData(CoverSheetField.AdditionalDetails, CoverSheetSection.Implications)]
    [InlineData(CoverSheetField.GovernanceRows, CoverSheetSection.Governance)]
    public void EachFieldBelongsToOneSection(string field, CoverSheetSection section) =>
        Assert.Equal(section, CoverSheetSections.SectionOf(field));

    [Fact]
    public void EveryProblemOfAnEmptySheet_HasASection_AndAnUnknownFieldIsRefused()
    {
        var problems = new CoverSheetContent().FieldProblems(MeetingDay, Days.On(2021, 3, 2), isNew: true);

        Assert.All(problems, p => CoverSheetSections.SectionOf(p));
        Assert.Throws<ArgumentException>(() => CoverSheetSections.SectionOf("no-such-field"));
    }

    [Fact]
    public void AnEmptySheet_IsNotYetStartedWhereSomethingIsRequired_AndGovernanceIsCompleted()
    {
        var sections = Sections(new CoverSheetContent());

        Assert.Equal(CoverSheetSections.All, sections.Select(s => s.Section));
        Assert.Equal(
            [CoverSheetSectionStatus.NotYetStarted, CoverSheetSectionStatus.NotYetStarted, CoverSheetSectionStatus.NotYetStarted,
             CoverSheetSectionStatus.NotYetStarted, CoverSheetSectionStatus.Completed],
            sections.Select(s => s.Status));
        Assert.Equal(["About the item", "Summary and recommendations", "Links and assurance", "Implications", "Governance"], sections.Select(s => s.Name));
    }

    [Fact]
    public void ASectionWithSomethingEnteredButSomethingMissing_IsIncomplete()
    {
        var sections = Sections(new CoverSheetContent { Title = "Form and Function of the Local Care Organisation", ExecutiveSummary = "The purpose of this paper." });

        Assert.Equal(CoverSheetSectionStatus.Incomplete, sections[0].Status);
        Assert.Equal(CoverSheetSectionStatus.Incomplete, sections[1].Status);
        Assert.Equal([CoverSheetField.Recommendations], sections[1].Problems.Select(p => p.Field));
    }

    [Fact]
    public void ACompleteSheet_IsCompletedThroughout_AndNoStrategicObjectiveChosenIsNotAProblem()
    {
        var content = Gov.CompletePersonaSheet();
        Assert.Empty(content.StrategicObjectives);

        Assert.All(Sections(content), s => Assert.Equal(CoverSheetSectionStatus.Completed, s.Status));
    }

    [Fact]
    public void TheAssuranceFrameworkQuestionUnanswered_LeavesLinksAndAssuranceNotYetStarted_AndAnsweringItCompletesIt()
    {
        var unanswered = Gov.CompletePersonaSheet() with { AddressesAssuranceFrameworkRisk = null, AssuranceFrameworkRisk = null };
        Assert.Equal(CoverSheetSectionStatus.NotYetStarted, Sections(unanswered)[2].Status);

        var yesButWhich = unanswered with { AddressesAssuranceFrameworkRisk = true };
        Assert.Equal(CoverSheetSectionStatus.Incomplete, Sections(yesButWhich)[2].Status);

        var no = unanswered with { AddressesAssuranceFrameworkRisk = false };
        Assert.Equal(CoverSheetSectionStatus.Completed, Sections(no)[2].Status);
    }

    [Fact]
    public void OneImplicationsQuestionMissing_LeavesImplicationsIncomplete_OnlyThat()
    {
        var content = Gov.CompletePersonaSheet() with
        {
            Answers = Gov.PersonaAnswers().Where(a => a.QuestionKey != ImplicationQuestions.Legal).ToList(),
        };

        var sections = Sections(content);

        Assert.Equal([CoverSheetSection.Implications], sections.Where(s => !s.IsCompleted).Select(s => s.Section));
        Assert.Equal(CoverSheetSectionStatus.Incomplete, sections[3].Status);
    }

    [Fact]
    public void APastMeetingOnANewSheet_IsAProblemAboutTheItem()
    {
        var sections = Sections(Gov.CompletePersonaSheet(), today: Days.On(2021, 3, 2));

        Assert.Equal([CoverSheetSection.AboutTheItem], sections.Where(s => !s.IsCompleted).Select(s => s.Section));
        Assert.Equal(CoverSheetField.MeetingDate, Assert.Single(sections[0].Problems).Field);
    }

    [Fact]
    public void Unfinished_ListsTheSheetsUnfinishedSections_AndNoneOnceIssued()
    {
        var decision = Gov.PersonaRoute();
        var (meeting, item) = Gov.PersonaScbMeeting(decision);
        var sheet = CoverSheet.Create(meeting, item, decision, Gov.CompletePersonaSheet() with { ExecutiveSummary = "" });

        Assert.Equal([CoverSheetSection.SummaryAndRecommendations], CoverSheetSections.Unfinished(sheet, Before).Select(s => s.Section));
        Assert.Equal(CoverSheetSectionStatus.Incomplete, CoverSheetSections.Status(sheet, CoverSheetSection.SummaryAndRecommendations, Before));

        sheet.Edit(Gov.CompletePersonaSheet());
        sheet.Issue(decision, new Commissioning.Domain.Common.Actor("u7", "Daniel Hughes"), new DateTime(2021, 2, 22, 10, 0, 0, DateTimeKind.Utc), Before);

        Assert.Empty(CoverSheetSections.Unfinished(sheet, Days.On(2021, 3, 5)));
    }
}
