using Commissioning.Domain.Common;

namespace Commissioning.Domain.Finance;

public sealed class ReviewYearMustFallWithinTermRule(DateRange term, FinancialYear year) : IBusinessRule
{
    public bool IsBroken() => !term.Overlaps(year.Range);
    public string Message =>
        $"{year} is outside the contract's term ({term}): choose a year from {FinancialYear.Containing(term.Start)} to {FinancialYear.Containing(term.End)}.";
}

public sealed class ProposerCannotAgreeOwnReviewRule(AnnualValueReview review, Actor agreer) : IBusinessRule
{
    public bool IsBroken() => review.ProposedById == agreer.UserId;
    public string Message => "You proposed this value, so someone else must agree it (segregation of duties).";
}

public sealed class OnlyTheProposerCanWithdrawRule(AnnualValueReview review, Actor withdrawer) : IBusinessRule
{
    public bool IsBroken() => review.ProposedById != withdrawer.UserId;
    public string Message => "Only the person who proposed a review can withdraw it; a finance officer returns it instead.";
}

public sealed class OnlyAnOpenReviewCanBeDecidedRule(AnnualValueReview review) : IBusinessRule
{
    public bool IsBroken() => review.Status != ReviewStatus.Proposed;
    public string Message => $"This review has already been {review.Status.ToString().ToLowerInvariant()}; it cannot be decided again.";
}

public sealed class SavingsCannotExceedValueRule(Money savings, Money value, FinancialYear year) : IBusinessRule
{
    public bool IsBroken() => savings > value;
    public string Message => $"Savings of {savings} in {year} would be more than the contract's value for the year, {value}.";
}

public sealed class FundingMustAddUpRule(Money total, Money value, FinancialYear year) : IBusinessRule
{
    public bool IsBroken() => total != value;
    public string Message => total < value
        ? $"The funding sources add up to {total}, which is {value - total} less than the {year} value of {value}."
        : $"The funding sources add up to {total}, which is {total - value} more than the {year} value of {value}.";
}
