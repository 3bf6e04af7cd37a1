using System.Linq.Expressions;

namespace Commissioning.Domain.Contracts;

/// <summary>
/// The one definition of a contract's status (decision 0004). It is written as an expression so that the
/// same rule runs in memory (compiled, behind <see cref="Contract.StatusOn"/>) and in the database (the
/// register's filter and sort put it into their SQL), and the two cannot drift apart.
/// </summary>
public static class ContractStatusRule
{
    /// <summary>
    /// (today, awardedOn, start, currentEnd, terminatedOn, successorStart) → status; the first test that holds wins:
    /// terminated once the termination's last day has passed; superseded once a successor has started; a draft until
    /// awarded and started; expired after the current end; else active.
    /// Only comparisons and conditionals, so that a LINQ provider can translate it. A comparison with a missing date
    /// is false, in C# and in SQL alike: no termination, no successor.
    /// </summary>
    public static readonly Expression<Func<DateOnly, DateOnly?, DateOnly, DateOnly, DateOnly?, DateOnly?, ContractStatus>> Definition =
        (today, awardedOn, start, currentEnd, terminatedOn, successorStart) =>
            today > terminatedOn ? ContractStatus.Terminated
            : today >= successorStart ? ContractStatus.Superseded
            : awardedOn == null || today < start ? ContractStatus.Draft
            : today > currentEnd ? ContractStatus.Expired
            : ContractStatus.Active;

    private static readonly Func<DateOnly, DateOnly?, DateOnly, DateOnly, DateOnly?, DateOnly?, ContractStatus> Compiled = Definition.Compile();

    /// <summary>The rule run in memory.</summary>
    public static ContractStatus Derive(DateOnly today, DateOnly? awardedOn, DateOnly start, DateOnly currentEnd,
        DateOnly? terminatedOn, DateOnly? successorStart) =>
        Compiled(today, awardedOn, start, currentEnd, terminatedOn, successorStart);
}
