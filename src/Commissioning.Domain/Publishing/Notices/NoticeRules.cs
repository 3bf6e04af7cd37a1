using Commissioning.Domain.Common;
using Commissioning.Domain.Lifecycle;

namespace Commissioning.Domain.Publishing.Notices;

// The duties of the Procurement Act 2023 the register tracks, each a named rule (decision 0033). A SIMPLIFICATION for
// officers' reminders, not legal advice: the Act's other notices and exemptions are not modelled.

/// <summary>One duty: the notices a contract owes under it, without their status.</summary>
public interface INoticeRule
{
    IEnumerable<NoticeDue> Owed(NoticeFacts facts, NoticeSettings settings);
}

/// <summary>
/// "Procured under the Procurement Act 2023": as recorded on the contract; otherwise a contract awarded (or, without an
/// award date, starting) on or after 24 February 2025. A procurement begun before then and awarded after is under the old
/// regulations: the officer records "No" for it.
/// </summary>
public static class ProcurementActAppliesRule
{
    public static bool Applies(NoticeContract c, NoticeSettings s) => c.ProcuredUnderAct ?? (c.AwardedOn ?? c.StartDate) >= s.InForceFrom;

    /// <summary>True when <see cref="Applies"/> was worked out from the dates, not recorded.</summary>
    public static bool IsWorkedOut(NoticeContract c) => c.ProcuredUnderAct is null;
}

/// <summary>Light-touch: as recorded, otherwise the variation rule's own reading of the service category (every care and health category).</summary>
public static class LightTouchRule
{
    public static bool IsLightTouch(NoticeContract c) => c.LightTouch ?? ChangeNoticeAssessment.IsLightTouch(c.ServiceCategory);
}

/// <summary>
/// The Act's "estimated value": what the contract is worth over its maximum term (every extension option), from the annual
/// value it was let at: the annual value for each whole year, a twelfth of it for each further whole month, and the days
/// left pro rata over 365, rounded to the penny. Unknown for a spot contract without an estimate.
/// </summary>
public static class EstimatedValueRule
{
    public static Money? OverMaximumTerm(Money? annual, DateOnly start, DateOnly maximumEnd)
    {
        if (annual is not { } a || maximumEnd < start) return null;
        var months = 0;
        var dayAfter = maximumEnd.AddDays(1);
        while (start.AddMonths(months + 1) <= dayAfter) months++;
        var days = dayAfter.DayNumber - start.AddMonths(months).DayNumber;
        var pounds = a.Amount * months / 12m + a.Amount * days / 365m;
        return Money.Pounds(decimal.Round(pounds, 2, MidpointRounding.AwayFromZero));
    }

    public static Money? Of(NoticeContract c) => OverMaximumTerm(c.AnnualValue, c.StartDate, c.MaximumEndDate);

    /// <summary>Over the threshold, not at it: £5,000,000.00 is not over £5 million, £5,000,000.01 is.</summary>
    public static bool IsOverThreshold(Money? estimated, NoticeSettings s) => estimated is { } v && v > s.HighValueThreshold;
}

/// <summary>A period "of N days beginning with the day" of an event: its last day is the event's day + N − 1.</summary>
public static class NoticePeriod
{
    public static DateOnly LastDay(DateOnly eventDay, int days) => eventDay.AddDays(days - 1);
}

/// <summary>
/// Contract details notice (section 53): within 30 days beginning with the day the contract is entered into, 120 for a
/// light-touch contract. Over £5 million it also owes a copy of the contract and three KPIs.
/// </summary>
public sealed class ContractDetailsNoticeRule : INoticeRule
{
    public const string Key = "details";

    public IEnumerable<NoticeDue> Owed(NoticeFacts facts, NoticeSettings settings)
    {
        var c = facts.Contract;
        if (!ProcurementActAppliesRule.Applies(c, settings) || c.EnteredOn is not { } entered) yield break;
        var lightTouch = LightTouchRule.IsLightTouch(c);
        var days = lightTouch ? settings.LightTouchContractDetailsDays : settings.ContractDetailsDays;
        var what = c.EnteredIntoOn is null ? "Awarded (taken as entered into)" : "Entered into";
        yield return new NoticeDue(c.ContractId, NoticeKind.ContractDetails, Key, $"{what} on {Dates.Long(entered)}", entered,
            NoticePeriod.LastDay(entered, days), entered, entered, "the contract was entered into",
            $"Within {days} days of entering into the contract{(lightTouch ? " (light-touch)" : "")}")
        {
            NeedsContractCopyAndKpis = EstimatedValueRule.IsOverThreshold(EstimatedValueRule.Of(c), settings),
        };
    }
}

