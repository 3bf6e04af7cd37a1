using System.Runtime.CompilerServices;
using Commissioning.Domain.Contracts;
using Commissioning.Infrastructure.Data;
using Commissioning.Infrastructure.Finance;
using Commissioning.Infrastructure.KeyDates;
using Commissioning.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Infrastructure.Tests;

/// <summary>
/// The main queries as SQL Server is sent them, with no server: the application's own query code runs on the SqlServer
/// provider (SqlCapture answers each command with no rows), every command must parse as T-SQL, and the SQL must match
/// the copy kept in SqlServerSql/. A change shows as a diff to read; UPDATE_SQL_SNAPSHOTS=1 writes the new copies
/// (decision 0022). With no rows, a query that runs only when an earlier one found something is not reached.
/// </summary>
public sealed class SqlServerSqlSnapshotTests
{
    private static readonly DateOnly Today = new(2026, 4, 1);

    [Fact]
    public async Task Register_search_filter_and_sort_by_value()
    {
        var capture = new SqlCapture();
        await using (var db = SqlServerModel.Context(capture))
        {
            // The register's query as Pages/Contracts/Index composes it: a search, a status filter, this year's value, a page.
            var all = db.Contracts.AsNoTracking();
            var pattern = SearchPattern.Contains("[North]");
            var providerIds = db.Providers.Where(p => EF.Functions.Like(p.Name, pattern, SearchPattern.Escape)).Select(p => p.Id);
            var query = all.WhereNotWithdrawn()
                .Where(c => EF.Functions.Like(c.Reference, pattern, SearchPattern.Escape) || EF.Functions.Like(c.Title, pattern, SearchPattern.Escape)
                    || (c.ProviderId != null && providerIds.Contains(c.ProviderId.Value))
                    || db.Set<ConsortiumContract>().Any(k => k.Id == c.Id && k.Members.Any(m => providerIds.Contains(m.ProviderId)))
                    || db.Set<LeadProviderContract>().Any(k => k.Id == c.Id && k.SubContracts.Any(s => providerIds.Contains(s.ProviderId))))
                .WhereStatus(all, ContractStatus.Active, Today);
            await Run(() => query.CountAsync());
            await Run(() => query.WithCurrentYearValue(db, 2026)
                .OrderByDescending(v => v.ValuePence).ThenBy(v => v.Contract.Id)
                .Select(v => new { v.Contract.Id, v.Contract.Reference, v.Contract.Title, v.Year, v.Agreed, v.ValuePence })
                .Skip(25).Take(25).ToListAsync());
        }
        Check(capture, "register");
    }

    [Fact]
    public async Task Finance_portfolio()
    {
        var capture = new SqlCapture();
        await using (var db = SqlServerModel.Context(capture))
        {
            var portfolio = new Portfolio(db);
            var year = Domain.Common.FinancialYear.Containing(Today);
            await Run(() => portfolio.ByYearAsync([year, year.Next], default));
            foreach (var grouping in Enum.GetValues<PortfolioGrouping>())
                await Run(() => portfolio.ByAsync(grouping, year, default));
            await Run(() => portfolio.ByFundingAsync(year, default));
            await Run(() => portfolio.SavingsAsync(default));
            // The version the portfolio's cache is checked against on every request (decision 0029).
            await Run(() => RegisterVersion.ReadAsync(db, default));
        }
        Check(capture, "finance-portfolio");
    }

    [Fact]
    public async Task Key_dates()
    {
        var capture = new SqlCapture();
        await using (var db = SqlServerModel.Context(capture))
            await Run(() => KeyDatesQuery.LoadAsync(db, Today, KeyDatesScope.All, leadTimeMonths: 3, default));
        Check(capture, "key-dates");
    }

    [Fact]
    public async Task Key_dates_dashboard()
    {
        // The dashboard reads a page of each list and counts the buckets, and the decisions with the overdue, in one query each.
        var capture = new SqlCapture();
        await using (var db = SqlServerModel.Context(capture))
            await Run(() => KeyDatesQuery.LoadAsync(db, Today, KeyDatesScope.All, leadTimeMonths: 3, KeyDatesRows.FirstOfEach(5), default));
        Check(capture, "key-dates-dashboard");
    }

    [Fact]
    public async Task Reviews_due()
    {
        var capture = new SqlCapture();
        await using (var db = SqlServerModel.Context(capture))
            await Run(() => ReviewsDue.ListAsync(db, Today, default));
        Check(capture, "reviews-due");
    }

    /// <summary>Runs query code whose SQL is captured; a query that must return a row (a count, a sum) finds none and ends it there.</summary>
    private static async Task Run<T>(Func<Task<T>> queries)
    {
        try { _ = await queries(); }
        catch (InvalidOperationException e) when (e.Message.Contains("no elements", StringComparison.Ordinal)) { }
    }

    private static void Check(SqlCapture capture, string name, [CallerFilePath] string here = "")
    {
        Assert.NotEmpty(capture.Commands);
        foreach (var command in capture.Commands) SqlServerModel.AssertParses(command);
        var sql = string.Join("\n\n-- next command\n\n", capture.Commands.Select(c => c.ReplaceLineEndings("\n").Trim())) + "\n";
        var path = Path.Combine(Path.GetDirectoryName(here)!, "SqlServerSql", name + ".sql");
        if (Environment.GetEnvironmentVariable("UPDATE_SQL_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, sql);
            return;
        }
        Assert.True(File.Exists(path), $"No stored SQL at {path}: run the tests with UPDATE_SQL_SNAPSHOTS=1 to write it, then read and commit it.\n{sql}");
        var stored = File.ReadAllText(path).ReplaceLineEndings("\n");
        Assert.True(stored == sql, $"The SQL Server query {name} changed: read the difference, and if it is meant, run with UPDATE_SQL_SNAPSHOTS=1.\n{Diff(stored, sql)}");
    }

    /// <summary>The lines that differ, with the line number, stored copy first.</summary>
    private static string Diff(string stored, string now)
    {
        var a = stored.Split('\n');
        var b = now.Split('\n');
        var lines = new List<string>();
        for (var i = 0; i < Math.Max(a.Length, b.Length) && lines.Count < 40; i++)
        {
            var x = i < a.Length ? a[i] : "(none)";
            var y = i < b.Length ? b[i] : "(none)";
            if (x != y) lines.Add($"line {i + 1}:\n- {x}\n+ {y}");
        }
        return string.Join("\n", lines);
    }
}
