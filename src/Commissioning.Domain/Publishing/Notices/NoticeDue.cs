namespace Commissioning.Domain.Publishing.Notices;

/// <summary>Where a notice stands: recorded as published, past its deadline, owed now, or owed once its event comes.</summary>
public enum NoticeStatus { Overdue, Due, Upcoming, Published }

/// <summary>
/// A notice a contract owes, as one of the rules (<see cref="INoticeRule"/>) finds it: for which event, by when, and from
/// which day it can be published. <see cref="NoticeSchedule"/> adds its status and the record of its publication.
/// </summary>
public sealed record NoticeDue(
    int ContractId,
    NoticeKind Kind,
    string EventKey,
    string Event,
    DateOnly EventDate,
    DateOnly DueBy,
    DateOnly Opens,
    DateOnly EarliestPublication,
    string EarliestReason,
    string Rule)
{
    public NoticeStatus Status { get; init; } = NoticeStatus.Upcoming;
    public PublishedNotice? Published { get; init; }
    /// <summary>A contract details notice over the threshold also owes a copy of the contract and at least three KPIs.</summary>
    public bool NeedsContractCopyAndKpis { get; init; }

    public string Name => NoticeNames.Of(Kind);

    /// <summary>Days left to the deadline on <paramref name="today"/>; negative once it has passed.</summary>
    public int DaysLeft(DateOnly today) => DueBy.DayNumber - today.DayNumber;
}
