using Commissioning.Domain.Common;
using Commissioning.Domain.Finance;

namespace Commissioning.Domain.Tests.Finance;

public class AnnualValueReviewTests
{
    private static readonly DateRange Term = new(new DateOnly(2021, 8, 1), new DateOnly(2028, 7, 31));
    private static readonly Actor Commissioner = new("u1", "commissioner@demo.test");
    private static readonly Actor Finance = new("u2", "finance@demo.test");
    private static readonly DateTime At = new(2021, 7, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly YearPosition NoPosition = new(null, Money.Zero, Money.Zero);

    private static AnnualValueReview Propose(int year = 2021, decimal pounds = 707_361m) =>
        AnnualValueReview.Propose(7, Term, new FinancialYear(year), Money.Pounds(pounds), ReviewFactors.None, "why", NoPosition, Commissioner, At);

    [Fact]
    public void A_proposal_records_the_part_year_value_and_how_it_was_pro_rated()
    {
        var r = Propose();
        Assert.Equal(ReviewStatus.Proposed, r.Status);
        Assert.Equal(Money.Pounds(707_361m), r.Annual);
        Assert.Equal(Money.Pounds(471_574m), r.YearValue);
        Assert.Equal("8 of 12 months", r.PartYear.ToString());
    }

    [Theory]
    [InlineData(2020)]
    [InlineData(2029)]
    public void A_year_outside_the_term_is_refused(int year)
    {
        var e = Assert.Throws<BusinessRuleException>(() => Propose(year));
        Assert.IsType<ReviewYearMustFallWithinTermRule>(e.Rule);
        Assert.Contains("outside the contract's term", e.Message);
    }

    [Fact]
    public void The_proposer_cannot_agree_their_own_review()
    {
        var r = Propose();
        var e = Assert.Throws<BusinessRuleException>(() => r.Agree(Commissioner, At, null, null));
        Assert.IsType<ProposerCannotAgreeOwnReviewRule>(e.Rule);
        Assert.Equal(ReviewStatus.Proposed, r.Status);
    }

    [Fact]
    public void Only_the_proposer_can_withdraw_a_review()
    {
        var r = Propose();
        // Finance may return a review, with a reason; withdrawing it is the proposer's alone.
        var e = Assert.Throws<BusinessRuleException>(() => r.Withdraw(Finance, At, "Not needed"));

        Assert.IsType<OnlyTheProposerCanWithdrawRule>(e.Rule);
        Assert.Equal("Only the person who proposed a review can withdraw it; a finance officer returns it instead.", e.Message);
        Assert.Equal((ReviewStatus.Proposed, (string?)null, (string?)null), (r.Status, r.DecidedById, r.DecisionNote));
    }

    [Fact]
    public void The_proposer_withdraws_their_own_review_once()
    {
        var r = Propose();

        r.Withdraw(Commissioner, At.AddDays(1), "Withdrawn by the proposer");

        Assert.Equal((ReviewStatus.Withdrawn, "u1", "Withdrawn by the proposer", At.AddDays(1)), (r.Status, r.DecidedById, r.DecisionNote, r.DecidedAtUtc));
        Assert.IsType<OnlyAnOpenReviewCanBeDecidedRule>(Assert.Throws<BusinessRuleException>(() => r.Withdraw(Commissioner, At, null)).Rule);
    }

    [Fact]
    public void Someone_else_can_agree_and_it_is_then_locked()
    {
        var r = Propose();
        r.Agree(Finance, At.AddDays(1), "Within budget", null);
        Assert.Equal(ReviewStatus.Agreed, r.Status);
        Assert.Equal("finance@demo.test", r.DecidedBy);
        Assert.Throws<BusinessRuleException>(() => r.Agree(Finance, At, null, null));
        Assert.Throws<BusinessRuleException>(() => r.Return(Finance, At, "no"));
    }

    [Fact]
    public void A_later_review_supersedes_the_agreed_value_and_both_stay()
    {
        var first = Propose();
        first.Agree(Finance, At, null, null);
        var second = Propose(pounds: 720_000m);
        second.Agree(Finance, At.AddMonths(3), null, first);

        Assert.Equal(ReviewStatus.Superseded, first.Status);
        Assert.Equal(ReviewStatus.Agreed, second.Status);
        Assert.Equal(Money.Pounds(707_361m), first.Annual);
    }

    [Fact]
    public void Only_the_same_years_agreed_value_can_be_superseded()
    {
        var other = Propose(2022);
        other.Agree(Finance, At, null, null);
        Assert.Throws<ArgumentException>(() => Propose().Agree(Finance, At, null, other));
    }

    [Fact]
    public void Returning_needs_a_reason()
    {
        var r = Propose();
        Assert.Throws<ArgumentException>(() => r.Return(Finance, At, " "));
        r.Return(Finance, At, "Savings target not reflected");
        Assert.Equal(ReviewStatus.Returned, r.Status);
        Assert.Equal("Savings target not reflected", r.DecisionNote);
    }

    [Fact]
    public void The_opening_entry_is_agreed_for_the_first_year()
    {
        var r = AnnualValueReview.OpeningEntry(7, Term, Money.Pounds(707_361m), Commissioner, At);
        Assert.Equal(ReviewStatus.Agreed, r.Status);
        Assert.Equal(new FinancialYear(2021), r.Year);
        Assert.Equal(ReviewOrigin.OpeningEntry, r.Origin);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(100.01)]
    public void An_absurd_uplift_is_refused(decimal pct) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AnnualValueReview.Propose(7, Term, new FinancialYear(2021), Money.Pounds(1m),
            ReviewFactors.None with { Uplift = UpliftKind.Inflation, UpliftPercent = pct }, "", NoPosition, Commissioner, At));
}

