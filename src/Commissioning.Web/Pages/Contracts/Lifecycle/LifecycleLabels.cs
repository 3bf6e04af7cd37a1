using System.Globalization;
using Commissioning.Domain.Lifecycle;

namespace Commissioning.Web.Pages.Contracts.Lifecycle;

/// <summary>The commissioners' words for lifecycle events and the rules applied to them.</summary>
public static class LifecycleLabels
{
    public static string Of(ContractEventKind k) => k switch
    {
        ContractEventKind.ExtensionExercised => "Extension option exercised",
        ContractEventKind.Variation => "Variation",
        ContractEventKind.NegotiatedContinuation => "Negotiated continuation",
        _ => "Termination",
    };

    public static string Of(TerminationKind k) => k switch
    {
        TerminationKind.Notice => "By notice",
        TerminationKind.Breach => "For breach",
        TerminationKind.Agreement => "By agreement",
        _ => "Natural expiry",
    };

    public static string Of(ContinuationStatus s) => s == ContinuationStatus.Approved ? "Approved" : "Draft: waiting for approval";

    /// <summary>Which rule decided the change notice question, named so the commissioner can check it.</summary>
    public static string Of(ChangeNoticeRule r) => r switch
    {
        ChangeNoticeRule.LightTouchContract => "Light-touch contract rule (social care and health services)",
        ChangeNoticeRule.MoreThanTenPercent => "Ten per cent rule: value or term moved by more than 10%",
        ChangeNoticeRule.WithinTenPercent => "Ten per cent rule: value and term each moved by 10% or less",
        _ => "Value change with no value before to measure it against",
    };

    /// <summary>"Value and term", from the flags a variation changes.</summary>
    public static string Of(VariationChange c)
    {
        var parts = new List<string>();
        if (c.HasFlag(VariationChange.Value)) parts.Add("value");
        if (c.HasFlag(VariationChange.Term)) parts.Add("term");
        if (c.HasFlag(VariationChange.Scope)) parts.Add("scope");
        if (c.HasFlag(VariationChange.Parties)) parts.Add("parties");
        if (parts.Count == 0) return "Nothing";
        var text = parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1];
        return char.ToUpperInvariant(text[0]) + text[1..];
    }

    /// <summary>A signed percentage: "+12.5%", "-3%", or "not measurable" without a base.</summary>
    public static string Percent(decimal? p) => p is { } v
        ? (v > 0 ? "+" : "") + v.ToString("0.##", CultureInfo.GetCultureInfo("en-GB")) + "%"
        : "not measurable";
}
