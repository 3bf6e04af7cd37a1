using Commissioning.Domain.Governance;

namespace Commissioning.Domain.Tests.Governance;

/// <summary>
/// The catalogue against the question lines copied by hand from the two seed cover sheets.
/// Where a question runs over a page break in the source ("What are the Information
/// Governance/" | "Access to Information implications?"), the two halves are joined with one
/// space, as the other sheet prints them on one line; nothing else is changed.
/// </summary>
public class ImplicationQuestionsTests
{
    // 000_862bd22049069679.txt: Persona, Strategic Commissioning Board, 01 March 2021.
    private static readonly (string Text, AnswerKind Kind)[] PersonaSheet =
    [
        ("Are there any quality, safeguarding or patient experience implications?", AnswerKind.YesNoNa),
        ("Has any engagement (clinical, stakeholder or public/patient) been undertaken in relation to this report?", AnswerKind.YesNoNa),
        ("Have any departments/organisations who will be affected been consulted?", AnswerKind.YesNoNa),
        ("Are there any conflicts of interest arising from the proposal or decision being requested?", AnswerKind.YesNoNa),
        ("Are there any financial implications?", AnswerKind.YesNoNa),
        ("Are there any legal implications?", AnswerKind.YesNoNa),
        ("Are there any health and safety issues?", AnswerKind.YesNoNa),
        ("How do proposals align with Health & Wellbeing Strategy?", AnswerKind.FreeText),
        ("How do proposals align with Locality Plan?", AnswerKind.FreeText),
        ("How do proposals align with the Commissioning Strategy?", AnswerKind.FreeText),
        ("Are there any Public, Patient and Service User Implications?", AnswerKind.YesNoNa),
        ("How do the proposals help to reduce health inequalities?", AnswerKind.FreeText),
        ("Is there any scrutiny interest?", AnswerKind.YesNoNa),
        ("What are the Information Governance/ Access to Information implications?", AnswerKind.FreeText),
        ("Is an Equality, Privacy or Quality Impact Assessment required?", AnswerKind.YesNoNa),
        ("If yes, has an Equality, Privacy or Quality Impact Assessment been completed?", AnswerKind.YesNoNa),
        ("If yes, please give details below:", AnswerKind.FreeText),
        ("If no, please detail below the reason for not completing an Equality, Privacy or Quality Impact Assessment:", AnswerKind.FreeText),
        ("Are there any associated risks including Conflicts of Interest?", AnswerKind.YesNoNa),
        ("Are the risks on the CCG /Council/ Strategic Commissioning Board's Risk Register?", AnswerKind.YesNoNa),
    ];

    // 001_9c65c57af61ca547.txt: Local Care Organisation, Strategic Commissioning Board, 05 October 2020.
    private static readonly (string Text, AnswerKind Kind)[] LocalCareOrganisationSheet =
    [
        ("Are there any quality, safeguarding or patient experience implications?", AnswerKind.YesNoNa),
        ("Has any engagement (clinical, stakeholder or public/patient) been undertaken in relation to this report?", AnswerKind.YesNoNa),
        ("Have any departments/organisations who will be affected been consulted ?", AnswerKind.YesNoNa),
        ("Are there any conflicts of interest arising from the proposal or decision being requested?", AnswerKind.YesNoNa),
        ("Are there any financial implications?", AnswerKind.YesNoNa),
        ("Are there any legal implications?", AnswerKind.YesNoNa),
        ("Are there any health and safety issues?", AnswerKind.YesNoNa),
        ("How do proposals align with Health & Wellbeing Strategy?", AnswerKind.FreeText),
        ("How do proposals align with Locality Plan?", AnswerKind.FreeText),
        ("How do proposals align with the Commissioning Strategy?", AnswerKind.FreeText),
        ("Are there any Public, Patient and Service User Implications?", AnswerKind.YesNoNa),
        ("How do the proposals help to reduce health inequalities?", AnswerKind.FreeText),
        ("Is there any scrutiny interest?", AnswerKind.YesNoNa),
        ("What are the Information Governance/ Access to Information implications?", AnswerKind.FreeText),
        ("Has an Equality, Privacy or Quality Impact Assessment been completed?", AnswerKind.YesNoNa),
        ("Is an Equality, Privacy or Quality Impact Assessment required?", AnswerKind.YesNoNa),
        ("Are there any associated risks including Conflicts of Interest?", AnswerKind.YesNoNa),
        ("Are the risks on the CCG /Council/ Strategic Commissioning Board's Risk Register?", AnswerKind.YesNoNa),
    ];

