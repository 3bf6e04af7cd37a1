using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Lifecycle;
using Commissioning.Domain.Tests.TestData;
using static Commissioning.Domain.Tests.TestData.Days;

namespace Commissioning.Domain.Tests.Lifecycle;

public class NegotiatedContinuationTests
{
    private static readonly SingleSourceJustification KentSsj = new(
        "Align homecare with the Phase 3 Transformation Programme and full NHS integration by 2020; avoid moving service users twice.",
        "Likely to be operating outside the procurement regulations: continuation could be challenged, set aside or shortened and compensation paid.",
        "Graham Gibbens, Cabinet Member for Adult Social Care",
        On(2017, 6, 20));

    private static EventRecord KentDecision(string? decision = "17/00030b") =>
        Life.Record(On(2017, 6, 20), "Continue homecare to a single end date aligned with the transformation programme", decision);

    [Fact]
    public void Approved_Kent_ContinuesTheContractTo31May2019()
    {
        var kent = Life.KentHomecare();

        var c = NegotiatedContinuation.Approved(kent, On(2019, 5, 31), KentSsj, KentDecision());

        Assert.Equal(ContractEventKind.NegotiatedContinuation, c.Kind);
        Assert.Equal(ContinuationStatus.Approved, c.Status);
        Assert.Equal(On(2018, 5, 31), c.EndDateBefore);
        Assert.Equal(On(2019, 5, 31), c.NewEndDate);
        Assert.Equal("17/00030b", c.AuthorisingDecision);
        Assert.Equal(KentSsj, c.Justification);
        Assert.Equal(On(2019, 5, 31), kent.CurrentEndDate);
        Assert.Equal(On(2019, 5, 31), kent.MaximumEndDate);
        Assert.Equal(Money.Pounds(33_632_993.52m), kent.AnnualValue);
        Assert.Equal(ContractStatus.Active, kent.StatusOn(On(2019, 1, 1), null));
    }

    [Fact]
    public void Draft_WithoutAJustification_ChangesNothing_AndCannotBeApproved()
    {
        var kent = Life.KentHomecare();
        var draft = NegotiatedContinuation.Draft(kent, On(2019, 5, 31), KentDecision());

        var ex = Assert.Throws<BusinessRuleException>(() => draft.Approve(kent));

        Assert.Equal("A negotiated continuation outside competition needs a single source justification before it can be approved.", ex.Message);
        Assert.Equal(ContinuationStatus.Draft, draft.Status);
        Assert.Equal(On(2018, 5, 31), kent.CurrentEndDate);
    }

    [Fact]
    public void Approved_WithoutAJustification_IsRefused()
    {
        var kent = Life.KentHomecare();

        var ex = Assert.Throws<BusinessRuleException>(() => NegotiatedContinuation.Approved(kent, On(2019, 5, 31), null!, KentDecision()));

        Assert.IsType<ContinuationNeedsASingleSourceJustificationRule>(ex.Rule);
        Assert.Equal(On(2018, 5, 31), kent.CurrentEndDate);
    }

    [Fact]
    public void Approve_AnIncompleteJustification_SaysWhatIsMissing()
    {
        var kent = Life.KentHomecare();
        var draft = NegotiatedContinuation.Draft(kent, On(2019, 5, 31), KentDecision(), KentSsj with { LegalRisk = " ", ApprovedBy = "" });

        var ex = Assert.Throws<BusinessRuleException>(() => draft.Approve(kent));

        Assert.Equal("The single source justification is incomplete: give the legal risk and who approved it.", ex.Message);
    }

    [Fact]
    public void Approve_AfterJustifying_MovesTheEnd_AndTakesTheDecisionIfTheDraftHadNone()
    {
        var kent = Life.KentHomecare();
        var draft = NegotiatedContinuation.Draft(kent, On(2019, 5, 31), KentDecision(decision: null));
        draft.Justify(KentSsj);

        var end = draft.Approve(kent, "17/00030b");

        Assert.Equal(On(2019, 5, 31), end);
        Assert.Equal("17/00030b", draft.AuthorisingDecision);
        Assert.Equal(On(2019, 5, 31), kent.CurrentEndDate);
    }

