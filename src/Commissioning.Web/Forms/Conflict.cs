namespace Commissioning.Web.Forms;

/// <summary>A stale save: who saved in between, when, and where their version and yours differ.</summary>
public sealed record Conflict(string Noun, string ChangedBy, DateTime ChangedAtUtc, IReadOnlyList<(string Field, string Yours, string Saved)> Differences)
{
    /// <summary>The button that saves again, as the page words it; null where a page has several.</summary>
    public string? SaveButton { get; init; } = "Save changes";

    /// <summary>Compares two versions of a form field by field, keeping the rows that differ.</summary>
    public static IReadOnlyList<(string Field, string Yours, string Saved)> Compare<T>(T yours, T saved, IEnumerable<(string Field, Func<T, string?> Read)> fields) =>
        fields.Select(f => (f.Field, Yours: f.Read(yours) ?? "", Saved: f.Read(saved) ?? ""))
            .Where(r => !string.Equals(r.Yours, r.Saved, StringComparison.Ordinal))
            .ToList();
}