public class SavingsAndFundingTests
{
    [Theory]
    [InlineData(null, Rag.NotReported)]
    [InlineData(0.0, Rag.Red)]
    [InlineData(749_999.99, Rag.Red)]
    [InlineData(750_000.0, Rag.Amber)]
    [InlineData(999_999.99, Rag.Amber)]
    [InlineData(1_000_000.0, Rag.Green)]
    [InlineData(1_200_000.0, Rag.Green)]
    public void Rag_thresholds_against_a_1m_target(double? delivered, Rag expected) =>
        Assert.Equal(expected, SavingsRag.Of(Money.Pounds(1_000_000m), delivered is { } d ? Money.Pounds((decimal)d) : null));

    [Fact]
    public void The_thresholds_are_explained_from_the_same_constants()
    {
        Assert.Contains("100%", SavingsRag.Explanation.Replace(" %", "%"));
        Assert.Contains("75%", SavingsRag.Explanation.Replace(" %", "%"));
    }

    [Fact]
    public void A_zero_target_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SavingsTarget(1, new FinancialYear(2021),
            new SavingsDetails(Money.Zero, SavingsKind.CashableReduction, "x", null, null)));

    [Fact]
    public void Funding_must_add_up_exactly_and_says_by_how_much_it_does_not()
    {
        var plan = new FundingPlan(7, new FinancialYear(2021));
        var value = Money.Pounds(471_574m);
        var e = Assert.Throws<BusinessRuleException>(() => plan.Split(
            [new FundingLine(FundingSource.CouncilRevenue, "klb60", Money.Pounds(400_000m)), new FundingLine(FundingSource.Section117Aftercare, null, Money.Pounds(40_932m))], value));
        Assert.Equal("The funding sources add up to £440,932.00, which is £30,642.00 less than the 2021/22 value of £471,574.00.", e.Message);
        Assert.Empty(plan.Lines);

        var over = Assert.Throws<BusinessRuleException>(() => plan.Split([new FundingLine(FundingSource.Other, null, Money.Pounds(471_574.01m))], value));
        Assert.Contains("£0.01 more than", over.Message);

        plan.Split([new FundingLine(FundingSource.CouncilRevenue, "klb60", Money.Pounds(430_642m)), new FundingLine(FundingSource.Section117Aftercare, null, Money.Pounds(40_932m))], value);
        Assert.Equal(value, plan.Total);
        Assert.Equal("KLB60", plan.Lines[0].CostCentre);
    }
}