    [Fact]
    public void Approve_WithNoAuthorisingDecision_IsRefused()
    {
        var kent = Life.KentHomecare();
        var draft = NegotiatedContinuation.Draft(kent, On(2019, 5, 31), KentDecision(decision: null), KentSsj);

        var ex = Assert.Throws<BusinessRuleException>(() => draft.Approve(kent));

        Assert.IsType<EventNeedsAnAuthorisingDecisionRule>(ex.Rule);
        Assert.Equal(On(2018, 5, 31), kent.CurrentEndDate);
    }

    [Fact]
    public void Approve_Twice_IsRefused()
    {
        var kent = Life.KentHomecare();
        var c = NegotiatedContinuation.Approved(kent, On(2019, 5, 31), KentSsj, KentDecision());

        var ex = Assert.Throws<BusinessRuleException>(() => c.Approve(kent));

        Assert.Equal("This continuation has already been approved.", ex.Message);
        Assert.Throws<BusinessRuleException>(() => c.Justify(KentSsj));
    }

    [Theory]
    [InlineData(2018, 5, 31)]
    [InlineData(2018, 1, 31)]
    public void Draft_ToAnEndNotAfterTheCurrentEnd_IsRefused(int y, int m, int d)
    {
        var ex = Assert.Throws<BusinessRuleException>(() => NegotiatedContinuation.Draft(Life.KentHomecare(), On(y, m, d), KentDecision()));

        Assert.StartsWith("A continuation must run past the current end date of 31 May 2018", ex.Message);
    }

    [Fact]
    public void Approve_ForAnotherContract_IsRefused()
    {
        var kent = Life.KentHomecare().WithId(1);
        var other = Life.KentHomecare().WithId(2);
        var draft = NegotiatedContinuation.Draft(kent, On(2019, 5, 31), KentDecision(), KentSsj);

        Assert.Throws<BusinessRuleException>(() => draft.Approve(other));
        Assert.Equal(On(2018, 5, 31), other.CurrentEndDate);
    }

    [Fact]
    public void Approve_WhenTheEndHasMovedPastItSinceTheDraft_IsRefused()
    {
        var kent = Life.KentHomecare(optionsExercised: false);
        var draft = NegotiatedContinuation.Draft(kent, On(2017, 3, 31), KentDecision(), KentSsj);
        kent.ExerciseNextOption(); // now ends 31 May 2017

        Assert.Throws<BusinessRuleException>(() => draft.Approve(kent));
    }

    [Fact]
    public void Draft_WithoutAReason_IsRefused()
    {
        var ex = Assert.Throws<BusinessRuleException>(() =>
            NegotiatedContinuation.Draft(Life.KentHomecare(), On(2019, 5, 31), Life.Record(On(2017, 6, 20), reason: "")));

        Assert.Equal("A continuation needs a reason.", ex.Message);
    }

    [Fact]
    public void DraftToComplete_IsOnlyAnOpenDraftOfTheSameContract()
    {
        var kent = Life.KentHomecare().WithId(1);
        var other = Life.KentHomecare().WithId(2);
        var draft = NegotiatedContinuation.Draft(kent, On(2019, 5, 31), KentDecision(), KentSsj);
        var approved = NegotiatedContinuation.Approved(Life.KentHomecare().WithId(1), On(2019, 5, 31), KentSsj, KentDecision());
        const string Gone = "This draft continuation has already been approved or is not one of this contract's drafts.";

        Assert.Same(draft, NegotiatedContinuation.DraftToComplete(kent, draft));
        foreach (var (contract, found) in new[] { (kent, (NegotiatedContinuation?)null), (kent, approved), (other, draft) })
        {
            var ex = Assert.Throws<BusinessRuleException>(() => NegotiatedContinuation.DraftToComplete(contract, found));
            Assert.IsType<ContinuationDraftMustStillBeOpenRule>(ex.Rule);
            Assert.Equal(Gone, ex.Message);
        }
    }
}
