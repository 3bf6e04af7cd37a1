using System.Data.Common;
using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Finance;
using Commissioning.Infrastructure.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Commissioning.Infrastructure.Tests.Import;

/// <summary>The commit: only what the dry run showed, all or nothing, audited as one import, values agreed and named as imported.</summary>
public sealed class ImportCommitTests : ImportTestBase
{
    private static readonly (string, ImportField, int?)[] WithYears = Standard.Select(s => (s.Header, s.Field, (int?)null))
        .Append(("2025/26", ImportField.YearValue, 2025)).Append(("FY26-27", ImportField.YearValue, 2026)).Append(("2027/28", ImportField.YearValue, 2027))
        .ToArray();

    [Fact]
    public async Task The_commit_refuses_and_writes_nothing_when_the_register_changed_since_the_dry_run()
    {
        var table = StandardTable(Row("SC-1"));
        var plan = await PlanAsync(table, StandardSettings());
        await AddProviderAsync("Someone added a provider meanwhile");
        var before = await CountsAsync();

        var result = await CommitAsync(table, StandardSettings(), plan.Fingerprint);

        Assert.False(result.Committed);
        Assert.Equal("The register or the file's settings changed since the dry run: run the dry run again.", result.Refusal);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task The_commit_refuses_when_the_settings_changed_since_the_dry_run_and_commits_with_a_fresh_one()
    {
        var table = StandardTable(Row("SC-1", form: ""));
        var plan = await PlanAsync(table, StandardSettings(form: CommissioningForm.Block));

        var refused = await CommitAsync(table, StandardSettings(form: CommissioningForm.Spot), plan.Fingerprint);
        var committed = await CommitAsync(table, StandardSettings(form: CommissioningForm.Block), plan.Fingerprint);

        Assert.Equal(ImportCommitter.StaleRefusal, refused.Refusal);
        Assert.True(committed.Committed, committed.Refusal);
        Assert.Equal(1, committed.Created);
    }

    [Theory]
    [InlineData("INSERT INTO \"ImportBatches\"")]
    [InlineData("INSERT INTO \"Providers\"")]
    [InlineData("INSERT INTO \"Contracts\"")]
    [InlineData("INSERT INTO \"AnnualValueReviews\"")]
    [InlineData("INSERT INTO \"ImportedValues\"")]
    [InlineData("UPDATE \"AuditEntries\"")]
    public async Task A_failure_part_way_leaves_nothing_written(string failingCommand)
    {
        await ImportAsync(StandardTable(Row("SC-1")), StandardSettings());
        var before = await CountsAsync();
        var table = Table(WithYears.Select(c => c.Item1).ToList(),
            Row("SC-1", annual: "130000").Concat(["130000", "", ""]).ToArray(),
            Row("SC-2", provider: "New Dawn Care").Concat(["", "", ""]).ToArray());

        await Assert.ThrowsAnyAsync<Exception>(() => CommitAsync(table, Settings(WithYears), null, new FailOn(failingCommand)));

        Assert.Equal(before, await CountsAsync());
        Assert.Equal(12_000_000, (await ContractAsync("SC-1")).AnnualValuePence);
        // The same commit without the failure goes through: the injected failure was what stopped it.
        Assert.True((await CommitAsync(table, Settings(WithYears))).Committed);
    }

    [Fact]
    public async Task The_import_is_audited_as_one_import_and_each_contracts_entry_names_it()
    {
        var table = StandardTable(Row("SC-1"), Row("SC-2"));
        var result = await ImportAsync(table, StandardSettings());

        await using var db = Db();
        var import = await db.AuditEntries.SingleAsync(a => a.EntityType == nameof(ImportBatch));
        Assert.Equal(("Imported", result.BatchId!.Value, "Sarah Okafor", "user-sarah", At), (import.Action, import.EntityId, import.ChangedBy, import.ChangedById, import.ChangedAtUtc));
        Assert.Contains("register.csv", import.Changes, StringComparison.Ordinal);
        Assert.Contains(table.Sha256, import.Changes, StringComparison.Ordinal);
        var batch = await db.Set<ImportBatch>().SingleAsync();
        Assert.Equal(("register.csv", table.Sha256, "Sarah Okafor", 2), (batch.FileName, batch.Sha256, batch.ImportedByName, batch.Created));
        var contracts = await db.AuditEntries.Where(a => a.EntityType == nameof(Contract)).ToListAsync();
        Assert.Equal(2, contracts.Count);
        Assert.All(contracts, a => Assert.Contains($"Import {batch.Id} of register.csv", a.Changes, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Year_values_are_agreed_named_as_imported_and_reconcile_with_the_annual_value()
    {
        var table = Table(WithYears.Select(c => c.Item1).ToList(),
            Row("SC-1", start: "2025-10-01", end: "2027-09-30", annual: "£120,000.00").Concat(["120,000", "126000.50", "132000"]).ToArray());

        await ImportAsync(table, Settings(WithYears));

        var c = await ContractAsync("SC-1");
        await using var db = Db();
        var reviews = await db.AnnualValueReviews.Where(r => r.ContractId == c.Id).OrderBy(r => r.FinancialYearStart).ToListAsync();
        Assert.Equal([2025, 2026, 2027], reviews.Select(r => r.FinancialYearStart));
        Assert.All(reviews, r => Assert.Equal((ReviewStatus.Agreed, ReviewOrigin.Import), (r.Status, r.Origin)));
        Assert.All(reviews, r => Assert.Equal("Imported from register.csv on 7 December 2026 (import 1).", r.Narrative));
        Assert.Equal([12_000_000L, 12_600_050L, 13_200_000L], reviews.Select(r => r.AnnualPence));
        // The first year's agreed value is the contract's annual value; each year's value is its part of the term.
        Assert.Equal(c.AnnualValuePence, reviews[0].AnnualPence);
        Assert.All(reviews, r => Assert.Equal(PartYear.Of(c.CurrentTerm, r.Year)!.Apply(r.Annual), r.YearValue));
        Assert.True(reviews[0].YearValue < reviews[0].Annual && reviews[1].YearValue == reviews[1].Annual);
    }

    [Fact]
    public async Task Changed_year_values_supersede_the_agreed_ones_and_unchanged_ones_are_left()
    {
        var table = Table(WithYears.Select(c => c.Item1).ToList(), Row("SC-1").Concat(["120000", "126000", ""]).ToArray());
        await ImportAsync(table, Settings(WithYears));

        var changed = Table(WithYears.Select(c => c.Item1).ToList(), Row("SC-1").Concat(["120000", "127000", ""]).ToArray());
        var row = Assert.Single((await PlanAsync(changed, Settings(WithYears))).Rows);
        Assert.Equal(new FieldChange("2026/27 value", "£126,000.00", "£127,000.00"), Assert.Single(row.Changes));
        await ImportAsync(changed, Settings(WithYears));

        await using var db = Db();
        var reviews = await db.AnnualValueReviews.OrderBy(r => r.Id).Select(r => new { r.FinancialYearStart, r.Status, r.AnnualPence }).ToListAsync();
        Assert.Equal(3, reviews.Count);
        Assert.Equal(ReviewStatus.Superseded, reviews.Single(r => r.AnnualPence == 12_600_000).Status);
        Assert.Equal(ReviewStatus.Agreed, reviews.Single(r => r.AnnualPence == 12_700_000).Status);
        Assert.Equal(ReviewStatus.Agreed, reviews.Single(r => r.FinancialYearStart == 2025).Status);
    }

    [Fact]
    public async Task A_total_value_becomes_an_annual_value_to_the_nearest_penny_with_the_working_shown()
    {
        var columns = Standard.Select(s => (s.Header, s.Field == ImportField.AnnualValue ? ImportField.TotalValue : s.Field, (int?)null)).ToArray();
        var table = StandardTable(Row("SC-1", start: "01/04/2025", end: "31/03/2028", annual: "360,000.02"), Row("SC-2", start: "01/04/2025", end: "15/04/2025", annual: "100"));

        var plan = await PlanAsync(table, Settings(columns));
        await ImportAsync(table, Settings(columns));

        Assert.Contains("Annual value £120,000.01 worked out from the total value over the 36-month term: £360,000.02 × 12 ÷ 36, to the nearest penny.", plan.Rows[0].Notices);
        Assert.Equal(12_000_001, (await ContractAsync("SC-1")).AnnualValuePence);
        Assert.Contains("Annual value £2,433.33 worked out from the total value over the term of 15 days: £100.00 × 365 ÷ 15, to the nearest penny.", plan.Rows[1].Notices);
    }

    /// <summary>Throws on the first command whose text contains <paramref name="fragment"/>.</summary>
    private sealed class FailOn(string fragment) : DbCommandInterceptor
    {
        private void Check(DbCommand command)
        {
            if (command.CommandText.Contains(fragment, StringComparison.Ordinal))
                throw new InvalidOperationException($"Injected failure at {fragment}.");
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Check(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
