using Commissioning.Domain.Contracts;
using Commissioning.Domain.Governance;
using Commissioning.Domain.Lifecycle;
using Commissioning.Domain.Publishing.Notices;
using Commissioning.Infrastructure.Data;
using Commissioning.Infrastructure.Finance;
using Commissioning.Infrastructure.Identity;
using Commissioning.Infrastructure.Publishing.Notices;
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

/// <summary>The lists of the key dates page; <see cref="KeyDatesQuery.Slug"/> names each in addresses and element ids.</summary>
public enum KeyDatesList { EndingThreeMonths, EndingSixMonths, EndingTwelveMonths, EndingEighteenMonths, Ended, Decisions, Reviews, Governance, Notices }

/// <summary>
/// Which rows of each list to read: every row (the digest and the calendar feed), the first few of each list (the
/// dashboard), or one page of one list (the full list, paged). The database counts each list, so totals stay exact.
/// </summary>
public sealed record KeyDatesRows(KeyDatesList? Only, int Skip, int Take)
{
    public static readonly KeyDatesRows Every = new(null, 0, int.MaxValue);

    public static KeyDatesRows FirstOfEach(int take) => new(null, 0, take);

    public static KeyDatesRows Page(KeyDatesList list, int page, int pageSize) => new(list, (Math.Max(page, 1) - 1) * pageSize, pageSize);

    public bool IsEvery => Only is null && Skip == 0 && Take == int.MaxValue;

    public bool Includes(KeyDatesList list) => Only is null || Only == list;
}

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
    /// <summary>How many rows each list has in all, whatever was read of it.</summary>
    public IReadOnlyDictionary<KeyDatesList, int> Totals { get; init; } = new Dictionary<KeyDatesList, int>();

    /// <summary>How many of all the decisions to make are overdue.</summary>
    public int OverdueDecisions { get; init; }

    /// <summary>Procurement Act notices past their deadline and not recorded as published (decision 0033), longest overdue first.</summary>
    public IReadOnlyList<RegisterNotice> OverdueNotices { get; init; } = [];

    public IEnumerable<EndingContract> InBucket(EndingBucket bucket) => Ending.Where(e => e.Bucket == bucket);

    public int Total(KeyDatesList list) => Totals.TryGetValue(list, out var n) ? n : 0;

    public bool IsEmpty => Ending.Count == 0 && EndedUnresolved.Count == 0 && Decisions.Count == 0 && ReviewsDue.Count == 0 && Governance.Count == 0
        && OverdueNotices.Count == 0;
}

/// <summary>One contract's columns the key dates lists are chosen, ordered and shown by; worked out by the database.</summary>
internal sealed class KeyDateRow
{
    public int Id { get; init; }
    public string Reference { get; init; } = "";
    public string Title { get; init; } = "";
    public string? ResponsibleCommissionerId { get; init; }
    public string? HistoricCommissionerName { get; init; }
    public DateOnly CurrentEndDate { get; init; }
    public int NoticePeriodMonths { get; init; }
    public DateOnly? TerminatedOn { get; init; }
    public DateOnly LastDay { get; init; }
    public bool HasSuccessor { get; init; }
    public bool HasOptionLeft { get; init; }
    /// <summary>The decision deadline's <see cref="DeadlineInSql.Number"/>.</summary>
    public int Deadline { get; init; }
}

