using Commissioning.Domain.Contracts;
using Commissioning.Domain.Governance;
using Commissioning.Domain.Lifecycle;
using Commissioning.Infrastructure.Data;
using Commissioning.Infrastructure.Finance;
using Commissioning.Infrastructure.Identity;
using DomainKeyDates = Commissioning.Domain.Lifecycle.KeyDates;

namespace Commissioning.Infrastructure.KeyDates;

/// <summary>Which contracts a report covers: everyone's, or those naming one user as responsible commissioner.</summary>
public sealed record KeyDatesScope
{
    private KeyDatesScope(string? userId, bool hasContracts) => (UserId, HasContracts) = (userId, hasContracts);

    public static readonly KeyDatesScope All = new(null, true);

    /// <summary>The contracts whose responsible commissioner is this user (by account id, whatever their name).</summary>
    public static async Task<KeyDatesScope> ForCommissionerAsync(CommissioningDbContext db, string userId, CancellationToken ct) =>
        new(userId, await db.Contracts.AnyAsync(c => c.WithdrawnAtUtc == null && c.ResponsibleCommissionerId == userId, ct));

    /// <summary>The user whose contracts these are; null for every contract.</summary>
    public string? UserId { get; }

    /// <summary>False when no contract in the register names the user.</summary>
    public bool HasContracts { get; }

    public bool IsAll => UserId is null;
}

/// <summary>0–3, 3–6, 6–12 and 12–18 months: each bucket ends on the same date that many months ahead.</summary>
public enum EndingBucket { ThreeMonths, SixMonths, TwelveMonths, EighteenMonths }

/// <summary>A contract whose last day falls in the next 18 months.</summary>
public sealed record EndingContract(int ContractId, string Reference, string Title, string ResponsibleCommissioner,
    DateOnly LastDay, EndingBucket Bucket, bool IsTerminated, bool HasSuccessor);

/// <summary>A contract past its end in the last year with neither a renewal nor a termination recorded.</summary>
public sealed record EndedContract(int ContractId, string Reference, string Title, string ResponsibleCommissioner, DateOnly EndDate);

/// <summary>A notice-or-extension deadline, with the contract's title and owner for the lists.</summary>
public sealed record DecisionToMake(KeyDate KeyDate, string Title, string ResponsibleCommissioner)
{
    public int ContractId => KeyDate.ContractId;
    public string Reference => KeyDate.Reference;
}

/// <summary>A contract decision not yet approved, and the next step of its route still waiting for an outcome.</summary>
public sealed record GovernanceWait(int DecisionId, DecisionKind Kind, string DecisionTitle, int ContractId, string Reference, string ContractTitle,
    string ResponsibleCommissioner, string? BodyName, DateOnly? StepDate, GovernanceAction? Action, string Missing);

public sealed record KeyDatesReport(
    DateOnly Today,
    int LeadTimeMonths,
    KeyDatesScope Scope,
    IReadOnlyList<EndingContract> Ending,
    IReadOnlyList<EndedContract> EndedUnresolved,
    IReadOnlyList<DecisionToMake> Decisions,
    IReadOnlyList<ReviewDue> ReviewsDue,
    IReadOnlyList<GovernanceWait> Governance)
{
    public IEnumerable<EndingContract> InBucket(EndingBucket bucket) => Ending.Where(e => e.Bucket == bucket);

    public bool IsEmpty => Ending.Count == 0 && EndedUnresolved.Count == 0 && Decisions.Count == 0 && ReviewsDue.Count == 0 && Governance.Count == 0;
}

/// <summary>
/// The key dates of the dashboard, the calendar feed and the daily digest, all from this one query.
/// Contracts count once they are awarded; a withdrawn one never does; a superseded contract (its renewal has started) and one
/// terminated before today are over and left out. A contract with a renewal or a termination recorded
/// still shows where it ends, but has no decision left to make.
/// </summary>
public static class KeyDatesQuery
{
    public const int HorizonMonths = 18;
    public const int EndedLookBackMonths = 12;

