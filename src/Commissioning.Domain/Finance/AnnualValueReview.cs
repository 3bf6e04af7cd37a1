using Commissioning.Domain.Common;

namespace Commissioning.Domain.Finance;

public enum ReviewStatus { Proposed, Returned, Agreed, Superseded, Withdrawn }

/// <summary>Where a proposed value came from.</summary>
public enum ReviewOrigin { Review, OpeningEntry, SpotEstimate, Import }

public enum UpliftKind { None, Inflation, NationalLivingWage, Other }

/// <summary>What the proposer weighed, as the papers list them ("outcomes, performance, demand management ...").</summary>
public sealed record ReviewFactors(bool Outcomes, bool Performance, bool DemandManagement, bool SavingsPressures,
    UpliftKind Uplift, decimal? UpliftPercent)
{
    public const decimal MaxUpliftPercent = 100m;
    public static readonly ReviewFactors None = new(false, false, false, false, UpliftKind.None, null);
}

/// <summary>
/// The yearly "review and set" of a contract's value for one financial year. A commissioner
/// proposes; a finance officer who did not propose it agrees or returns it. An agreed value is
/// never edited: a later change is a new review which, once agreed, supersedes it.
/// </summary>
public sealed class AnnualValueReview : AuditedAggregate
{
    public const int NarrativeMaxLength = 4000;
    public const int NoteMaxLength = 1000;

    private AnnualValueReview() { }

    public int ContractId { get; private set; }
    public int FinancialYearStart { get; private set; }
    public FinancialYear Year => new(FinancialYearStart);

    /// <summary>The full-year value proposed: the basis for the next year's baseline.</summary>
    public long AnnualPence { get; private set; }
    public Money Annual => Money.FromPence(AnnualPence);

    /// <summary>The annual value pro-rated to the part of the year the contract covers: what is paid in the year.</summary>
    public long YearValuePence { get; private set; }
    public Money YearValue => Money.FromPence(YearValuePence);
    public ProRataBasis ProRataBasis { get; private set; }
    public int ProRataPortion { get; private set; }
    public int ProRataWhole { get; private set; }
    public PartYear PartYear => new(Year, ProRataBasis, ProRataPortion, ProRataWhole);

    /// <summary>The baseline and savings the proposer saw, so the review shows its working later.</summary>
    public long? BaselinePence { get; private set; }
    public long SavingsPence { get; private set; }
    public long UpliftPence { get; private set; }

    public bool ConsideredOutcomes { get; private set; }
    public bool ConsideredPerformance { get; private set; }
    public bool ConsideredDemandManagement { get; private set; }
    public bool ConsideredSavingsPressures { get; private set; }
    public UpliftKind UpliftKind { get; private set; }
    public decimal? UpliftPercent { get; private set; }
    public string Narrative { get; private set; } = "";
    public ReviewOrigin Origin { get; private set; }
    /// <summary>For a value from the spot estimator, the estimate's working as it was shown.</summary>
    public string? EstimateWorking { get; private set; }

    public ReviewStatus Status { get; private set; }
    public string ProposedById { get; private set; } = "";
    public string ProposedBy { get; private set; } = "";
    public DateTime ProposedAtUtc { get; private set; }
    public string? DecidedById { get; private set; }
    public string? DecidedBy { get; private set; }
    public DateTime? DecidedAtUtc { get; private set; }
    public string? DecisionNote { get; private set; }

    public ReviewFactors Factors => new(ConsideredOutcomes, ConsideredPerformance, ConsideredDemandManagement,
        ConsideredSavingsPressures, UpliftKind, UpliftPercent);

    /// <summary>Opens a review for <paramref name="year"/> of a contract whose current term is <paramref name="term"/>.</summary>
    public static AnnualValueReview Propose(int contractId, DateRange term, FinancialYear year, Money annual,
        ReviewFactors factors, string narrative, YearPosition position, Actor proposer, DateTime atUtc,
        ReviewOrigin origin = ReviewOrigin.Review, string? estimateWorking = null)
    {
        Check(new ReviewYearMustFallWithinTermRule(term, year));
        if (factors.UpliftPercent is < 0 or > ReviewFactors.MaxUpliftPercent)
            throw new ArgumentOutOfRangeException(nameof(factors), $"An uplift must be between 0% and {ReviewFactors.MaxUpliftPercent}%.");
        var part = PartYear.Of(term, year)!;
        var review = new AnnualValueReview
        {
            ContractId = contractId,
            FinancialYearStart = year.StartYear,
            AnnualPence = annual.Pence,
            YearValuePence = part.Apply(annual).Pence,
            ProRataBasis = part.Basis,
            ProRataPortion = part.Portion,
            ProRataWhole = part.Whole,
            BaselinePence = position.Baseline?.Pence,
            SavingsPence = position.Savings.Pence,
            UpliftPence = position.Uplift.Pence,
            ConsideredOutcomes = factors.Outcomes,
            ConsideredPerformance = factors.Performance,
            ConsideredDemandManagement = factors.DemandManagement,
            ConsideredSavingsPressures = factors.SavingsPressures,
            UpliftKind = factors.Uplift,
            UpliftPercent = factors.UpliftPercent,
            Narrative = (narrative ?? "").Trim(),
            Origin = origin,
            EstimateWorking = string.IsNullOrWhiteSpace(estimateWorking) ? null : estimateWorking.Trim(),
            Status = ReviewStatus.Proposed,
            ProposedById = proposer.UserId,
            ProposedBy = proposer.Name,
            ProposedAtUtc = atUtc,
        };
        return review;
    }

