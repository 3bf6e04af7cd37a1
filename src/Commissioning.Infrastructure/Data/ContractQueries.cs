using Commissioning.Domain.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Infrastructure.Data;

/// <summary>
/// The status rule of <see cref="Contract.DeriveStatus"/> written as database predicates, so the
/// register filters by status in SQL. Tests hold the two in step.
/// </summary>
public static class ContractQueries
{
    public const string FormColumn = Config.ContractConfiguration.FormColumn;

    /// <summary>A LIKE pattern (escape character '\') matching text that contains what was typed, wildcards and all.</summary>
    public static string ContainsPattern(string typed) =>
        "%" + typed.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";

    /// <summary>Contracts still in the register: not withdrawn as entered in error. Lists, searches and dashboards start here.</summary>
    public static IQueryable<Contract> WhereNotWithdrawn(this IQueryable<Contract> query) => query.Where(c => c.WithdrawnAtUtc == null);

    public static IQueryable<Contract> WhereForm(this IQueryable<Contract> query, CommissioningForm form)
    {
        var name = form.ToString();
        return query.Where(c => EF.Property<string>(c, Config.ContractConfiguration.FormColumn) == name);
    }

    public static IQueryable<Contract> WhereStatus(this IQueryable<Contract> query, IQueryable<Contract> all, ContractStatus status, DateOnly today) =>
        status switch
        {
            ContractStatus.Terminated => query.Where(c => c.TerminatedOn != null && c.TerminatedOn < today),
            ContractStatus.Superseded => query.Where(c => !(c.TerminatedOn != null && c.TerminatedOn < today)
                && all.Any(n => n.PredecessorId == c.Id && n.StartDate <= today)),
            ContractStatus.Draft => query.Where(c => !(c.TerminatedOn != null && c.TerminatedOn < today)
                && !all.Any(n => n.PredecessorId == c.Id && n.StartDate <= today)
                && (c.AwardedOn == null || c.StartDate > today)),
            ContractStatus.Expired => query.Where(c => !(c.TerminatedOn != null && c.TerminatedOn < today)
                && !all.Any(n => n.PredecessorId == c.Id && n.StartDate <= today)
                && !(c.AwardedOn == null || c.StartDate > today)
                && c.CurrentEndDate < today),
            _ => query.Where(c => !(c.TerminatedOn != null && c.TerminatedOn < today)
                && !all.Any(n => n.PredecessorId == c.Id && n.StartDate <= today)
                && !(c.AwardedOn == null || c.StartDate > today)
                && c.CurrentEndDate >= today),
        };
}
