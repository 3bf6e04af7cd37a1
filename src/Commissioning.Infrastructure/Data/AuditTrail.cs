using System.Globalization;
using System.Text.Json;
using Commissioning.Domain.Common;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Commissioning.Infrastructure.Data;

/// <summary>
/// Stamps who/when and a new version on every changed aggregate, and notes what changed.
/// A change to an owned part (a rate card line, a member) counts as a change to its aggregate,
/// so the aggregate's version moves and a concurrent edit of the parts is caught too.
/// </summary>
internal static class AuditTrail
{
    private static readonly HashSet<string> Ignored =
        [nameof(AuditedAggregate.CreatedAtUtc), nameof(AuditedAggregate.CreatedBy), nameof(AuditedAggregate.CreatedById),
         nameof(AuditedAggregate.UpdatedAtUtc), nameof(AuditedAggregate.UpdatedBy), nameof(AuditedAggregate.UpdatedById),
         nameof(AuditedAggregate.Version)];

    public static List<PendingAudit> Collect(ChangeTracker tracker, string user, string? userId, DateTime now)
    {
        tracker.DetectChanges();
        var roots = tracker.Entries<AuditedAggregate>().ToList();
        var pending = new Dictionary<AuditedAggregate, PendingAudit>(ReferenceEqualityComparer.Instance);

        foreach (var entry in roots.Where(e => e.State is EntityState.Added or EntityState.Modified))
        {
            var audit = Pending(pending, entry);
            if (entry.State == EntityState.Modified)
                foreach (var p in entry.Properties.Where(p => p.IsModified && !Ignored.Contains(p.Metadata.Name)))
                    audit.Add(p.Metadata.Name, p.OriginalValue, p.CurrentValue);
        }

        foreach (var part in tracker.Entries().Where(e => e.Metadata.IsOwned() && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted))
        {
            var ownership = part.Metadata.FindOwnership()!;
            var ownerId = part.Property(ownership.Properties[0].Name).CurrentValue;
            var owner = roots.FirstOrDefault(r => Equals(r.Property(nameof(Entity.Id)).CurrentValue, ownerId) && r.Entity.GetType().IsAssignableTo(ownership.PrincipalEntityType.ClrType));
            if (owner is null) continue;
            var audit = Pending(pending, owner);
            if (owner.State == EntityState.Added) continue;
            var name = ownership.PrincipalToDependent?.Name ?? part.Metadata.ShortName();
            audit.Add(name, part.State == EntityState.Added ? null : Describe(part, original: true),
                part.State == EntityState.Deleted ? null : Describe(part, original: false));
        }

        foreach (var (aggregate, audit) in pending)
        {
            if (audit.Entry.State == EntityState.Added) aggregate.StampCreated(user, now, userId);
            else aggregate.StampUpdated(user, now, userId);
            audit.User = user;
            audit.UserId = userId;
            audit.At = now;
        }
        return [.. pending.Values];
    }

    private static PendingAudit Pending(Dictionary<AuditedAggregate, PendingAudit> pending, EntityEntry<AuditedAggregate> entry)
    {
        if (!pending.TryGetValue(entry.Entity, out var audit))
            pending[entry.Entity] = audit = new PendingAudit(entry);
        return audit;
    }

    private static string Describe(EntityEntry part, bool original) =>
        string.Join(", ", part.Properties
            .Where(p => !p.Metadata.IsKey() && !p.Metadata.IsForeignKey() || p.Metadata.Name == "ProviderId")
            .Select(p => $"{p.Metadata.Name}: {Format(original ? p.OriginalValue : p.CurrentValue)}"));

    internal static string? Format(object? value) => value switch
    {
        null => null,
        DateOnly d => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        // A list held in one column (a cover sheet's recommendations or answers): its contents, not its type name.
        System.Collections.IEnumerable and not string => JsonSerializer.Serialize(value, ListFormat),
        _ => value.ToString(),
    };

    private static readonly JsonSerializerOptions ListFormat = new()
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = Config.JsonLists.StoredOnlyResolver,
    };
}

internal sealed class PendingAudit(EntityEntry<AuditedAggregate> entry)
{
    private readonly List<object> _changes = [];

    public EntityEntry<AuditedAggregate> Entry { get; } = entry;
    public bool IsNew { get; } = entry.State == EntityState.Added;
    public string User { get; set; } = "";
    public string? UserId { get; set; }
    public DateTime At { get; set; }

    public void Add(string field, object? from, object? to) =>
        _changes.Add(new { field, from = AuditTrail.Format(from), to = AuditTrail.Format(to) });

    public AuditEntry ToEntry() => new()
    {
        EntityType = Entry.Metadata.GetRootType().ClrType.Name,
        // Read through the entry: a new row's id is known to it before the save is accepted.
        EntityId = (int)Entry.Property(nameof(Entity.Id)).CurrentValue!,
        Action = IsNew ? "Created" : "Updated",
        Changes = JsonSerializer.Serialize(_changes),
        ChangedBy = User,
        ChangedById = UserId,
        ChangedAtUtc = At,
    };
}
