using Commissioning.Domain.Common;

namespace Commissioning.Domain.Publishing.Notices;

/// <summary>The four notices of the Procurement Act 2023 the register tracks for a contract once it is let.</summary>
public enum NoticeKind { ContractDetails, ContractChange, ContractTermination, ContractPerformance }

/// <summary>
/// A notice an officer recorded as published on the central digital platform: which notice, for which event, the day it
/// was published and the platform's notice id. Who recorded it and when are the aggregate's own audit columns. Never edited:
/// a wrong record is a matter for the audit trail, not an overwrite.
/// </summary>
public sealed class PublishedNotice : AuditedAggregate
{
    public const int NoticeIdMaxLength = 100;
    public const int EventKeyMaxLength = 40;

    private PublishedNotice() { }

    public int ContractId { get; private set; }
    public NoticeKind Kind { get; private set; }
    /// <summary>Which event of the contract the notice is for ("details", "variation-12", "termination", "performance-2027-04-01").</summary>
    public string EventKey { get; private set; } = "";
    public DateOnly EventDate { get; private set; }
    public DateOnly DueBy { get; private set; }
    public DateOnly PublishedOn { get; private set; }
    public string NoticeId { get; private set; } = "";

    public bool WasLate => PublishedOn > DueBy;

    /// <summary>
    /// Records <paramref name="due"/> as published on <paramref name="publishedOn"/> with the platform's <paramref name="noticeId"/>,
    /// checking the named rules first: a notice owed and not yet recorded, an id, a day not in the future nor before the event.
    /// </summary>
    public static PublishedNotice Record(NoticeDue due, DateOnly publishedOn, string? noticeId, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(due);
        Check(new NoticeCanBeRecordedOnceRule(due));
        Check(new NoticeNeedsThePlatformsIdRule(noticeId));
        if (noticeId!.Trim().Length > NoticeIdMaxLength)
            throw new ArgumentException($"A notice id can be at most {NoticeIdMaxLength} characters.", nameof(noticeId));
        Check(new NoticeCannotBePublishedInTheFutureRule(publishedOn, today));
        Check(new NoticeCannotBePublishedBeforeItsEventRule(due, publishedOn));
        return new PublishedNotice
        {
            ContractId = due.ContractId, Kind = due.Kind, EventKey = due.EventKey, EventDate = due.EventDate, DueBy = due.DueBy,
            PublishedOn = publishedOn, NoticeId = noticeId.Trim(),
        };
    }
}

// The three below end without a full stop: the page shows them at a field, where messages read as instructions.

public sealed class NoticeCanBeRecordedOnceRule(NoticeDue due) : IBusinessRule
{
    public bool IsBroken() => due.Published is not null;
    public string Message => $"This {NoticeNames.Of(due.Kind).ToLowerInvariant()} was already recorded as published on {Dates.Long(due.Published?.PublishedOn)} ({due.Published?.NoticeId})";
}

public sealed class NoticeNeedsThePlatformsIdRule(string? noticeId) : IBusinessRule
{
    public bool IsBroken() => string.IsNullOrWhiteSpace(noticeId);
    public string Message => "Enter the notice id the central digital platform gave the notice";
}

public sealed class NoticeCannotBePublishedInTheFutureRule(DateOnly publishedOn, DateOnly today) : IBusinessRule
{
    public bool IsBroken() => publishedOn > today;
    public string Message => $"The date published must be today or in the past: {Dates.Long(publishedOn)} is after today, {Dates.Long(today)}";
}

public sealed class NoticeCannotBePublishedBeforeItsEventRule(NoticeDue due, DateOnly publishedOn) : IBusinessRule
{
    public bool IsBroken() => publishedOn < due.EarliestPublication;
    public string Message => $"The date published cannot be before {due.EarliestReason}, {Dates.Long(due.EarliestPublication)}";
}

/// <summary>The notices' names as the platform and the Act give them.</summary>
public static class NoticeNames
{
    public static string Of(NoticeKind kind) => kind switch
    {
        NoticeKind.ContractDetails => "Contract details notice",
        NoticeKind.ContractChange => "Contract change notice",
        NoticeKind.ContractTermination => "Contract termination notice",
        _ => "Contract performance notice",
    };
}
