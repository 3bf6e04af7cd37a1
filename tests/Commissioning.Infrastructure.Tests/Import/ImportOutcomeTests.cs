using Commissioning.Domain.Contracts;
using Commissioning.Infrastructure.Import;
using Commissioning.Infrastructure.Tests.Support;

namespace Commissioning.Infrastructure.Tests.Import;

/// <summary>Each outcome a dry run gives a row: create, update, unchanged, skip.</summary>
public sealed class ImportOutcomeTests : ImportTestBase
{
    [Fact]
    public async Task New_reference_is_created_and_nothing_is_written_by_the_dry_run()
    {
        var before = await CountsAsync();
        var plan = await PlanAsync(StandardTable(Row("sc-2025-0001")), StandardSettings());

        var row = Assert.Single(plan.Rows);
        Assert.Equal(RowOutcome.Create, row.Outcome);
        Assert.Equal("SC-2025-0001", row.Reference);
        Assert.Empty(row.Problems);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Created_contract_reads_back_with_the_files_values()
    {
        var result = await ImportAsync(StandardTable(Row("SC-2025-0001", title: "Day opportunities for adults", annual: "£1,234.56")), StandardSettings());

        Assert.Equal(1, result.Created);
        var c = Assert.IsType<BlockContract>(await ContractAsync("SC-2025-0001"));
        Assert.Equal("Day opportunities for adults", c.Title);
        Assert.Equal(123_456, c.AnnualValuePence);
        Assert.Equal(new DateOnly(2025, 4, 1), c.StartDate);
        Assert.Equal(new DateOnly(2028, 3, 31), c.CurrentEndDate);
        Assert.Equal(TestData.DirectorateId, c.DirectorateId);
    }

    [Fact]
    public async Task Blank_rows_and_rows_with_nothing_in_mapped_columns_are_skipped()
    {
        var headers = Standard.Select(s => s.Header).Append("Notes").ToList();
        var table = Table(headers, Row("SC-2025-0001").Append("").ToArray(), ["", "", "", "", "", "", "", ""], ["", "", "", "", "", "", "", "a note only"]);
        var settings = Settings(Standard.Select(s => (s.Header, s.Field, (int?)null)).Append(("Notes", ImportField.Ignore, null)).ToArray());

        var plan = await PlanAsync(table, settings);

        Assert.Equal([RowOutcome.Create, RowOutcome.Skip, RowOutcome.Skip], plan.Rows.Select(r => r.Outcome));
        Assert.Equal("The row is blank.", Assert.Single(plan.Rows[1].Notices));
        Assert.Equal("Nothing in the columns being imported.", Assert.Single(plan.Rows[2].Notices));
        Assert.Equal(2, plan.Count(RowOutcome.Skip));
    }

    [Fact]
    public async Task Reimporting_the_same_table_is_all_unchanged_and_the_commit_writes_only_the_batch()
    {
        var settings = Settings(Standard.Select(s => (s.Header, s.Field, (int?)null)).Append(("Rates", ImportField.RateCard, null)).ToArray());
        var table = Table(Standard.Select(s => s.Header).Append("Rates").ToList(), Row("SC-2025-0001").Append("").ToArray(),
            Row("SC-2025-0002", form: "Spot", annual: "").Append("Homecare per hour £21.50; Respite per night £95").ToArray());
        await ImportAsync(table, settings);
        var before = await CountsAsync();

        var plan = await PlanAsync(table, settings);
        Assert.All(plan.Rows, r => Assert.Equal(RowOutcome.Unchanged, r.Outcome));
        Assert.All(plan.Rows, r => Assert.Empty(r.Changes));
        var result = await ImportAsync(table, settings);

        Assert.Equal((0, 0, 2), (result.Created, result.Updated, result.Unchanged));
        var after = await CountsAsync();
        // One more batch and its one audit entry; no contract, provider, value or remembered value.
        Assert.Equal(before with { Batches = before.Batches + 1, Audit = before.Audit + 1 }, after);
    }

    [Fact]
    public async Task A_changed_field_is_an_update_showing_old_and_new_in_en_GB_and_the_commit_changes_only_it()
    {
        await ImportAsync(StandardTable(Row("SC-2025-0001")), StandardSettings());

        var table = StandardTable(Row("SC-2025-0001", end: "31/03/2031", annual: "1234.56"));
        var plan = await PlanAsync(table, StandardSettings());

        var row = Assert.Single(plan.Rows);
        Assert.Equal(RowOutcome.Update, row.Outcome);
        Assert.Equal(
            [new FieldChange("End date", "31 March 2028", "31 March 2031"), new FieldChange("Annual value", "£120,000.00", "£1,234.56")],
            row.Changes);
        var result = await ImportAsync(table, StandardSettings());
        Assert.Equal(1, result.Updated);
        var c = await ContractAsync("SC-2025-0001");
        Assert.Equal((new DateOnly(2031, 3, 31), 123_456L, "Day opportunities"), (c.CurrentEndDate, c.AnnualValuePence!.Value, c.Title));
    }

    [Fact]
    public async Task A_column_left_blank_for_a_contract_in_the_register_leaves_that_field_alone()
    {
        await ImportAsync(StandardTable(Row("SC-2025-0001")), StandardSettings());

        var plan = await PlanAsync(StandardTable(Row("SC-2025-0001", title: "", annual: "")), StandardSettings());

        Assert.Equal(RowOutcome.Unchanged, Assert.Single(plan.Rows).Outcome);
    }
}
