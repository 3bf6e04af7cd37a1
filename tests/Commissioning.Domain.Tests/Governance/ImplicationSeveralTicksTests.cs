using Commissioning.Domain.Common;
using Commissioning.Domain.Governance;
using Commissioning.Domain.Tests.TestData;

namespace Commissioning.Domain.Tests.Governance;

/// <summary>An Implications question answered, as the LCO paper has it, with several boxes ticked.</summary>
public class ImplicationSeveralTicksTests
{
    private const string Pps = ImplicationQuestions.PublicPatientServiceUser;
    private static readonly Actor Secretary = new("u7", "Daniel Hughes");

    private static ImplicationAnswer AllThree() => ImplicationAnswer.TickAsThePaperHasIt(Pps, YesNoNa.NotApplicable, YesNoNa.Yes, YesNoNa.No, YesNoNa.Yes);

    private static CoverSheetContent CompleteWith(ImplicationAnswer answer) => Gov.CompletePersonaSheet() with
    {
        Action = GovernanceAction.Consider,
        Answers = Gov.PersonaAnswers().Where(a => a.QuestionKey != answer.QuestionKey).Append(answer).ToList(),
    };

    private static CoverSheet LcoSheet(CoverSheetContent content)
    {
        var (meeting, item) = Gov.LcoScbMeeting();
        return CoverSheet.Create(meeting, item, content);
    }

    [Fact]
    public void SeveralBoxes_AreKeptInYesNoNaOrder_OnceEach_WithNoSingleChoice()
    {
        var answer = AllThree();

        Assert.Null(answer.Choice);
        Assert.Equal([YesNoNa.Yes, YesNoNa.No, YesNoNa.NotApplicable], answer.Ticked);
        Assert.True(answer.IsSeveralTicked);
        Assert.All(Enum.GetValues<YesNoNa>(), box => Assert.True(answer.IsTicked(box)));
        Assert.Equal("Yes, No and N/A", answer.TickedText);
        Assert.Equal("Yes, No and N/A are all ticked, as the paper has it", answer.SeveralTickedNote);
        Assert.Equal("Yes and N/A are both ticked, as the paper has it",
            ImplicationAnswer.TickAsThePaperHasIt(Pps, YesNoNa.Yes, YesNoNa.NotApplicable).SeveralTickedNote);
    }

    [Fact]
    public void OneBox_IsAnOrdinaryTick()
    {
        var one = ImplicationAnswer.TickAsThePaperHasIt(Pps, YesNoNa.Yes, YesNoNa.Yes);

        Assert.Equal(ImplicationAnswer.Tick(Pps, YesNoNa.Yes), one);
        Assert.False(one.IsSeveralTicked);
        Assert.Null(one.SeveralTickedNote);
        Assert.Equal("Yes", one.TickedText);
        Assert.Throws<ArgumentException>(() => ImplicationAnswer.TickAsThePaperHasIt(Pps));
    }

    [Fact]
    public void Answers_CompareTheirTicksByValue()
    {
        Assert.Equal(AllThree(), AllThree());
        Assert.Equal(AllThree().GetHashCode(), AllThree().GetHashCode());
        Assert.NotEqual(AllThree(), ImplicationAnswer.TickAsThePaperHasIt(Pps, YesNoNa.Yes, YesNoNa.No));
    }

    [Fact]
    public void SeveralTicks_CountAsAnswered_SoTheSheetCanBeIssued()
    {
        var content = CompleteWith(AllThree());
        Assert.Empty(content.FieldProblems(Days.On(2020, 10, 5), Days.On(2020, 9, 28), isNew: true));

        var sheet = LcoSheet(content);
        var v1 = sheet.Issue(null, Secretary, new DateTime(2020, 9, 28, 9, 0, 0, DateTimeKind.Utc), Days.On(2020, 9, 28));

        Assert.Equal(AllThree(), v1.Answer(Pps));
        Assert.Equal([(ImplicationQuestions.Get(Pps), AllThree())], v1.Content.SeveralTicked);
    }

    [Fact]
    public void ASaveThatLeavesTheQuestionUnanswered_KeepsTheTicks()
    {
        var sheet = LcoSheet(Gov.LcoSheet());
        // What a one-box form posts back: every other answer, nothing for the question it cannot show.
        var formContent = sheet.Current.Content with { Answers = sheet.Current.Answers.Where(a => !a.IsSeveralTicked).ToList(), AdditionalDetails = "Typed." };

        sheet.Edit(formContent);

        Assert.Equal(AllThree(), sheet.Current.Answer(Pps));
        Assert.Equal("Typed.", sheet.Current.AdditionalDetails);
        Assert.Equal(ImplicationQuestions.All.Select(q => q.Key).Where(k => k is Pps or ImplicationQuestions.ScrutinyInterest),
            sheet.Current.Answers.Select(a => a.QuestionKey));
    }

    [Fact]
    public void ASaveAfterTheIssue_KeepsTheTicksInTheNextVersionToo()
    {
        var sheet = LcoSheet(Gov.LcoSheet());
        sheet.RecordAsIssued(null, Secretary, new DateTime(2020, 9, 28, 9, 0, 0, DateTimeKind.Utc));

        var v2 = sheet.Edit(new CoverSheetContent { Title = "Form and Function of the LCO", Action = GovernanceAction.Consider });

        Assert.Equal(2, v2.Number);
        Assert.Equal(AllThree(), v2.Answer(Pps));
    }

    [Fact]
    public void ChoosingOneBox_ReplacesTheTicks()
    {
        var sheet = LcoSheet(Gov.LcoSheet());

        sheet.Edit(sheet.Current.Content with
        {
            Answers = sheet.Current.Answers.Where(a => a.QuestionKey != Pps).Append(ImplicationAnswer.Tick(Pps, YesNoNa.Yes)).ToList(),
        });

        Assert.Equal(ImplicationAnswer.Tick(Pps, YesNoNa.Yes), sheet.Current.Answer(Pps));
        Assert.Empty(sheet.Current.Content.SeveralTicked);
    }

    [Fact]
    public void TicksOnAWrittenQuestion_OrWithAChoiceAsWell_OrAnUnknownBox_AreRefused()
    {
        var written = ImplicationAnswer.TickAsThePaperHasIt(ImplicationQuestions.LocalityPlan, YesNoNa.Yes, YesNoNa.No);
        var both = AllThree() with { Choice = YesNoNa.Yes };
        var unknown = new ImplicationAnswer(Pps, null, null) { Ticks = [YesNoNa.Yes, (YesNoNa)9] };

        foreach (var bad in new[] { written, both, unknown })
            Assert.ThrowsAny<ArgumentException>(() => LcoSheet(new CoverSheetContent { Answers = [bad] }));
    }

    [Fact]
    public void TicksOfOneBox_AreStoredAsThatChoice()
    {
        var sheet = LcoSheet(new CoverSheetContent { Answers = [new ImplicationAnswer(Pps, null, null) { Ticks = [YesNoNa.No] }] });

        Assert.Equal(ImplicationAnswer.Tick(Pps, YesNoNa.No), sheet.Current.Answer(Pps));
    }
}