    /// <summary>The last day of each bucket, counting months on from today (31 March + 3 months is 30 June).</summary>
    public static DateOnly BucketEnd(DateOnly today, EndingBucket bucket) => today.AddMonths(bucket switch
    {
        EndingBucket.ThreeMonths => 3,
        EndingBucket.SixMonths => 6,
        EndingBucket.TwelveMonths => 12,
        _ => HorizonMonths,
    });

    /// <summary>The bucket of a last day from today up to 18 months ahead; null outside that window.</summary>
    public static EndingBucket? BucketOf(DateOnly today, DateOnly lastDay)
    {
        if (lastDay < today) return null;
        foreach (var bucket in Enum.GetValues<EndingBucket>())
            if (lastDay <= BucketEnd(today, bucket)) return bucket;
        return null;
    }

    public static async Task<KeyDatesReport> LoadAsync(CommissioningDbContext db, DateOnly today, KeyDatesScope scope, int leadTimeMonths,
        CancellationToken ct, bool wholeFuture = false)
    {
        // A contract withdrawn as entered in error is not in the register at all.
        var all = db.Contracts.AsNoTracking().Where(c => c.WithdrawnAtUtc == null);
        var inScope = scope.UserId is { } userId ? all.Where(c => c.ResponsibleCommissionerId == userId) : all;
        var people = await People.NamesAsync(db, ct);
        // Over: terminated before today, or superseded by a renewal that has started (the status rule, worked out in SQL).
        var live = inScope.Where(c => c.AwardedOn != null
            && !new[] { ContractStatus.Terminated, ContractStatus.Superseded }.Contains(ContractQueries.Status.Invoke(c, all, today))).Expand();

        var horizon = today.AddMonths(HorizonMonths);
        var endedSince = today.AddMonths(-EndedLookBackMonths);
        // The feed lists every date to come; the page and the digest look 18 months ahead. Either way a
        // decision deadline lies at most notice + lead time before the end, so the end bounds the search.
        // (A month more for the month-end arithmetic.)
        var decisionsUntil = wholeFuture ? DateOnly.MaxValue : horizon.AddMonths(Contract.MaxNoticeMonths + leadTimeMonths + 1);
        var endsUntil = wholeFuture ? DateOnly.MaxValue : horizon;

        var rows = await live
            .Where(c => (c.TerminatedOn ?? c.CurrentEndDate) >= endedSince && (c.TerminatedOn ?? c.CurrentEndDate) <= decisionsUntil)
            .Select(c => new
            {
                c.Id, c.Reference, c.Title, c.ResponsibleCommissionerId, c.HistoricCommissionerName, c.CurrentEndDate, c.NoticePeriodMonths, c.TerminatedOn,
                HasSuccessor = all.Any(n => n.PredecessorId == c.Id),
                HasOptionLeft = c.ExtensionOptions.Any(o => !o.IsExercised),
            })
            .ToListAsync(ct);

        var ending = new List<EndingContract>();
        var ended = new List<EndedContract>();
        var decisions = new List<DecisionToMake>();
        foreach (var c in rows)
        {
            var commissioner = People.Commissioner(people, c.ResponsibleCommissionerId, c.HistoricCommissionerName);
            var lastDay = c.TerminatedOn is { } t && t < c.CurrentEndDate ? t : c.CurrentEndDate;
            if (lastDay >= today && lastDay <= endsUntil)
            {
                var bucket = BucketOf(today, lastDay);
                ending.Add(new EndingContract(c.Id, c.Reference, c.Title, commissioner, lastDay,
                    bucket ?? EndingBucket.EighteenMonths, c.TerminatedOn is not null, c.HasSuccessor));
            }
            else if (lastDay < today && c.TerminatedOn is null && !c.HasSuccessor)
                ended.Add(new EndedContract(c.Id, c.Reference, c.Title, commissioner, c.CurrentEndDate));

            // A renewal or a termination on record is the decision already taken.
            if (c.TerminatedOn is not null || c.HasSuccessor || c.CurrentEndDate < today) continue;
            var key = new KeyDate(c.Id, c.Reference, c.CurrentEndDate, c.NoticePeriodMonths, leadTimeMonths,
                Contract.LatestNoticeDate(c.CurrentEndDate, c.NoticePeriodMonths),
                DomainKeyDates.DecisionDeadline(c.CurrentEndDate, c.NoticePeriodMonths, leadTimeMonths),
                c.HasOptionLeft ? KeyDateAction.DecideExtensionOrServeNotice : KeyDateAction.ServeNoticeOrReProcure, today);
            if (wholeFuture || key.DecisionDeadline <= horizon)
                decisions.Add(new DecisionToMake(key, c.Title, commissioner));
        }

        var withdrawn = await db.Contracts.AsNoTracking().Where(c => c.WithdrawnAtUtc != null).Select(c => c.Id).ToListAsync(ct);
        var reviews = (await ReviewsDue.ListAsync(db, today, ct))
            // The same person as the SQL filter above finds: ids compared as SQL Server compares them.
            .Where(r => (scope.UserId is not { } id || SqlText.Same(r.ResponsibleCommissionerId, id)) && !withdrawn.Contains(r.ContractId))
            .ToList();

        return new KeyDatesReport(today, leadTimeMonths, scope,
            ending.OrderBy(e => e.LastDay).ThenBy(e => e.Reference, StringComparer.Ordinal).ToList(),
            ended.OrderBy(e => e.EndDate).ThenBy(e => e.Reference, StringComparer.Ordinal).ToList(),
            // The domain's order: overdue first (most overdue at the top), then soonest first.
            decisions.OrderByDescending(d => d.KeyDate.IsOverdue).ThenBy(d => d.KeyDate.DecisionDeadline)
                .ThenBy(d => d.Reference, StringComparer.Ordinal).ToList(),
            reviews,
            await GovernanceAsync(db, inScope, people, ct));
    }

