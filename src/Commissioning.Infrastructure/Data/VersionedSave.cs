using Commissioning.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Infrastructure.Data;

/// <summary>
/// The one save of a form that edits an aggregate: it is saved only over the version the form
/// started from (decision 0015). Pages check the version early themselves, before validating, so
/// a stale form is usually caught without any work; this is the check that cannot be raced past.
/// </summary>
public static class VersionedSave
{
    /// <summary>
    /// Saves the changes made to the tracked <paramref name="aggregate"/> (and anything else the
    /// context tracks) if the stored aggregate still has the version <paramref name="startedFrom"/>.
    /// Otherwise nothing is saved, the context is cleared, and the result carries the aggregate as
    /// it is stored now. Database errors other than a stale version (a unique index) propagate.
    /// </summary>
    public static async Task<VersionedSaveResult<T>> SaveVersionedAsync<T>(this CommissioningDbContext db, T aggregate, Guid? startedFrom,
        CancellationToken ct = default) where T : AuditedAggregate
    {
        // A form that does not say which version it started from cannot be shown to be current.
        if (startedFrom is { } version)
        {
            // The UPDATE says WHERE Version = @original. The original is set to the form's version, not
            // whatever was loaded, so the database refuses the save whenever the two differ.
            db.Entry(aggregate).Property(a => a.Version).OriginalValue = version;
            try
            {
                await db.SaveChangesAsync(ct);
                return new(IsStale: false, aggregate);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone saved in between: fall through to forget this change and read theirs.
            }
        }
        db.ChangeTracker.Clear();
        var id = aggregate.Id;
        var current = await db.Set<T>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
        return new(IsStale: true, current);
    }
}

/// <summary>
/// What <see cref="VersionedSave.SaveVersionedAsync{T}"/> did: saved (<see cref="Current"/> is the
/// aggregate just saved), or stale (<see cref="Current"/> is the aggregate as someone else saved it,
/// untracked; null if it is no longer there).
/// </summary>
public sealed record VersionedSaveResult<T>(bool IsStale, T? Current) where T : AuditedAggregate;
