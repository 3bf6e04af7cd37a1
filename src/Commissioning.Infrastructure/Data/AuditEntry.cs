namespace Commissioning.Infrastructure.Data;

/// <summary>
/// One saved change to an aggregate: what changed from what to what, by whom, when (UTC).
/// Written in the same transaction as the change itself.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public string EntityType { get; set; } = "";
    public int EntityId { get; set; }
    public string Action { get; set; } = "";
    /// <summary>JSON list of { field, from, to }.</summary>
    public string Changes { get; set; } = "[]";
    /// <summary>Who, by name as it was then: a person's display name, or "system".</summary>
    public string ChangedBy { get; set; } = "";
    /// <summary>Their account id; null for start-up work.</summary>
    public string? ChangedById { get; set; }
    public DateTime ChangedAtUtc { get; set; }
}
