using Commissioning.Domain.Governance;
using Commissioning.Domain.Tests.TestData;

namespace Commissioning.Domain.Tests.Governance;

/// <summary>Each missing item names the field it belongs to, so a form can show it there.</summary>
public class CoverSheetFieldProblemsTests
{
    [Fact]
    public void AnEmptySheet_NamesEachFieldOrQuestion_InTheSameOrderAsTheMessages()
    {
        var content = new CoverSheetContent();
        var fields = content.FieldProblems(Days.On(2021, 3, 1), Days.On(2021, 3, 2), isNew: true);

        Assert.Equal(content.Problems(Days.On(2021, 3, 1), Days.On(2021, 3, 2), isNew: true), fields.Select(f => f.Message));
        string[] expectedStart =
        [
            CoverSheetField.MeetingDate, CoverSheetField.Action, CoverSheetField.Title, CoverSheetField.PresentedBy,
            CoverSheetField.Author, CoverSheetField.ExecutiveSummary, CoverSheetField.Recommendations,
            CoverSheetField.AddressesAssuranceFrameworkRisk, ImplicationQuestions.QualitySafeguarding,
        ];
        Assert.Equal(expectedStart, fields.Take(expectedStart.Length).Select(f => f.Field));
        Assert.Equal(ImplicationQuestions.All.Count(q => q.AlwaysRequired), fields.Count(f => ImplicationQuestions.Exists(f.Field)));
    }

    [Fact]
    public void TheFollowUpQuestions_AreNamedWhenTheirAnswerIsMissing()
    {
        var answers = Gov.PersonaAnswers()
            .Where(a => a.QuestionKey != ImplicationQuestions.ImpactAssessmentCompleted)
            .Append(ImplicationAnswer.Tick(ImplicationQuestions.ImpactAssessmentCompleted, YesNoNa.No))
            .ToList();
        var sheet = Gov.CompletePersonaSheet() with { Answers = answers, IsConfidential = true };

        var fields = sheet.FieldProblems(Days.On(2021, 3, 1), Days.On(2021, 2, 22), isNew: true).Select(f => f.Field);

        Assert.Equal([CoverSheetField.ConfidentialReason, ImplicationQuestions.ImpactAssessmentNotCompletedReason], fields);
    }
}
