using Commissioning.Domain.Contracts;
using Commissioning.Infrastructure.Data;
using Commissioning.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Infrastructure.Tests;

/// <summary>
/// The register's hand-built query (this financial year's value, worked out and sorted in the
/// database) must translate for SQL Server as well as SQLite. No SQL Server runs here, so EF Core
/// writes the SQL Server query without a connection and the T-SQL parser reads it back; the same
/// query is run for real on SQLite by the register's page tests.
/// </summary>
public sealed class SqlServerQueriesTests
{
    [Fact]
    public void Register_value_query_sorted_by_value_translates_to_t_sql_that_parses()
    {
        using var db = SqlServerModel.Context();

        var sql = db.Contracts.WhereNotWithdrawn().WithCurrentYearValue(db, 2026)
            .OrderByDescending(v => v.ValuePence).ThenBy(v => v.Contract.Id)
            .Select(v => new { v.Contract.Id, v.Year, v.Agreed, v.ValuePence })
            .Skip(25).Take(25)
            .ToQueryString();

        SqlServerModel.AssertParses(sql);
        // The year arithmetic and the sort happen in the database, paged there too.
        Assert.Contains("DATEPART(year", sql, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("ORDER BY", sql, StringComparison.Ordinal);
        Assert.Contains("OFFSET", sql, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_status_filter_and_sort_translate_to_t_sql_that_parses()
    {
        using var db = SqlServerModel.Context();
        var today = new DateOnly(2026, 4, 1);
        var all = db.Contracts.AsNoTracking();

        // The register's status filter, and the status worked out per row and sorted by (ContractStatusRule, inlined).
        var sql = all.WhereNotWithdrawn().WhereStatus(all, ContractStatus.Superseded, today)
            .Select(c => new { c.Id, Status = ContractQueries.Status.Invoke(c, all, today) }).Expand()
            .OrderByDescending(r => r.Status).ThenBy(r => r.Id)
            .Skip(25).Take(25)
            .ToQueryString();

        SqlServerModel.AssertParses(sql);
        Assert.Contains("CASE", sql, StringComparison.Ordinal);
        Assert.Contains("MIN(", sql, StringComparison.OrdinalIgnoreCase); // the successor's start
        Assert.Contains("ORDER BY", sql, StringComparison.Ordinal);
    }
}