    private static async Task<IReadOnlyList<GovernanceWait>> GovernanceAsync(CommissioningDbContext db, IQueryable<Contract> inScope,
        IReadOnlyDictionary<string, string> people, CancellationToken ct)
    {
        // Only decisions that may still lack an approval; the approval rule itself is the domain's.
        // Tracked, so the owned steps come back in route order.
        var decisions = await db.ContractDecisions
            .Where(d => inScope.Any(c => c.Id == d.ContractId)
                        && (d.Steps.Any(s => (s.Action == GovernanceAction.Approve || s.Action == GovernanceAction.Decide) && s.Outcome != StepOutcome.Approved)
                            || !d.Steps.Any(s => s.Action == GovernanceAction.Approve || s.Action == GovernanceAction.Decide)))
            .ToListAsync(ct);
        var waiting = decisions.Where(d => !d.IsApproved).ToList();
        if (waiting.Count == 0) return [];

        var ids = waiting.Select(d => d.ContractId).Distinct().ToList();
        var contracts = await inScope.Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.Reference, c.Title, c.ResponsibleCommissionerId, c.HistoricCommissionerName })
            .ToDictionaryAsync(c => c.Id, ct);

        return waiting
            .Select(d =>
            {
                var next = d.Steps.OrderBy(s => s.Position).FirstOrDefault(s => s.Outcome == StepOutcome.Pending);
                var c = contracts[d.ContractId];
                return new GovernanceWait(d.Id, d.Kind, d.Title, c.Id, c.Reference, c.Title,
                    People.Commissioner(people, c.ResponsibleCommissionerId, c.HistoricCommissionerName),
                    next?.BodyName, next?.Date, next?.Action, d.MissingApprovals()[0].Description);
            })
            // Those with a step to come in date order, then those with nothing pending (a route to complete).
            .OrderBy(g => g.StepDate is null).ThenBy(g => g.StepDate).ThenBy(g => g.Reference, StringComparer.Ordinal).ThenBy(g => g.DecisionId)
            .ToList();
    }
}