/// <summary>
/// The key dates of the dashboard, the calendar feed and the daily digest, all from this one query.
/// Contracts count once they are awarded; a withdrawn one never does; a superseded contract (its renewal has started) and one
/// terminated before today are over and left out. A contract with a renewal or a termination recorded
/// still shows where it ends, but has no decision left to make.
/// Each list is chosen, counted, ordered and paged by the database (WHERE on stored columns, ORDER BY, OFFSET/FETCH), so
/// a page of 10,000 contracts reads only the rows it shows; the domain's rules then work out what those rows show
/// (the bucket, the notice and decision deadlines, the action).
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

    public static KeyDatesList ListOf(EndingBucket bucket) => (KeyDatesList)(int)bucket;

    /// <summary>A list's name in addresses and element ids ("ending-3", "decisions").</summary>
    public static string Slug(KeyDatesList list) => list switch
    {
        KeyDatesList.EndingThreeMonths => "ending-3",
        KeyDatesList.EndingSixMonths => "ending-6",
        KeyDatesList.EndingTwelveMonths => "ending-12",
        KeyDatesList.EndingEighteenMonths => "ending-18",
        KeyDatesList.Ended => "ended",
        KeyDatesList.Decisions => "decisions",
        KeyDatesList.Reviews => "reviews",
        KeyDatesList.Notices => "notices",
        _ => "governance",
    };

    public static KeyDatesList? FromSlug(string? slug) =>
        Enum.GetValues<KeyDatesList>().Cast<KeyDatesList?>().FirstOrDefault(l => string.Equals(Slug(l!.Value), slug, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The dashboard's report (<see cref="LoadAsync(CommissioningDbContext, DateOnly, KeyDatesScope, int, KeyDatesRows, CancellationToken, bool, NoticeSettings?)"/>),
    /// worked out once while the register, the day and people's names stay the same, and kept at the register's version
    /// (<see cref="ScheduleCache.KeptAsync"/>, decision 0040): the lists are rules over every contract in force,
    /// 50 to 120 ms of SQL at 10,000 contracts, and read far more often than the register changes.
    /// </summary>
    public static async Task<KeyDatesReport> KeptAsync(CommissioningDbContext db, ScheduleCache cache, DateOnly today, KeyDatesScope scope,
        int leadTimeMonths, KeyDatesRows read, NoticeSettings notices, CancellationToken ct)
    {
        var people = await People.FingerprintAsync(db, ct);
        var key = $"key-dates|{today:O}|{scope.UserId}|{scope.HasContracts}|{leadTimeMonths}|{read}|{notices}|{people}";
        return await cache.KeptAsync(db, key, c => LoadAsync(db, today, scope, leadTimeMonths, read, c, notices: notices), ct);
    }

    /// <summary>Every row of every list: the digest, and (with <paramref name="wholeFuture"/>) the calendar feed.</summary>
    public static Task<KeyDatesReport> LoadAsync(CommissioningDbContext db, DateOnly today, KeyDatesScope scope, int leadTimeMonths,
        CancellationToken ct, bool wholeFuture = false, NoticeSettings? notices = null) =>
        LoadAsync(db, today, scope, leadTimeMonths, KeyDatesRows.Every, ct, wholeFuture, notices);

    /// <summary><paramref name="notices"/>: the ProcurementAct settings the overdue notices follow (the defaults without).</summary>
    public static async Task<KeyDatesReport> LoadAsync(CommissioningDbContext db, DateOnly today, KeyDatesScope scope, int leadTimeMonths,
        KeyDatesRows read, CancellationToken ct, bool wholeFuture = false, NoticeSettings? notices = null)
    {
        // A contract withdrawn as entered in error is not in the register at all.
        var all = db.Contracts.AsNoTracking().Where(c => c.WithdrawnAtUtc == null);
        var inScope = scope.UserId is { } userId ? all.Where(c => c.ResponsibleCommissionerId == userId) : all;
        var people = await People.NamesAsync(db, ct);
        // Over: terminated before today, or superseded by a renewal that has started (the status rule, worked out in SQL).
        // The renewal is joined once (a contract has at most one: IX_Contracts_PredecessorId), not looked up in each place
        // the rule and the lists use it: each list below reads these rows again, and every look-up is repeated in its SQL.
        // A termination is never after the current end (Contract.Terminate), so the last day is the one or the other.
        var rows = (from c in inScope
                    where c.AwardedOn != null
                    join n in all on (int?)c.Id equals n.PredecessorId into renewals
                    from n in renewals.DefaultIfEmpty()
                    let status = ContractStatusRule.Definition.Invoke(today, c.AwardedOn, c.StartDate, c.CurrentEndDate, c.TerminatedOn,
                        n == null ? null : (DateOnly?)n.StartDate)
                    where status != ContractStatus.Terminated && status != ContractStatus.Superseded
                    select new KeyDateRow
                    {
                        Id = c.Id, Reference = c.Reference, Title = c.Title, ResponsibleCommissionerId = c.ResponsibleCommissionerId,
                        HistoricCommissionerName = c.HistoricCommissionerName, CurrentEndDate = c.CurrentEndDate, NoticePeriodMonths = c.NoticePeriodMonths,
                        TerminatedOn = c.TerminatedOn, LastDay = c.TerminatedOn ?? c.CurrentEndDate,
                        HasSuccessor = n != null,
                        HasOptionLeft = c.ExtensionOptions.Any(o => !o.IsExercised),
                        Deadline = DeadlineInSql.Deadline.Invoke(c.CurrentEndDate, c.NoticePeriodMonths, leadTimeMonths),
                    }).Expand();

        var horizon = today.AddMonths(HorizonMonths);
        var endedSince = today.AddMonths(-EndedLookBackMonths);
        // Each bucket runs from the day after the one before it to its own end; the feed's last bucket runs on for ever.
        var ending = new List<EndingContract>();
        var totals = new Dictionary<KeyDatesList, int>();
        if (!read.IsEvery)
        {
            // The four buckets counted in one pass, not one count each: each count reads every contract in force again.
            var (b3, b6, b12) = (BucketEnd(today, EndingBucket.ThreeMonths), BucketEnd(today, EndingBucket.SixMonths), BucketEnd(today, EndingBucket.TwelveMonths));
            var b18 = wholeFuture ? DateOnly.MaxValue : BucketEnd(today, EndingBucket.EighteenMonths);
            var counts = await rows.Where(c => c.LastDay >= today && c.LastDay <= b18).GroupBy(c => 1)
                .Select(g => new[] { g.Count(c => c.LastDay <= b3), g.Count(c => c.LastDay > b3 && c.LastDay <= b6),
                    g.Count(c => c.LastDay > b6 && c.LastDay <= b12), g.Count(c => c.LastDay > b12) })
                .FirstOrDefaultAsync(ct) ?? [0, 0, 0, 0];
            foreach (var bucket in Enum.GetValues<EndingBucket>()) totals[ListOf(bucket)] = counts[(int)bucket];
        }
        var from = today;
        foreach (var bucket in Enum.GetValues<EndingBucket>())
        {
            var until = wholeFuture && bucket == EndingBucket.EighteenMonths ? DateOnly.MaxValue : BucketEnd(today, bucket);
            var (first, last) = (from, until);
            var list = ListOf(bucket);
            var inBucket = rows.Where(c => c.LastDay >= first && c.LastDay <= last).OrderBy(c => c.LastDay).ThenBy(c => c.Reference);
            ending.AddRange((await ReadAsync(inBucket, list, read, totals, ct)).Select(c => new EndingContract(c.Id, c.Reference, c.Title,
                People.Commissioner(people, c.ResponsibleCommissionerId, c.HistoricCommissionerName), c.LastDay,
                BucketOf(today, c.LastDay) ?? EndingBucket.EighteenMonths, c.TerminatedOn is not null, c.HasSuccessor)));
            if (until != DateOnly.MaxValue) from = until.AddDays(1);
        }

        // Past its end in the last year with neither a renewal nor a termination on record.
        var endedRows = rows.Where(c => c.LastDay < today && c.LastDay >= endedSince && c.TerminatedOn == null && !c.HasSuccessor)
            .OrderBy(c => c.CurrentEndDate).ThenBy(c => c.Reference);
        var ended = (await ReadAsync(endedRows, KeyDatesList.Ended, read, totals, ct)).Select(c => new EndedContract(c.Id, c.Reference, c.Title,
            People.Commissioner(people, c.ResponsibleCommissionerId, c.HistoricCommissionerName), c.CurrentEndDate)).ToList();

        // A renewal or a termination on record is the decision already taken. The page and the digest look 18 months
        // ahead; the feed lists every date to come. Ordered by deadline: the overdue first, most overdue at the top.
        var todayNumber = DeadlineInSql.Number(today);
        var horizonNumber = wholeFuture ? int.MaxValue : DeadlineInSql.Number(horizon);
        var decisionsToMake = rows.Where(c => c.TerminatedOn == null && !c.HasSuccessor && c.CurrentEndDate >= today && c.Deadline <= horizonNumber);
        var decisionRows = decisionsToMake.OrderBy(c => c.Deadline).ThenBy(c => c.Reference);
        var overdue = 0;
        if (!read.IsEvery)
        {
            // Counted with the overdue among them in one pass: working the deadline out is most of the query's cost.
            var counts = await decisionsToMake.GroupBy(c => 1).Select(g => new { All = g.Count(), Overdue = g.Count(c => c.Deadline < todayNumber) })
                .FirstOrDefaultAsync(ct);
            (totals[KeyDatesList.Decisions], overdue) = (counts?.All ?? 0, counts?.Overdue ?? 0);
        }
        var decisions = new List<DecisionToMake>();
        foreach (var c in await ReadAsync(decisionRows, KeyDatesList.Decisions, read, totals, ct))
        {
            // The domain's rule gives the dates shown (and agrees with the SQL number that chose the row: DeadlineInSqlTests).
            var key = new KeyDate(c.Id, c.Reference, c.CurrentEndDate, c.NoticePeriodMonths, leadTimeMonths,
                Contract.LatestNoticeDate(c.CurrentEndDate, c.NoticePeriodMonths),
                DomainKeyDates.DecisionDeadline(c.CurrentEndDate, c.NoticePeriodMonths, leadTimeMonths),
                c.HasOptionLeft ? KeyDateAction.DecideExtensionOrServeNotice : KeyDateAction.ServeNoticeOrReProcure, today);
            decisions.Add(new DecisionToMake(key, c.Title, People.Commissioner(people, c.ResponsibleCommissionerId, c.HistoricCommissionerName)));
        }
        if (read.IsEvery) overdue = decisions.Count(d => d.KeyDate.IsOverdue);

        var reviews = Finance.ReviewsDue.ToReviews(await ReadAsync(Finance.ReviewsDue.Query(db, inScope, today), KeyDatesList.Reviews, read, totals, ct), people);

        // Decisions waiting for governance are few (a council's open decisions, not its contracts): read whole, counted here.
        var governance = read.Includes(KeyDatesList.Governance) ? await GovernanceAsync(db, inScope, people, ct) : [];
        totals[KeyDatesList.Governance] = governance.Count;
        if (!read.IsEvery) governance = governance.Skip(read.Skip).Take(read.Take).ToList();

        // Overdue Procurement Act notices: the Act's contracts chosen in SQL, their duties worked out by the domain's rules.
        IReadOnlyList<RegisterNotice> overdueNotices = (await NoticeQueries.ForRegisterAsync(db, today, notices ?? NoticeSettings.Default, ct, scope.UserId))
            .Where(n => n.Notice.Status == NoticeStatus.Overdue).ToList();
        totals[KeyDatesList.Notices] = overdueNotices.Count;
        if (!read.IsEvery) overdueNotices = read.Includes(KeyDatesList.Notices) ? overdueNotices.Skip(read.Skip).Take(read.Take).ToList() : [];

        return new KeyDatesReport(today, leadTimeMonths, scope, ending, ended,
            // In the database's order already; sorted again by the domain's own order (a no-op when the two agree).
            decisions.OrderByDescending(d => d.KeyDate.IsOverdue).ThenBy(d => d.KeyDate.DecisionDeadline)
                .ThenBy(d => d.Reference, StringComparer.Ordinal).ToList(),
            reviews, governance)
        { Totals = totals, OverdueDecisions = overdue, OverdueNotices = overdueNotices };
    }

    /// <summary>
    /// The rows of one list that <paramref name="read"/> asks for, in the query's order, and the list's total: counted by
    /// the database unless every row is read, or counted already (the buckets and the decisions are counted together). A list not asked for is counted but not read.
    /// </summary>
    private static async Task<IReadOnlyList<T>> ReadAsync<T>(IQueryable<T> query, KeyDatesList list, KeyDatesRows read,
        Dictionary<KeyDatesList, int> totals, CancellationToken ct)
    {
        if (read.IsEvery)
        {
            var every = await query.ToListAsync(ct);
            totals[list] = every.Count;
            return every;
        }
        if (!totals.ContainsKey(list)) totals[list] = await query.CountAsync(ct);
        if (!read.Includes(list) || totals[list] <= read.Skip) return [];
        return await query.Skip(read.Skip).Take(read.Take).ToListAsync(ct);
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
