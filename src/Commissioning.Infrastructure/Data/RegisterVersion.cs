namespace Commissioning.Infrastructure.Data;

/// <summary>
/// A cheap reading of "has anything in the register changed?", taken from the database on every
/// request so that it holds across several app instances. Every save writes audit entries in the
/// same transaction as the change (<see cref="CommissioningDbContext.SaveChangesAsync(bool, CancellationToken)"/>),
/// and the register deletes no audited row, so a new audit entry is the sign of any change. The
/// reading is the newest entry (id, time, what it was about) and how many entries lie in the
/// <see cref="Window"/> ids below it: SQL Server hands out identity values at insert, not at commit,
/// so a slow transaction can commit an id below one already read; its arrival still changes the
/// count. (SQLite has one writer at a time, so there ids commit in order.) Two seeks on the key.
/// </summary>
public sealed record RegisterVersion(long LastId, DateTime LastAtUtc, string LastType, int LastEntityId, int Recent)
{
    /// <summary>Far more than the saves that can be in flight at once.</summary>
    public const int Window = 1000;

    public static readonly RegisterVersion Empty = new(0, default, "", 0, 0);

    public static async Task<RegisterVersion> ReadAsync(CommissioningDbContext db, CancellationToken ct) =>
        await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id)
            .Select(a => new RegisterVersion(a.Id, a.ChangedAtUtc, a.EntityType, a.EntityId,
                db.AuditEntries.Count(b => b.Id > a.Id - Window)))
            .FirstOrDefaultAsync(ct) ?? Empty;
}
