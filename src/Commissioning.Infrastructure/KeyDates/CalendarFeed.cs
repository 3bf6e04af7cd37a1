using System.Globalization;
using System.Text;
using Commissioning.Domain.Common;
using Commissioning.Domain.Lifecycle;

namespace Commissioning.Infrastructure.KeyDates;

/// <summary>One all-day date in the feed. The UID stays the same from one download to the next, so a calendar updates the event in place.</summary>
public sealed record CalendarEvent(string Uid, DateOnly Date, string Summary, string Description, string Url);

/// <summary>
/// The key dates as an iCalendar feed (RFC 5545) that Outlook can subscribe to: CRLF line endings,
/// lines folded at 75 octets, text escaped, all-day <c>VALUE=DATE</c> events.
/// </summary>
public static class CalendarFeed
{
    public const string ContentType = "text/calendar; charset=utf-8";
    private const int MaxOctets = 75;

    /// <summary>End dates, notice and decision deadlines and review due dates of the report's contracts.</summary>
    public static IReadOnlyList<CalendarEvent> Events(KeyDatesReport report, string baseUrl)
    {
        var root = baseUrl.TrimEnd('/');
        string Contract(int id) => $"{root}/Contracts/Details/{id}";
        var events = new List<CalendarEvent>();
        foreach (var e in report.Ending)
            events.Add(new CalendarEvent($"contract-{e.ContractId}-end", e.LastDay,
                $"{e.Reference} ends", $"{e.Reference} {e.Title} ends on {Long(e.LastDay)}{(e.IsTerminated ? " (terminated)" : "")}.",
                Contract(e.ContractId)));
        foreach (var d in report.Decisions)
        {
            var k = d.KeyDate;
            var action = k.Action == KeyDateAction.DecideExtensionOrServeNotice ? "extend or serve notice" : "serve notice or re-procure";
            events.Add(new CalendarEvent($"contract-{k.ContractId}-notice", k.NoticeDeadline,
                $"{k.Reference}: last day to serve notice",
                $"{k.Reference} {d.Title}: {k.NoticePeriodMonths} months' notice to end it on {Long(k.CurrentEndDate)} must be served by {Long(k.NoticeDeadline)}.",
                Contract(k.ContractId)));
            if (k.DecisionDeadline != k.NoticeDeadline)
                events.Add(new CalendarEvent($"contract-{k.ContractId}-decision", k.DecisionDeadline,
                    $"{k.Reference}: decide whether to {action}",
                    $"{k.Reference} {d.Title}: decide whether to {action} by {Long(k.DecisionDeadline)}: the notice deadline {Long(k.NoticeDeadline)} less {k.LeadTimeMonths} months' internal lead time.",
                    Contract(k.ContractId)));
        }
        foreach (var r in report.ReviewsDue)
            events.Add(new CalendarEvent($"contract-{r.ContractId}-review-{r.Year.StartYear}", r.Year.Start,
                $"{r.Reference}: {r.Year} annual value review due",
                $"{r.Reference} {r.Title} has no agreed value for {r.Year}, which starts on {Long(r.Year.Start)}.",
                $"{Contract(r.ContractId)}#annual-values"));
        return events.OrderBy(e => e.Date).ThenBy(e => e.Uid, StringComparer.Ordinal).ToList();
    }

    public static string Write(IEnumerable<CalendarEvent> events, string calendarName, string uidDomain, DateTime stampUtc)
    {
        var sb = new StringBuilder();
        void Line(string content) => Fold(sb, content);
        var stamp = stampUtc.ToUniversalTime().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//Commissioning register//Key dates//EN");
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:PUBLISH");
        Line("X-WR-CALNAME:" + Escape(calendarName));
        // Ask subscribers to look again twice a day (RFC 7986, and Outlook's own property).
        Line("REFRESH-INTERVAL;VALUE=DURATION:PT12H");
        Line("X-PUBLISHED-TTL:PT12H");
        foreach (var e in events)
        {
            Line("BEGIN:VEVENT");
            Line($"UID:{Escape(e.Uid)}@{Escape(uidDomain)}");
            Line("DTSTAMP:" + stamp);
            Line("DTSTART;VALUE=DATE:" + Date(e.Date));
            Line("DTEND;VALUE=DATE:" + Date(e.Date.AddDays(1)));
            Line("SUMMARY:" + Escape(e.Summary));
            Line("DESCRIPTION:" + Escape(e.Description + "\n" + e.Url));
            Line("URL:" + e.Url);
            // A key date is a reminder, not a meeting: it does not make anyone busy.
            Line("TRANSP:TRANSPARENT");
            Line("END:VEVENT");
        }
        Line("END:VCALENDAR");
        return sb.ToString();
    }

    /// <summary>TEXT escaping (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks.</summary>
    public static string Escape(string text) =>
        text.Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,").Replace("\r\n", "\\n").Replace("\n", "\\n").Replace("\r", "\\n");

    /// <summary>Writes a content line folded at 75 octets (RFC 5545 3.1), never inside a UTF-8 character.</summary>
    private static void Fold(StringBuilder sb, string line)
    {
        var octets = 0;
        for (var i = 0; i < line.Length; i++)
        {
            var width = char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1;
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, width));
            if (octets + size > MaxOctets)
            {
                sb.Append("\r\n ");
                // The leading space of a continuation line counts towards its 75 octets.
                octets = 1;
            }
            sb.Append(line, i, width);
            octets += size;
            i += width - 1;
        }
        sb.Append("\r\n");
    }

    private static string Date(DateOnly d) => d.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static string Long(DateOnly d) => Dates.Long(d);
}