    /// <summary>
    /// The value entered when a contract is created: agreed at once, as the issue allows, because
    /// it is the awarded price rather than a yearly review.
    /// </summary>
    public static AnnualValueReview OpeningEntry(int contractId, DateRange term, Money annual, Actor enteredBy, DateTime atUtc)
    {
        var year = FinancialYear.Containing(term.Start);
        var review = Propose(contractId, term, year, annual, ReviewFactors.None, "Value entered when the contract was created.",
            new YearPosition(null, Money.Zero, Money.Zero), enteredBy, atUtc, ReviewOrigin.OpeningEntry);
        review.Status = ReviewStatus.Agreed;
        review.DecidedById = enteredBy.UserId;
        review.DecidedBy = enteredBy.Name;
        review.DecidedAtUtc = atUtc;
        return review;
    }

    /// <summary>
    /// A year's value brought in from the council's spreadsheet (<paramref name="narrative"/> names the file): agreed at
    /// once like an <see cref="OpeningEntry"/>, because the spreadsheet records values already agreed. It supersedes
    /// <paramref name="agreedBefore"/>, the year's agreed value, if any.
    /// </summary>
    public static AnnualValueReview Imported(int contractId, DateRange term, FinancialYear year, Money annual, string narrative,
        Actor importedBy, DateTime atUtc, AnnualValueReview? agreedBefore)
    {
        var review = Propose(contractId, term, year, annual, ReviewFactors.None, narrative,
            new YearPosition(agreedBefore?.Annual, Money.Zero, Money.Zero), importedBy, atUtc, ReviewOrigin.Import);
        if (agreedBefore is not null)
        {
            if (agreedBefore.ContractId != contractId || agreedBefore.FinancialYearStart != year.StartYear || agreedBefore.Status != ReviewStatus.Agreed)
                throw new ArgumentException("Only the same year's agreed value can be superseded.", nameof(agreedBefore));
            agreedBefore.Status = ReviewStatus.Superseded;
        }
        review.Status = ReviewStatus.Agreed;
        review.Decide(importedBy, atUtc, null);
        return review;
    }

    /// <summary>Agrees the value; <paramref name="agreedBefore"/> is the year's agreed value it replaces, if any.</summary>
    public void Agree(Actor by, DateTime atUtc, string? note, AnnualValueReview? agreedBefore)
    {
        Check(new OnlyAnOpenReviewCanBeDecidedRule(this));
        Check(new ProposerCannotAgreeOwnReviewRule(this, by));
        if (agreedBefore is not null)
        {
            if (agreedBefore.ContractId != ContractId || agreedBefore.FinancialYearStart != FinancialYearStart || agreedBefore.Status != ReviewStatus.Agreed)
                throw new ArgumentException("Only the same year's agreed value can be superseded.", nameof(agreedBefore));
            agreedBefore.Status = ReviewStatus.Superseded;
        }
        Status = ReviewStatus.Agreed;
        Decide(by, atUtc, note);
    }

    public void Return(Actor by, DateTime atUtc, string reason)
    {
        Check(new OnlyAnOpenReviewCanBeDecidedRule(this));
        if (string.IsNullOrWhiteSpace(reason)) throw new ArgumentException("A returned review needs a reason.", nameof(reason));
        Status = ReviewStatus.Returned;
        Decide(by, atUtc, reason);
    }

    /// <summary>Withdraws the proposal; only whoever proposed it may (anyone else returns it, with a reason).</summary>
    public void Withdraw(Actor by, DateTime atUtc, string? note)
    {
        Check(new OnlyTheProposerCanWithdrawRule(this, by));
        Check(new OnlyAnOpenReviewCanBeDecidedRule(this));
        Status = ReviewStatus.Withdrawn;
        Decide(by, atUtc, note);
    }

    private void Decide(Actor by, DateTime atUtc, string? note)
    {
        DecidedById = by.UserId;
        DecidedBy = by.Name;
        DecidedAtUtc = atUtc;
        DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }
}

/// <summary>Where a year stood when a value was proposed: its baseline, the uplift on it and the cashable savings.</summary>
public sealed record YearPosition(Money? Baseline, Money Uplift, Money Savings);
