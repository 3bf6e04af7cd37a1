using Commissioning.Domain.Common;
using Commissioning.Infrastructure.Data;

namespace Commissioning.Infrastructure.Finance;

/// <summary>
/// Every contract's projections (<see cref="ContractSchedules"/>), kept between requests for as
/// long as the register has not changed (decision 0029). Each request reads the
/// <see cref="RegisterVersion"/> from the database first and uses what is held only when it was
/// computed at that very version; otherwise it computes them again, once for all the requests
/// waiting. Reading the version before the data means a change landing during a load leaves the
/// held copy at an older version, so the next request loads again: never stale, at worst loaded twice.
/// </summary>
public sealed class ScheduleCache
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private Held? _held;
    private int _loads;

    /// <summary>How many times the projections were computed (for tests: a second look at an unchanged register computes nothing).</summary>
    public int Loads => Volatile.Read(ref _loads);

    public async Task<IReadOnlyList<ScheduledContract>> GetAsync(CommissioningDbContext db, CancellationToken ct) =>
        (await HeldAsync(db, ct)).Schedules;

    /// <summary>The same projections by contract id (contracts withdrawn as entered in error are not among them).</summary>
    public async Task<IReadOnlyDictionary<int, ScheduledContract>> ByIdAsync(CommissioningDbContext db, CancellationToken ct) =>
        (await HeldAsync(db, ct)).ById;

    private async Task<Held> HeldAsync(CommissioningDbContext db, CancellationToken ct)
    {
        var version = await RegisterVersion.ReadAsync(db, ct);
        if (Volatile.Read(ref _held) is { } held && held.Version == version) return held;
        await _loading.WaitAsync(ct);
        try
        {
            if (_held is { } loaded && loaded.Version == version) return loaded;
            var schedules = await ContractSchedules.LoadAsync(db, ct);
            Interlocked.Increment(ref _loads);
            var fresh = new Held(version, schedules, schedules.ToDictionary(s => s.Id));
            Volatile.Write(ref _held, fresh);
            return fresh;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>
    /// Each contract's value over its current term (<see cref="ScheduledContract.CurrentTermTotal"/>), by id, from the
    /// projections held: the publishing pages and the OCDS feed ask on every request, so they must not rebuild them.
    /// </summary>
    public async Task<IReadOnlyDictionary<int, Money>> CurrentTermTotalsAsync(CommissioningDbContext db, CancellationToken ct) =>
        (await ByIdAsync(db, ct)).ToDictionary(c => c.Key, c => c.Value.CurrentTermTotal);

    /// <summary>Forgets what is held: for a database replaced under a running app (a test's reset), which writes no audit entry.</summary>
    public void Clear() => Volatile.Write(ref _held, null);

    private sealed record Held(RegisterVersion Version, IReadOnlyList<ScheduledContract> Schedules, IReadOnlyDictionary<int, ScheduledContract> ById);
}
