using Commissioning.Domain.Contracts;
using Commissioning.Domain.Lifecycle;
using Commissioning.Domain.Publishing.Notices;
using Commissioning.Infrastructure.Data;
using Commissioning.Infrastructure.Identity;

namespace Commissioning.Infrastructure.Publishing.Notices;

/// <summary>A notice a contract owes, with the contract's reference, title and commissioner for the lists.</summary>
public sealed record RegisterNotice(NoticeDue Notice, string Reference, string Title, string ResponsibleCommissioner, string? ResponsibleCommissionerId)
{
    public int ContractId => Notice.ContractId;
}

/// <summary>
/// The notices contracts owe. The database chooses the contracts under the Act (recorded so, or awarded, else started, on or
/// after the day it came into force) and reads their variations and published notices; the domain's rules (NoticeSchedule)
/// then work out what each owes. Act contracts are the register's newest (since February 2025), so the set stays modest;
/// decision 0033 says why this is not paged in SQL like the key dates of decision 0030.
/// </summary>
public static class NoticeQueries
{
    /// <summary>The contracts (not withdrawn, awarded) the Act may apply to: the SQL form of ProcurementActAppliesRule.</summary>
    public static IQueryable<Contract> UnderTheAct(IQueryable<Contract> contracts, NoticeSettings settings)
    {
        var from = settings.InForceFrom;
        // Awarded, so "awarded, else started" is the award date here.
        return contracts.Where(c => c.WithdrawnAtUtc == null && c.AwardedOn != null
            && (c.ProcuredUnderProcurementAct == true || (c.ProcuredUnderProcurementAct == null && c.AwardedOn >= from)));
    }

    /// <summary>
    /// One contract's notices, every status; empty when the Act does not apply. <paramref name="variations"/>: the
    /// contract's variations when the caller has read them already (the contract page reads its events once).
    /// </summary>
    public static async Task<IReadOnlyList<NoticeDue>> ForContractAsync(CommissioningDbContext db, Contract contract, DateOnly today,
        NoticeSettings settings, CancellationToken ct, IReadOnlyList<ContractVariation>? variations = null)
    {
        var facts = NoticeContract.Of(contract);
        if (!ProcurementActAppliesRule.Applies(facts, settings)) return [];
        variations ??= await db.ContractEvents.OfType<ContractVariation>().AsNoTracking().Where(v => v.ContractId == contract.Id).ToListAsync(ct);
        var published = await db.PublishedNotices.AsNoTracking().Where(p => p.ContractId == contract.Id).ToListAsync(ct);
        return NoticeSchedule.For(new NoticeFacts(facts, variations.Select(NoticeVariation.Of).ToList(), published), today, settings);
    }

    /// <summary>
    /// Every notice the register's Act contracts owe (of <paramref name="userId"/>'s contracts only, when given), most pressing
    /// first: overdue (longest overdue first), due, upcoming, then published, each by its deadline.
    /// </summary>
    public static async Task<IReadOnlyList<RegisterNotice>> ForRegisterAsync(CommissioningDbContext db, DateOnly today, NoticeSettings settings,
        CancellationToken ct, string? userId = null)
    {
        var scope = userId is null ? db.Contracts.AsNoTracking() : db.Contracts.AsNoTracking().Where(c => c.ResponsibleCommissionerId == userId);
        var contracts = await UnderTheAct(scope, settings).Select(c => new
        {
            Facts = new NoticeContract(c.Id, c.Reference, c.ServiceCategory, c.StartDate, c.AwardedOn, c.CurrentEndDate, c.MaximumEndDate,
                c.TerminatedOn, c.TerminationReason, c.AnnualValuePence, c.ProcuredUnderProcurementAct, c.IsLightTouchContract,
                c.IsUserChoiceDirectAward, c.EnteredIntoOn),
            c.Title, c.ResponsibleCommissionerId, c.HistoricCommissionerName,
        }).ToListAsync(ct);
        if (contracts.Count == 0) return [];
        var ids = contracts.Select(c => c.Facts.ContractId).ToList();
        var variations = (await db.ContractEvents.OfType<ContractVariation>().AsNoTracking().Where(v => ids.Contains(v.ContractId)).ToListAsync(ct))
            .ToLookup(v => v.ContractId, NoticeVariation.Of);
        var published = (await db.PublishedNotices.AsNoTracking().Where(p => ids.Contains(p.ContractId)).ToListAsync(ct)).ToLookup(p => p.ContractId);
        var people = await People.NamesAsync(db, ct);

        return contracts
            .SelectMany(c => NoticeSchedule.For(new NoticeFacts(c.Facts, variations[c.Facts.ContractId].ToList(), published[c.Facts.ContractId].ToList()), today, settings)
                .Select(n => new RegisterNotice(n, c.Facts.Reference, c.Title,
                    People.Commissioner(people, c.ResponsibleCommissionerId, c.HistoricCommissionerName), c.ResponsibleCommissionerId)))
            .OrderBy(n => n.Notice.Status).ThenBy(n => n.Notice.DueBy).ThenBy(n => n.Reference, StringComparer.Ordinal).ThenBy(n => n.Notice.EventKey, StringComparer.Ordinal)
            .ToList();
    }
}