/// <summary>
/// Contract change notice (section 75): before a modification takes effect, so by the day before the variation's date. Not
/// for a light-touch contract, nor for a variation the ten per cent rule (<see cref="ChangeNoticeAssessment"/>) passed.
/// </summary>
public sealed class ContractChangeNoticeRule : INoticeRule
{
    public static string KeyFor(int variationId) => $"variation-{variationId}";

    public IEnumerable<NoticeDue> Owed(NoticeFacts facts, NoticeSettings settings)
    {
        var c = facts.Contract;
        if (!ProcurementActAppliesRule.Applies(c, settings) || LightTouchRule.IsLightTouch(c)) yield break;
        var earliest = c.EnteredOn ?? c.StartDate;
        foreach (var v in facts.Variations.Where(NeedsNotice).OrderBy(v => v.EventDate).ThenBy(v => v.EventId))
            yield return new NoticeDue(c.ContractId, NoticeKind.ContractChange, KeyFor(v.EventId),
                $"Variation under {v.Clause} on {Dates.Long(v.EventDate)}", v.EventDate, v.EventDate.AddDays(-1), earliest, earliest,
                "the contract was entered into", "Before the modification: more than 10% of value or term");
    }

    /// <summary>
    /// The variation rule's verdict. One it passed only as light-touch (by its service category) on a contract since recorded
    /// as not light-touch is judged again on its figures: the value exactly, the term by its recorded percentage.
    /// </summary>
    public static bool NeedsNotice(NoticeVariation v)
    {
        if (v.Rule != ChangeNoticeRule.LightTouchContract) return v.Warned;
        var valueChanged = v.ValueAfterPence != v.ValueBeforePence;
        if (valueChanged && v.ValueBeforePence is null or 0) return true;
        var valueOver = valueChanged && Math.Abs(v.ValueAfterPence!.Value - v.ValueBeforePence!.Value) * 10 > v.ValueBeforePence.Value;
        var termOver = Math.Abs(v.TermChangePercent ?? 0m) > ChangeNoticeAssessment.ThresholdPercent;
        return valueOver || termOver;
    }
}

/// <summary>
/// Contract termination notice (section 80): within 30 days beginning with the contract's last day in force, whether it was
/// terminated early or ran to its end. Light-touch contracts owe it too; a "user choice" direct award does not.
/// </summary>
public sealed class ContractTerminationNoticeRule : INoticeRule
{
    public const string Key = "termination";

    public IEnumerable<NoticeDue> Owed(NoticeFacts facts, NoticeSettings settings)
    {
        var c = facts.Contract;
        if (!ProcurementActAppliesRule.Applies(c, settings) || c.UserChoiceDirectAward || c.EnteredOn is null) yield break;
        var last = c.LastDay;
        var what = c.TerminatedOn is not null
            ? $"Terminated, last day {Dates.Long(last)}{(string.IsNullOrWhiteSpace(c.TerminationReason) ? "" : ": " + c.TerminationReason)}"
            : $"Ends at the end of its term, {Dates.Long(last)}";
        yield return new NoticeDue(c.ContractId, NoticeKind.ContractTermination, Key, what, last,
            NoticePeriod.LastDay(last, settings.TerminationDays), last, last, "the contract's last day", $"Within {settings.TerminationDays} days of the end");
    }
}

/// <summary>
/// Contract performance notice (section 71): at least every 12 months of the term, counted from the start and then from
/// each notice published, for a contract over £5 million that is not light-touch. None falls due after the last day.
/// </summary>
public sealed class ContractPerformanceNoticeRule : INoticeRule
{
    public const string KeyPrefix = "performance-";
    private const int MaxNotices = 100;

    public static string KeyFor(DateOnly dueBy) => KeyPrefix + dueBy.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public IEnumerable<NoticeDue> Owed(NoticeFacts facts, NoticeSettings settings)
    {
        var c = facts.Contract;
        if (!ProcurementActAppliesRule.Applies(c, settings) || LightTouchRule.IsLightTouch(c) || c.EnteredOn is null
            || !EstimatedValueRule.IsOverThreshold(EstimatedValueRule.Of(c), settings)) yield break;
        var published = facts.Published.Where(p => p.Kind == NoticeKind.ContractPerformance).ToDictionary(p => p.EventKey);
        var from = c.StartDate;
        for (var i = 0; i < MaxNotices; i++)
        {
            var due = from.AddMonths(settings.PerformanceIntervalMonths);
            if (due > c.LastDay) yield break;
            var key = KeyFor(due);
            yield return new NoticeDue(c.ContractId, NoticeKind.ContractPerformance, key,
                $"Performance since {Dates.Long(from)}", from, due, due.AddMonths(-1), c.StartDate, "the contract started",
                $"At least every {settings.PerformanceIntervalMonths} months (over {settings.HighValueThreshold}, not light-touch)");
            if (!published.TryGetValue(key, out var p)) yield break;
            from = p.PublishedOn;
        }
    }
}