    public static TheoryData<string, AnswerKind> EveryQuestionLine()
    {
        var data = new TheoryData<string, AnswerKind>();
        foreach (var (text, kind) in PersonaSheet.Concat(LocalCareOrganisationSheet).Distinct()) data.Add(text, kind);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryQuestionLine))]
    public void EveryQuestionOfBothSheets_IsInTheCatalogue_WordForWord_WithItsKindOfAnswer(string text, AnswerKind kind)
    {
        var question = Assert.Single(ImplicationQuestions.All, q => q.IsWordedAs(text));
        Assert.Equal(kind, question.Kind);
    }

    [Fact]
    public void TheCatalogue_IsThePersonaSheetInItsOrder_AndAsksNothingElse()
    {
        Assert.Equal(PersonaSheet.Select(q => q.Text), ImplicationQuestions.All.Select(q => q.Text));
        Assert.All(ImplicationQuestions.All.SelectMany(q => q.OtherWordings),
            wording => Assert.Contains(wording, LocalCareOrganisationSheet.Select(q => q.Text)));
    }

    [Fact]
    public void EveryQuestionOfTheOctoberSheet_IsAskedOnce()
    {
        var matched = LocalCareOrganisationSheet.Select(l => ImplicationQuestions.All.Single(q => q.IsWordedAs(l.Text)).Key).ToList();
        Assert.Equal(matched.Count, matched.Distinct().Count());
    }

    [Fact]
    public void Keys_AreUnique_AndLookUp()
    {
        Assert.Equal(ImplicationQuestions.All.Count, ImplicationQuestions.All.Select(q => q.Key).Distinct().Count());
        Assert.Equal("Are there any financial implications?", ImplicationQuestions.Get(ImplicationQuestions.Financial).Text);
        Assert.Throws<ArgumentException>(() => ImplicationQuestions.Get("nope"));
    }

    [Fact]
    public void OnlyTheTwoAssessmentFollowUps_AreConditional()
    {
        Assert.Equal([ImplicationQuestions.ImpactAssessmentDetails, ImplicationQuestions.ImpactAssessmentNotCompletedReason],
            ImplicationQuestions.All.Where(q => !q.AlwaysRequired).Select(q => q.Key));
    }

    [Fact]
    public void TheSheetsLabels_AreThoseOfTheSeedSheets()
    {
        // Hand-copied from the top of 000 and 001.
        Assert.Equal("Confidential / Freedom of Information Status", CoverSheetLabels.ConfidentialStatus);
        Assert.Equal("Links to Strategic Objectives/Corporate Plan", CoverSheetLabels.StrategicObjectives);
        Assert.Equal("Does this report seek to address any of the risks included on the Governing Body / Council Assurance Framework? If yes, state which risk below:",
            CoverSheetLabels.AssuranceFrameworkQuestion + " " + CoverSheetLabels.AssuranceFrameworkPrompt);
        Assert.Equal("It is recommended that the Strategic Commissioning Board:", CoverSheetLabels.RecommendationsLead);
        Assert.Equal("Add details of previous meetings/Committees this report has been discussed.", CoverSheetLabels.GovernanceHint);
    }

    [Theory]
    [InlineData(YesNoNa.Yes, "Yes")]
    [InlineData(YesNoNa.No, "No")]
    [InlineData(YesNoNa.NotApplicable, "N/A")]
    public void Answers_PrintAsTheSheetsBoxes(YesNoNa answer, string printed) => Assert.Equal(printed, answer.ToText());
}
