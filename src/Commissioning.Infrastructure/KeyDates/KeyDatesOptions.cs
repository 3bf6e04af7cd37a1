using Commissioning.Domain.Lifecycle;

namespace Commissioning.Infrastructure.KeyDates;

/// <summary>The "KeyDates" settings: how long before the notice deadline the council wants to decide.</summary>
public sealed class KeyDatesOptions
{
    public const string Section = "KeyDates";

    /// <summary>Internal lead time in months (e.g. 6 to re-procure), taken off the notice deadline.</summary>
    public int LeadTimeMonths { get; set; } = Domain.Lifecycle.KeyDates.DefaultLeadTimeMonths;

    /// <summary>The lead time if it is in range; a bad setting is refused at start-up, see <see cref="Validate"/>.</summary>
    public string? Validate() =>
        new LeadTimeMustBeInRangeRule(LeadTimeMonths) is var rule && rule.IsBroken() ? $"KeyDates:LeadTimeMonths: {rule.Message}" : null;
}
