using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;

namespace Commissioning.Domain.Lifecycle;

/// <summary>What a variation changes; more than one may apply.</summary>
[Flags]
public enum VariationChange { None = 0, Value = 1, Term = 2, Scope = 4, Parties = 8 }

/// <summary>The terms of a proposed variation: what changes, under which clause, and the new value or end date where they change.</summary>
public sealed record VariationTerms(VariationChange Changes, string Clause, Money? NewAnnualValue = null, DateOnly? NewEndDate = null);

/// <summary>
/// A variation under a clause of the contract (Persona: clause 53). Records the value and end date
/// before and after, the change as percentages, and the change notice assessment that applied.
/// </summary>
public sealed class ContractVariation : ContractEvent
{
    public const int ClauseMaxLength = 100;
    public const int ExplanationMaxLength = 1000;

    private ContractVariation() { }

    private ContractVariation(Contract contract, EventRecord record) : base(contract, record, "a variation") { }

    public override ContractEventKind Kind => ContractEventKind.Variation;

    public VariationChange Changes { get; private set; }
    public string Clause { get; private set; } = "";
    public long? ValueBeforePence { get; private set; }
    public long? ValueAfterPence { get; private set; }
    public DateOnly EndDateBefore { get; private set; }
    public DateOnly EndDateAfter { get; private set; }
    /// <summary>Change in annual value as a percentage of the value before; null when there was none.</summary>
    public decimal? ValueChangePercent { get; private set; }
    /// <summary>Days added (or removed) as a percentage of the maximum term before the variation.</summary>
    public decimal? TermChangePercent { get; private set; }
    public bool ChangeNoticeWarning { get; private set; }
    public ChangeNoticeRule ChangeNoticeRule { get; private set; }
    public string ChangeNoticeExplanation { get; private set; } = "";

    public Money? ValueBefore => ValueBeforePence is { } p ? Money.FromPence(p) : null;
    public Money? ValueAfter => ValueAfterPence is { } p ? Money.FromPence(p) : null;
    public ChangeNoticeAssessment ChangeNotice => new(ChangeNoticeWarning, ChangeNoticeRule, ChangeNoticeExplanation);

    /// <summary>
    /// Assesses the variation, applies it to the contract and records it. <paramref name="valueBefore"/>
    /// is the value the change is measured against: the contract's value for the current financial
    /// year (<see cref="Finance.CurrentYearValue"/>), not the value it was let at; without it, the
    /// contract's annual value.
    /// </summary>
    public static ContractVariation Record(Contract contract, VariationTerms terms, EventRecord record, Money? valueBefore = null)
    {
        // An end before the start is named first, before the record's own checks, as the form has always shown it.
        if (terms.NewEndDate is { } end) Check(new VariedEndCannotBeBeforeTheStartRule(contract.StartDate, end));
        var ev = new ContractVariation(contract, record);
        Check(new VariationMustSayWhatChangedRule(terms.Changes));
        Check(new VariationNeedsAClauseRule(terms.Clause));
        if (terms.Clause.Trim().Length > ClauseMaxLength)
            throw new ArgumentException($"A clause can be at most {ClauseMaxLength} characters.", nameof(terms));
        var before = valueBefore ?? contract.AnnualValue;
        Check(new VariedValueMustMatchWhatChangedRule(terms.Changes, terms.NewAnnualValue, before));
        Check(new VariedTermMustMatchWhatChangedRule(terms.Changes, terms.NewEndDate, contract.CurrentEndDate));

        var beforePence = before?.Pence;
        var valueAfter = terms.NewAnnualValue?.Pence ?? beforePence;
        var endBefore = contract.CurrentEndDate;
        var endAfter = terms.NewEndDate ?? endBefore;
        var maximumDays = contract.MaximumTerm.Days;
        var termChangeDays = endAfter.DayNumber - endBefore.DayNumber;

        contract.Vary(terms.NewAnnualValue, terms.NewEndDate);

        var notice = ChangeNoticeAssessment.Assess(contract.ServiceCategory, terms.Changes, beforePence, valueAfter, termChangeDays, maximumDays);
        ev.Changes = terms.Changes;
        ev.Clause = terms.Clause.Trim();
        ev.ValueBeforePence = beforePence;
        ev.ValueAfterPence = valueAfter;
        ev.EndDateBefore = endBefore;
        ev.EndDateAfter = endAfter;
        ev.ValueChangePercent = valueAfter is { } a && beforePence is { } b ? ChangeNoticeAssessment.Percent(a - b, b) : null;
        ev.TermChangePercent = ChangeNoticeAssessment.Percent(termChangeDays, maximumDays);
        ev.ChangeNoticeWarning = notice.Warn;
        ev.ChangeNoticeRule = notice.Rule;
        ev.ChangeNoticeExplanation = notice.Explanation;
        return ev;
    }
}
