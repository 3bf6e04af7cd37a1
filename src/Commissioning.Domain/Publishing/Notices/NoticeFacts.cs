using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Lifecycle;

namespace Commissioning.Domain.Publishing.Notices;

/// <summary>What the notice rules read of a contract: its own columns, so the register can select them in one query.</summary>
public sealed record NoticeContract(
    int ContractId,
    string Reference,
    ServiceCategory ServiceCategory,
    DateOnly StartDate,
    DateOnly? AwardedOn,
    DateOnly CurrentEndDate,
    DateOnly MaximumEndDate,
    DateOnly? TerminatedOn,
    string? TerminationReason,
    long? AnnualValuePence,
    bool? ProcuredUnderAct,
    bool? LightTouch,
    bool UserChoiceDirectAward,
    DateOnly? EnteredIntoOn)
{
    public Money? AnnualValue => AnnualValuePence is { } p ? Money.FromPence(p) : null;

    /// <summary>The day the contract was entered into: as recorded, else the day it was awarded.</summary>
    public DateOnly? EnteredOn => EnteredIntoOn ?? AwardedOn;

    /// <summary>The contract's last day in force: its termination, else its current end.</summary>
    public DateOnly LastDay => TerminatedOn ?? CurrentEndDate;

    public static NoticeContract Of(Contract c) => new(c.Id, c.Reference, c.ServiceCategory, c.StartDate, c.AwardedOn, c.CurrentEndDate,
        c.MaximumEndDate, c.TerminatedOn, c.TerminationReason, c.AnnualValuePence, c.ProcuredUnderProcurementAct, c.IsLightTouchContract,
        c.IsUserChoiceDirectAward, c.EnteredIntoOn);
}

/// <summary>A recorded variation as the change notice rule reads it (the variation rule's own verdict, and its figures).</summary>
public sealed record NoticeVariation(int EventId, DateOnly EventDate, string Clause, ChangeNoticeRule Rule, bool Warned,
    long? ValueBeforePence, long? ValueAfterPence, decimal? TermChangePercent)
{
    public static NoticeVariation Of(ContractVariation v) =>
        new(v.Id, v.EventDate, v.Clause, v.ChangeNoticeRule, v.ChangeNoticeWarning, v.ValueBeforePence, v.ValueAfterPence, v.TermChangePercent);
}

/// <summary>Everything the notice rules need about one contract.</summary>
public sealed record NoticeFacts(NoticeContract Contract, IReadOnlyList<NoticeVariation> Variations, IReadOnlyList<PublishedNotice> Published);
