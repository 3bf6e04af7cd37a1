using System.Collections.Concurrent;
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
/// What else is worked out from the whole register (the public page's contracts, the feed's releases, the register's
/// order, key dates, the finance portfolio) is kept at its version too (<see cref="KeptAsync"/>, decisions 0039 and 0040).
/// </summary>
public sealed class ScheduleCache
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private Held? _held;
    private KeptAtVersion? _kept;
    private int _loads;

    /// <summary>How many times the projections were computed (for tests: a second look at an unchanged register computes nothing).</summary>
    public int Loads => Volatile.Read(ref _loads);

    /// <summary>How many times something was made to keep (<see cref="KeptAsync"/>), for the same tests.</summary>
    public int Made => Volatile.Read(ref _made);

    private int _made;

    /// <summary>
    /// The most things kept at one version: past it an answer is made and not kept, so a crawler walking every page of
    /// every list, or every search, cannot fill the memory between two saves.
    /// </summary>
    public const int MaxKept = 200;

    public async Task<IReadOnlyList<ScheduledContract>> GetAsync(CommissioningDbContext db, CancellationToken ct) =>
        (await HeldAsync(db, ct)).Schedules;

    /// <summary>The same projections by contract id (contracts withdrawn as entered in error are not among them).</summary>
    public async Task<IReadOnlyDictionary<int, ScheduledContract>> ByIdAsync(CommissioningDbContext db, CancellationToken ct) =>
        (await HeldAsync(db, ct)).ById;

    /// <summary>
    /// Something else worked out from the register, kept for as long as the register is unchanged (the public
    /// page's contracts, the OCDS feed's releases, the register's order, key dates, the finance portfolio): made by the
    /// first request to ask at this version, once, while any others asking for the same key wait for it. The key must
    /// name everything the thing depends on besides the register (the day, the user, the page asked for, people's
    /// names: <see cref="Identity.People.FingerprintAsync"/>). <paramref name="make"/> runs with the caller's context; if
    /// it is cancelled nothing is kept. Its data may be newer than the version it is kept under (a save landing while it
    /// runs), never older, so the next request after that save makes it again: never stale.
    /// </summary>
    public async Task<T> KeptAsync<T>(CommissioningDbContext db, string key, Func<CancellationToken, Task<T>> make, CancellationToken ct) where T : class
    {
        var kept = await KeptAtAsync(db, ct);
        if (kept.Values.TryGetValue(key, out var value)) return (T)value;
        if (kept.Values.Count >= MaxKept)
        {
            Interlocked.Increment(ref _made);
            return await make(ct);
        }
        var making = kept.Making.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await making.WaitAsync(ct);
        try
        {
            if (kept.Values.TryGetValue(key, out value)) return (T)value;
            var made = await make(ct);
            Interlocked.Increment(ref _made);
            kept.Values[key] = made;
            return made;
        }
        finally
        {
            making.Release();
        }
    }

    /// <summary>
    /// What is kept at the version read now. Apart from the projections, so that keeping an answer that needs no
    /// projections (the register's order, key dates) does not make the first request after a save compute them all.
    /// Two requests reading different versions (one just before a save, one after) may each put their own in place;
    /// either way a value is only ever used at the version it was made at.
    /// </summary>
    private async Task<KeptAtVersion> KeptAtAsync(CommissioningDbContext db, CancellationToken ct)
    {
        var version = await RegisterVersion.ReadAsync(db, ct);
        var kept = Volatile.Read(ref _kept);
        if (kept is not null && kept.Version == version) return kept;
        var fresh = new KeptAtVersion(version);
        var seen = Interlocked.CompareExchange(ref _kept, fresh, kept);
        return ReferenceEquals(seen, kept) ? fresh : seen is not null && seen.Version == version ? seen : fresh;
    }

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
    public void Clear()
    {
        Volatile.Write(ref _held, null);
        Volatile.Write(ref _kept, null);
    }

    private sealed record Held(RegisterVersion Version, IReadOnlyList<ScheduledContract> Schedules, IReadOnlyDictionary<int, ScheduledContract> ById);

    private sealed class KeptAtVersion(RegisterVersion version)
    {
        public RegisterVersion Version { get; } = version;
        public ConcurrentDictionary<string, object> Values { get; } = new();
        public ConcurrentDictionary<string, SemaphoreSlim> Making { get; } = new();
    }
}
