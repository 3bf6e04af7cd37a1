using Commissioning.Domain.Common;

namespace Commissioning.Domain.Governance;

/// <summary>
/// A body rarely meets twice in a day: a second meeting on a day it already meets is more often a
/// date typed wrong than an extraordinary meeting, so it is scheduled only when confirmed.
/// </summary>
public sealed class SecondMeetingOnADayNeedsConfirmationRule(string bodyName, DateOnly date, IEnumerable<DateOnly> bodysOtherMeetingDates, bool confirmed)
    : IBusinessRule
{
    private readonly int _others = bodysOtherMeetingDates.Count(d => d == date);

    public bool IsBroken() => _others > 0 && !confirmed;

    public string Message => $"{bodyName} already has {(_others == 1 ? "a meeting" : $"{_others} meetings")} on {Dates.Long(date)}. " +
        "Tick \"Yes, schedule a second meeting on this day\" to schedule another, or change the date.";
}

/// <summary>Once a meeting has been held its agenda is what was taken: attendance, declarations and minutes are recorded instead.</summary>
public sealed class AgendaOfAPastMeetingIsHistoryRule(Meeting meeting, DateOnly today) : IBusinessRule
{
    public bool IsBroken() => meeting.IsPast(today);

    public string Message => $"{meeting.Title} met on {Dates.Long(meeting.Date)}, so its agenda is history and cannot be changed. " +
        "Record attendance, declarations of interest and minutes instead.";
}

/// <summary>Attendance, declarations and minutes record what happened: they wait for the meeting's day.</summary>
public sealed class MinutesWaitForTheMeetingRule(Meeting meeting, DateOnly today, string what) : IBusinessRule
{
    public bool IsBroken() => !meeting.HasStarted(today);

    public string Message => $"{meeting.Title} meets on {Dates.Long(meeting.Date)}: its {what} can be recorded from that day.";
}

/// <summary>A member is either present or has sent apologies.</summary>
public sealed class PresentOrApologiesNotBothRule(IReadOnlyList<string> present, IReadOnlyList<string> apologies) : IBusinessRule
{
    private string? Both => present.FirstOrDefault(p => apologies.Contains(p, StringComparer.OrdinalIgnoreCase));

    public bool IsBroken() => Both is not null;

    public string Message => $"{Both} is listed as present and as sending apologies: keep them in one list.";
}

/// <summary>A minute says what the meeting did: approved, noted, deferred and so on.</summary>
public sealed class MinuteNeedsAnOutcomeRule(AgendaItem item, string? minute, StepOutcome outcome) : IBusinessRule
{
    public bool IsBroken() => outcome == StepOutcome.Pending;

    public string Message => $"Choose what the meeting did with {item.Title}{(minute is null ? "" : " to go with the minute")}.";
}

public sealed class DeclarationsPerItemAreLimitedRule(AgendaItem item) : IBusinessRule
{
    public bool IsBroken() => item.Declarations.Count >= AgendaItem.MaxDeclarations;

    public string Message => $"{item.Title} already has {AgendaItem.MaxDeclarations} declarations of interest, the most an item can hold.";
}
