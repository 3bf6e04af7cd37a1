using Commissioning.Domain.Contracts;

namespace Commissioning.Domain.Lifecycle;

/// <summary>What has to be decided by a key date.</summary>
public enum KeyDateAction
{
    /// <summary>An extension option is left: decide whether to exercise it, or serve notice.</summary>
    DecideExtensionOrServeNotice,
    /// <summary>No option is left: serve notice or let it expire, and re-procure in time.</summary>
    ServeNoticeOrReProcure,
}

/// <summary>One contract's decision deadline as it stands on <see cref="Today"/>.</summary>
public sealed record KeyDate(int ContractId, string Reference, DateOnly CurrentEndDate, int NoticePeriodMonths, int LeadTimeMonths,
    DateOnly NoticeDeadline, DateOnly DecisionDeadline, KeyDateAction Action, DateOnly Today)
{
    public bool IsOverdue => Today > DecisionDeadline;
    /// <summary>Days left to the deadline; negative once it has passed.</summary>
    public int DaysRemaining => DecisionDeadline.DayNumber - Today.DayNumber;
}

/// <summary>
/// The date by which notice must be served or an extension decided: the contract's end date less its notice
/// period less an internal lead time (for example 6 months to re-procure).
/// </summary>
public static class KeyDates
{
    public const int DefaultLeadTimeMonths = 6;
    public const int MaxLeadTimeMonths = 60;

    /// <summary>
    /// The corresponding-date rule, counted back from the day after the end: a term ending 31 March 2031 with
    /// 12 months' notice and 6 months' lead time must be decided by 1 October 2029. Notice and lead time are
    /// counted back together, so a month end is not clamped twice; where the month has no corresponding day
    /// the deadline is that month's last day, the earlier and safer side.
    /// </summary>
    public static DateOnly DecisionDeadline(DateOnly end, int noticeMonths, int leadTimeMonths)
    {
        if (noticeMonths is < 0 or > Contract.MaxNoticeMonths)
            throw new ArgumentOutOfRangeException(nameof(noticeMonths), noticeMonths, $"A notice period must be between 0 and {Contract.MaxNoticeMonths} months.");
        if (new LeadTimeMustBeInRangeRule(leadTimeMonths).IsBroken())
            throw new ArgumentOutOfRangeException(nameof(leadTimeMonths), leadTimeMonths, new LeadTimeMustBeInRangeRule(leadTimeMonths).Message);
        return Contract.LatestNoticeDate(end, noticeMonths + leadTimeMonths);
    }

    public static KeyDate For(Contract contract, DateOnly today, int leadTimeMonths = DefaultLeadTimeMonths) =>
        new(contract.Id, contract.Reference, contract.CurrentEndDate, contract.NoticePeriodMonths, leadTimeMonths,
            contract.NoticeDeadline, DecisionDeadline(contract.CurrentEndDate, contract.NoticePeriodMonths, leadTimeMonths),
            contract.NextExtensionOption() is null ? KeyDateAction.ServeNoticeOrReProcure : KeyDateAction.DecideExtensionOrServeNotice,
            today);

    /// <summary>
    /// Key dates for the contracts still running on <paramref name="today"/> (not terminated, not past their end):
    /// overdue ones first, most overdue at the top, then the rest soonest first.
    /// </summary>
    public static IReadOnlyList<KeyDate> Upcoming(IEnumerable<Contract> contracts, DateOnly today, int leadTimeMonths = DefaultLeadTimeMonths) =>
        contracts
            .Where(c => c.TerminatedOn is null && c.CurrentEndDate >= today)
            .Select(c => For(c, today, leadTimeMonths))
            .OrderByDescending(k => k.IsOverdue)
            .ThenBy(k => k.DecisionDeadline)
            .ThenBy(k => k.Reference, StringComparer.Ordinal)
            .ToList();
}
