using Commissioning.Domain.Governance;

namespace Commissioning.Web.Pages.Governance;

/// <summary>Option lists and phrases the governance pages share, so every page words them the same.</summary>
public static class GovernanceDisplay
{
    public static IEnumerable<(string Value, string Text, string? Hint)> BodyKinds =>
        Enum.GetValues<DecisionBodyKind>().Select(k => (k.ToString(), k.ToText(), (string?)null));

    public static IEnumerable<(string Value, string Text, string? Hint)> Actions =>
        Enum.GetValues<GovernanceAction>().Select(a => (a.ToString(), a.ToText(),
            a is GovernanceAction.Approve or GovernanceAction.Decide ? "An approval step: the decision needs this body's approval" : (string?)null));

    /// <summary>What a meeting can do with a paper; Pending is the absence of an outcome, not a choice.</summary>
    public static IEnumerable<(string Value, string Text, string? Hint)> Outcomes =>
        Enum.GetValues<StepOutcome>().Where(o => o != StepOutcome.Pending).Select(o => (o.ToString(), o.ToText(), (string?)null));

    public static IEnumerable<(string Value, string Text, string? Hint)> DecisionKinds =>
        Enum.GetValues<DecisionKind>().Select(k => (k.ToString(), k.ToText(), (string?)null));

    /// <summary>By name only: Enum.TryParse would also take "7" or "1,2".</summary>
    public static bool IsName<T>(string? text) where T : struct, Enum => text is not null && Enum.GetNames<T>().Contains(text);

    public static T? Parse<T>(string? text) where T : struct, Enum => IsName<T>(text) ? Enum.Parse<T>(text!) : null;

    /// <summary>"Approved on 15/02/2021", or "Waiting for: Cabinet on 24/03/2021 (asked to decide, outcome pending)".</summary>
    public static string ApprovalStatus(ContractDecision d) =>
        d.ApprovedOn is { } on ? $"Approved on {Dates.Long(on)}" : "Waiting for: " + string.Join("; ", d.MissingApprovals().Select(m => m.Description));

    public static string MeetingName(Meeting m) => $"{m.Title} on {Dates.Long(m.Date)}";

    /// <summary>A meeting in a drop-down: title, and the body when the title is not the body's name.</summary>
    public static string MeetingOption(Meeting m) =>
        m.Title == m.BodyName ? $"{Dates.Long(m.Date)} {m.Title}" : $"{Dates.Long(m.Date)} {m.Title} ({m.BodyName})";

    public static async Task<Dictionary<int, string>> ContractReferencesAsync(CommissioningDbContext db, IEnumerable<int> ids, CancellationToken ct)
    {
        var list = ids.Distinct().ToList();
        return await db.Contracts.AsNoTracking().Where(c => list.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Reference, ct);
    }
}
