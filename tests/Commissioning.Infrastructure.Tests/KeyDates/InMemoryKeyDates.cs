using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Finance;
using Commissioning.Domain.Governance;
using Commissioning.Domain.Lifecycle;
using Commissioning.Infrastructure.Data;
using Commissioning.Infrastructure.Finance;
using Commissioning.Infrastructure.Identity;
using Commissioning.Infrastructure.KeyDates;
using Microsoft.EntityFrameworkCore;
using DomainKeyDates = Commissioning.Domain.Lifecycle.KeyDates;

namespace Commissioning.Infrastructure.Tests.KeyDates;

/// <summary>
/// The key dates query as it was before issue 15, kept as the yardstick: it read every contract in the window and every
/// review of this year and next, and ran the domain's rules over them in memory. KeyDatesSelectionTests check that the
/// database's selection gives the same rows. (Copied unchanged but for names; do not "improve" it.)
/// </summary>
public static class InMemoryKeyDates
{
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

        var horizon = today.AddMonths(KeyDatesQuery.HorizonMonths);
        var endedSince = today.AddMonths(-KeyDatesQuery.EndedLookBackMonths);
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
                var bucket = KeyDatesQuery.BucketOf(today, lastDay);
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
        var reviews = (await ReviewsDueListAsync(db, today, ct))
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

    private static async Task<IReadOnlyList<ReviewDue>> ReviewsDueListAsync(CommissioningDbContext db, DateOnly today, CancellationToken ct)
    {
        var thisYear = FinancialYear.Containing(today);
        var nextYear = thisYear.Next;
        var windowEnd = nextYear.End;
        var contracts = await db.Contracts.AsNoTracking()
            // A contract withdrawn as entered in error is due nothing.
            .Where(c => c.WithdrawnAtUtc == null)
            .Where(c => c.AwardedOn != null && c.StartDate <= windowEnd && c.CurrentEndDate >= thisYear.Start
                        && (c.TerminatedOn == null || c.TerminatedOn >= thisYear.Start))
            .Select(c => new
            {
                c.Id, c.Reference, c.Title, c.ResponsibleCommissionerId, c.HistoricCommissionerName, c.StartDate, c.CurrentEndDate, c.TerminatedOn,
                SuccessorStart = db.Contracts.Where(s => s.PredecessorId == c.Id).Select(s => (DateOnly?)s.StartDate).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var reviews = await db.AnnualValueReviews.AsNoTracking()
            .Where(r => r.FinancialYearStart >= thisYear.StartYear && r.FinancialYearStart <= nextYear.StartYear
                        && (r.Status == ReviewStatus.Agreed || r.Status == ReviewStatus.Proposed))
            .Select(r => new { r.ContractId, r.FinancialYearStart, r.Status })
            .ToListAsync(ct);
        var agreed = reviews.Where(r => r.Status == ReviewStatus.Agreed).Select(r => (r.ContractId, r.FinancialYearStart)).ToHashSet();
        var open = reviews.Where(r => r.Status == ReviewStatus.Proposed).Select(r => (r.ContractId, r.FinancialYearStart)).ToHashSet();

        var people = await People.NamesAsync(db, ct);
        var due = new List<ReviewDue>();
        foreach (var c in contracts)
        {
            var lastDay = c.TerminatedOn is { } t && t < c.CurrentEndDate ? t : c.CurrentEndDate;
            if (c.SuccessorStart is { } s && s.AddDays(-1) < lastDay) lastDay = s.AddDays(-1);
            if (lastDay < c.StartDate) continue;
            var term = new DateRange(c.StartDate, lastDay);
            var year = new[] { thisYear, nextYear }.FirstOrDefault(y => term.Overlaps(y.Range) && !agreed.Contains((c.Id, y.StartYear)));
            if (year == default) continue;
            due.Add(new ReviewDue(c.Id, c.Reference, c.Title, People.Commissioner(people, c.ResponsibleCommissionerId, c.HistoricCommissionerName),
                year, open.Contains((c.Id, year.StartYear)), c.ResponsibleCommissionerId));
        }
        return due.OrderBy(d => d.Year.StartYear).ThenBy(d => d.Reference, StringComparer.Ordinal).ToList();
    }
}
