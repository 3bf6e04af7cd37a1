namespace Commissioning.Domain.Publishing.Notices;

/// <summary>
/// Every notice a contract owes under the rules, with its status on a day: published (a notice recorded for the same
/// kind and event), overdue (after its last day), due (from the day it can be published) or upcoming.
/// </summary>
public static class NoticeSchedule
{
    public static readonly IReadOnlyList<INoticeRule> Rules =
        [new ContractDetailsNoticeRule(), new ContractChangeNoticeRule(), new ContractTerminationNoticeRule(), new ContractPerformanceNoticeRule()];

    public static IReadOnlyList<NoticeDue> For(NoticeFacts facts, DateOnly today, NoticeSettings settings) =>
        Rules.SelectMany(r => r.Owed(facts, settings))
            .Select(d => facts.Published.FirstOrDefault(p => p.Kind == d.Kind && p.EventKey == d.EventKey) is { } p
                ? d with { Status = NoticeStatus.Published, Published = p }
                : d with { Status = StatusOn(d, today) })
            .ToList();

    public static NoticeStatus StatusOn(NoticeDue d, DateOnly today) =>
        today > d.DueBy ? NoticeStatus.Overdue : today >= d.Opens ? NoticeStatus.Due : NoticeStatus.Upcoming;
}
