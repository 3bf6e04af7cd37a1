using Commissioning.Infrastructure.Data;
using Commissioning.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Commissioning.Infrastructure.Tests;

/// <summary>
/// The register's hand-built query (this financial year's value, worked out and sorted in the
/// database) must translate for SQL Server as well as SQLite. No SQL Server runs here, so EF Core
/// writes the SQL Server query without a connection and the T-SQL parser reads it back; the same
/// query is run for real on SQLite by the register's page tests.
/// </summary>
public sealed class SqlServerQueriesTests
{
    private const string NeverOpened = "Server=tcp:sql.invalid,1433;Database=Commissioning;User Id=nobody;Password=unused;TrustServerCertificate=True;Connect Timeout=1";

    [Fact]
    public void Register_value_query_sorted_by_value_translates_to_t_sql_that_parses()
    {
        var builder = new DbContextOptionsBuilder<CommissioningDbContext>();
        DatabaseSetup.Configure(builder, DatabaseProvider.SqlServer, NeverOpened);
        using var db = new CommissioningDbContext(builder.Options, new SystemAuditContext());

        var sql = db.Contracts.WhereNotWithdrawn().WithCurrentYearValue(db, 2026)
            .OrderByDescending(v => v.ValuePence).ThenBy(v => v.Contract.Id)
            .Select(v => new { v.Contract.Id, v.Year, v.Agreed, v.ValuePence })
            .Skip(25).Take(25)
            .ToQueryString();

        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"line {e.Line}: {e.Message}")) + "\n" + sql);
        // The year arithmetic and the sort happen in the database, paged there too.
        Assert.Contains("DATEPART(year", sql, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("ORDER BY", sql, StringComparison.Ordinal);
        Assert.Contains("OFFSET", sql, StringComparison.Ordinal);
    }
}
