using Commissioning.Domain.Contracts;

namespace Commissioning.Domain.Lifecycle;

/// <summary>Which rule decided whether a variation needs a published change notice.</summary>
public enum ChangeNoticeRule
{
    /// <summary>A light-touch (social care or health) contract: no change notice.</summary>
    LightTouchContract,
    /// <summary>The value or the term moved by more than 10%: warn that a change notice is likely needed.</summary>
    MoreThanTenPercent,
    /// <summary>Value and term moved by 10% or less: no change notice under the simplified rule.</summary>
    WithinTenPercent,
    /// <summary>The value changed but there was no value before to measure it against (a spot contract without an estimate): warn.</summary>
    ValueChangeNotMeasurable,
}

/// <summary>
/// Whether a variation should carry a warning that a contract change notice must be published.
/// <para>
/// SIMPLIFICATION, named "the ten per cent change notice rule": a reading of the Procurement Act 2023
/// (section 74, contract change notices, with its exemptions). It is not legal advice and not the whole
/// Act. It applies, in order:
/// 1. a light-touch contract (our social care and health service categories, everything but
///    <see cref="ServiceCategory.Other"/>) needs no change notice;
/// 2. otherwise a change of more than 10% in the annual value (as a share of the value before; the Act
///    speaks of the estimated contract value, and the annual value is used as its proxy) or in the term
///    (the days added or removed as a share of the maximum term before the variation; the Act speaks of
///    the maximum term provided for on award) warns that a change notice is likely required;
/// 3. otherwise there is no warning.
/// Works contracts (15%), the Act's other exemptions and modifications that are not permitted at all are
/// not modelled; a change of scope or parties alone is not assessed and the explanation says so.
/// It is always a warning to the commissioner, never a refusal.
/// </para>
/// </summary>
public sealed record ChangeNoticeAssessment(bool Warn, ChangeNoticeRule Rule, string Explanation)
{
    public const decimal ThresholdPercent = 10m;

    /// <summary>The service categories the light-touch regime covers, in this simplification.</summary>
    public static bool IsLightTouch(ServiceCategory category) => category != ServiceCategory.Other;

    public static ChangeNoticeAssessment Assess(ServiceCategory category, VariationChange changes,
        long? valueBeforePence, long? valueAfterPence, int termChangeDays, int maximumTermDaysBefore)
    {
        var unassessed = (changes & (VariationChange.Scope | VariationChange.Parties)) != 0
            ? " A change of scope or parties is not assessed by this rule: check it with legal services."
            : "";
        if (IsLightTouch(category))
            return new(false, ChangeNoticeRule.LightTouchContract,
                "No change notice: this is a light-touch social care or health services contract, which the simplified Procurement Act 2023 rule exempts." + unassessed);

        var valueChanged = changes.HasFlag(VariationChange.Value) && valueAfterPence != valueBeforePence;
        if (valueChanged && valueBeforePence is null or 0)
            return new(true, ChangeNoticeRule.ValueChangeNotMeasurable,
                "Change notice likely required: the value changed but there was no value before to measure the change against." + unassessed);

        var valueOver = valueChanged && Math.Abs(valueAfterPence!.Value - valueBeforePence!.Value) * 10 > valueBeforePence.Value;
        var termOver = maximumTermDaysBefore > 0 && (long)Math.Abs(termChangeDays) * 10 > maximumTermDaysBefore;
        if (valueOver || termOver)
        {
            var what = (valueOver, termOver) switch { (true, true) => "the value and the term", (true, false) => "the value", _ => "the term" };
            return new(true, ChangeNoticeRule.MoreThanTenPercent,
                $"Change notice likely required: {what} moved by more than {ThresholdPercent}% (simplified Procurement Act 2023 rule). This is a warning, not a refusal." + unassessed);
        }
        return new(false, ChangeNoticeRule.WithinTenPercent,
            $"No change notice: the value and the term each moved by {ThresholdPercent}% or less (simplified Procurement Act 2023 rule)." + unassessed);
    }

    /// <summary>A change as a percentage of a base, rounded to two places; null when there is no base.</summary>
    public static decimal? Percent(long change, long? basis) =>
        basis is null or 0 ? null : decimal.Round(change * 100m / basis.Value, 2, MidpointRounding.AwayFromZero);
}
