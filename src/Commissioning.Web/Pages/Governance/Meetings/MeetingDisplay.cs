using System.Globalization;
using Commissioning.Domain.Governance;

namespace Commissioning.Web.Pages.Governance.Meetings;

/// <summary>How the meeting pages word a meeting's time and place.</summary>
public static class MeetingDisplay
{
    /// <summary>GOV.UK style, as <see cref="Dates"/> words times: 2pm, 9:30am, midday.</summary>
    public static string Time(TimeOnly t) => (t.Hour, t.Minute) switch
    {
        (0, 0) => "midnight",
        (12, 0) => "midday",
        var (h, m) => (h % 12 == 0 ? 12 : h % 12).ToString(CultureInfo.InvariantCulture) + (m == 0 ? "" : ":" + m.ToString("00", CultureInfo.InvariantCulture)) + (h < 12 ? "am" : "pm"),
    };

    /// <summary>"Council Chamber, Town Hall, and online", "Online", or "Not set".</summary>
    public static string Where(Meeting m) => (m.Venue, m.IsOnline) switch
    {
        ({ } v, true) => $"{v}, and online",
        ({ } v, false) => v,
        (null, true) => "Online",
        _ => "Not set",
    };

    /// <summary>The tag colour the decision page gives the same outcome.</summary>
    public static string OutcomeColour(StepOutcome o) => o switch
    {
        StepOutcome.Approved => "green",
        StepOutcome.Rejected => "red",
        StepOutcome.Deferred => "orange",
        StepOutcome.Pending => "grey",
        _ => "blue",
    };

    /// <summary>The other meetings of <paramref name="bodyId"/> on <paramref name="date"/>, for the same-day warning.</summary>
    public static async Task<IReadOnlyList<(int Id, string Title)>> SameDayAsync(CommissioningDbContext db, int bodyId, DateOnly date, int? except, CancellationToken ct)
    {
        var rows = await db.Meetings.AsNoTracking().Where(m => m.BodyId == bodyId && m.Date == date && m.Id != (except ?? 0))
            .OrderBy(m => m.Id).Select(m => new { m.Id, m.Title }).ToListAsync(ct);
        return rows.Select(r => (r.Id, $"{r.Title}, {Dates.Long(date)}")).ToList();
    }
}

/// <summary>The sections of a meeting's page (and its item page) a save returns to; each is its heading's id.</summary>
public static class MeetingSections
{
    public const string Attendance = "attendance";
    public const string Minutes = "minutes";
    public const string Presenter = "presenter";
    public const string Declarations = "declarations";
}

/// <summary>What the same-day warning on "Schedule a meeting" and "Change meeting details" shows.</summary>
public sealed record SecondMeetingWarning(string BodyName, IReadOnlyList<(int Id, string Title)> SameDay, bool Confirmed);
