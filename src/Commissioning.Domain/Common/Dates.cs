using System.Globalization;

namespace Commissioning.Domain.Common;

/// <summary>
/// How every date and time in the register reads, in one place (GOV.UK style): "1 April 2021" in
/// text, "1 Apr 2021" in dense tables, and moments in UK local time, GMT or BST as the day has it:
/// "1 April 2021 at 2:05pm". Stored moments are UTC; they are never shown as UTC.
/// </summary>
public static class Dates
{
    /// <summary>The UK's time zone. Without time-zone data (a container without tzdata) it falls back to UTC,
    /// which is an hour out in summer; <c>Dates_UkZoneIsLondon</c> fails on such a machine.</summary>
    public static readonly TimeZoneInfo UkZone =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out var zone) ? zone : TimeZoneInfo.Utc;

    // Fixed here rather than read from the culture: ICU's en-GB has "Sept" in some versions and "Sep" in others.
    private static readonly string[] ShortMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"];

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>1 April 2021.</summary>
    public static string Long(DateOnly d) => d.ToString("d MMMM yyyy", Invariant);

    public static string Long(DateOnly? d) => d is { } x ? Long(x) : "";

    /// <summary>1 Apr 2021: only in dense tables (the register, portfolio tables, the history timeline, key dates, agendas).</summary>
    public static string Short(DateOnly d) => $"{d.Day} {ShortMonths[d.Month - 1]} {d.Year}";

    public static string Short(DateOnly? d) => d is { } x ? Short(x) : "";

    /// <summary>The UK date of a stored UTC moment, in text: 1 April 2021.</summary>
    public static string Long(DateTime utc) => Long(UkDate(utc));

    /// <summary>The UK date of a stored UTC moment, in a dense table: 1 Apr 2021.</summary>
    public static string Short(DateTime utc) => Short(UkDate(utc));

    /// <summary>A stored UTC moment in UK local time: 1 April 2021 at 2:05pm.</summary>
    public static string At(DateTime utc) => $"{Long(UkDate(utc))} at {Time(ToUk(utc))}";

    /// <summary>As <see cref="At"/> for dense lists such as the history timeline: 1 Apr 2021 at 2:05pm.</summary>
    public static string ShortAt(DateTime utc) => $"{Short(UkDate(utc))} at {Time(ToUk(utc))}";

    /// <summary>The day a stored UTC moment falls on in the UK (23:30 UTC on 30 June is 1 July in BST).</summary>
    public static DateOnly UkDate(DateTime utc) => DateOnly.FromDateTime(ToUk(utc));

    /// <summary>Today in the UK at a given moment.</summary>
    public static DateOnly UkDate(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, UkZone).DateTime);

    /// <summary>01/03/2021: the Strategic Commissioning Board's cover sheet template, in its Governance and Reporting table.</summary>
    public static string Paper(DateOnly d) => d.ToString("dd'/'MM'/'yyyy", Invariant);

    /// <summary>01 March 2021: the cover sheet template's meeting date.</summary>
    public static string PaperLong(DateOnly d) => d.ToString("dd MMMM yyyy", Invariant);

    // Stored DateTimes are UTC; one read back without a kind is UTC too.
    private static DateTime ToUk(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(
        utc.Kind == DateTimeKind.Local ? utc.ToUniversalTime() : DateTime.SpecifyKind(utc, DateTimeKind.Utc), UkZone);

    // GOV.UK style: 2pm, 2:05pm, midday, midnight (never 14:05 or 12pm).
    private static string Time(DateTime t) => (t.Hour, t.Minute) switch
    {
        (0, 0) => "midnight",
        (12, 0) => "midday",
        var (h, m) => (h % 12 == 0 ? 12 : h % 12).ToString(Invariant) + (m == 0 ? "" : ":" + m.ToString("00", Invariant)) + (h < 12 ? "am" : "pm"),
    };
}
