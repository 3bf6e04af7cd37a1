namespace Commissioning.Web.Forms;

/// <summary>A form that carries the version of the aggregate it was opened on (decision 0015).</summary>
public interface IVersionedForm
{
    Guid? Version { get; set; }
}

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

    /// <summary>
    /// Tells the person their save was refused because <paramref name="current"/> was saved by someone
    /// else. Other messages are dropped (they were about a version no longer current), what was typed is
    /// kept, and the form now carries the current version: saving again is a deliberate "keep mine".
    /// </summary>
    public static Conflict Report<T>(PageModel page, string noun, AuditedAggregate current, T yours, T saved,
        IEnumerable<(string Field, Func<T, string?> Read)> fields, string? message = null) where T : IVersionedForm
    {
        page.ModelState.Clear();
        page.ModelState.AddModelError("", message ?? $"This {noun} was changed by someone else after you opened it. Nothing has been saved.");
        yours.Version = current.Version;
        return new Conflict(noun, current.UpdatedBy, current.UpdatedAtUtc, Compare(yours, saved, fields));
    }
}
