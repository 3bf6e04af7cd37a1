using Commissioning.Domain.Common;

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

/// <summary>What <see cref="VersionedChange.ChangeVersionedAsync{T}"/> came to.</summary>
public enum ChangeOutcome
{
    /// <summary>Changed and saved; <see cref="VersionedChangeResult.Done"/> says what was done.</summary>
    Saved,
    /// <summary>Someone else saved the aggregate after the form was opened (or as it was saved).</summary>
    Stale,
    /// <summary>The aggregate refused the change; <see cref="VersionedChangeResult.Refusal"/> says why.</summary>
    Refused,
    /// <summary>The change named a part (a route step, an agenda item) that is no longer there.</summary>
    PartGone,
}

public sealed record VersionedChangeResult(ChangeOutcome Outcome, string? Done = null, BusinessRuleException? Refusal = null);

/// <summary>
/// One change to one aggregate, made through its own methods, over the version the page showed
/// (decision 0015). Pages whose buttons each make a small change (a route step, an agenda item)
/// share this instead of each writing out check, change, refuse and save.
/// </summary>
public static class VersionedChange
{
    /// <summary>
    /// Applies <paramref name="change"/> to the tracked <paramref name="aggregate"/> if it still has the
    /// version <paramref name="startedFrom"/>, and saves it over that version. On any refusal nothing is
    /// saved and the context is cleared, so the page reads the aggregate afresh to show it again.
    /// </summary>
    public static async Task<VersionedChangeResult> ChangeVersionedAsync<T>(this CommissioningDbContext db, T aggregate, Guid? startedFrom,
        Func<T, string> change, CancellationToken ct = default) where T : AuditedAggregate
    {
        var result = startedFrom == aggregate.Version ? Apply(aggregate, change) : new(ChangeOutcome.Stale);
        if (result.Outcome == ChangeOutcome.Saved && (await db.SaveVersionedAsync(aggregate, startedFrom, ct)).IsStale)
            result = new(ChangeOutcome.Stale);
        if (result.Outcome != ChangeOutcome.Saved) db.ChangeTracker.Clear();
        return result;
    }

    private static VersionedChangeResult Apply<T>(T aggregate, Func<T, string> change)
    {
        try
        {
            return new(ChangeOutcome.Saved, Done: change(aggregate));
        }
        catch (BusinessRuleException e)
        {
            return new(ChangeOutcome.Refused, Refusal: e);
        }
        catch (ArgumentException)
        {
            // Positions come from the page as it was shown; the part may have gone since.
            return new(ChangeOutcome.PartGone);
        }
    }
}
