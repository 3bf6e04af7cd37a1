using Commissioning.Domain.Contracts;
using Commissioning.Infrastructure.Import;
using Commissioning.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Infrastructure.Tests.Import;

/// <summary>
/// A re-import never overwrites a change made in the app since the last import without showing it: such a field is a
/// conflict in the dry run and left as the register has it, unless the user chooses to overwrite app changes.
/// </summary>
public sealed class ImportConflictTests : ImportTestBase
{
    private async Task RetitleInTheAppAsync(string reference, string title)
    {
        await using var db = Db();
        var c = await db.Contracts.SingleAsync(x => x.Reference == reference);
        TestData.Describe(c, reference, title);
        // TestData.Describe sets the test's own category and commissioner too: put back what the import wrote.
        c.Describe(new ContractDescription(reference, title, null, ServiceCategory.Other, c.DirectorateId,
            ResponsibleCommissioner.Historic("Not recorded"), ProcurementRoute.OpenTender, false, Confidentiality.Open));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_field_changed_in_the_app_since_the_last_import_is_a_conflict_and_is_not_overwritten()
    {
        await ImportAsync(StandardTable(Row("SC-1", title: "Day opportunities", annual: "120000")), StandardSettings());
        await RetitleInTheAppAsync("SC-1", "Day opportunities (revised)");

        var table = StandardTable(Row("SC-1", title: "Day services for adults", annual: "130000"));
        var plan = await PlanAsync(table, StandardSettings());

        var row = Assert.Single(plan.Rows);
        Assert.Equal(RowOutcome.Update, row.Outcome);
        Assert.Equal(new FieldChange("Title", "Day opportunities (revised)", "Day services for adults", IsConflict: true), row.Changes[0]);
        Assert.Equal(new FieldChange("Annual value", "£120,000.00", "£130,000.00", IsConflict: false), row.Changes[1]);
        Assert.Equal(1, plan.Conflicts);

        await ImportAsync(table, StandardSettings());
        var c = await ContractAsync("SC-1");
        Assert.Equal(("Day opportunities (revised)", 13_000_000L), (c.Title, c.AnnualValuePence!.Value));

        // Still a conflict next time: the person's change and the file still disagree.
        Assert.True(Assert.Single((await PlanAsync(table, StandardSettings())).Rows).Changes.Single().IsConflict);
    }

    [Fact]
    public async Task A_field_not_changed_in_the_app_since_the_last_import_is_updated()
    {
        await ImportAsync(StandardTable(Row("SC-1", title: "Day opportunities")), StandardSettings());

        var table = StandardTable(Row("SC-1", title: "Day services for adults"));
        var change = Assert.Single(Assert.Single((await PlanAsync(table, StandardSettings())).Rows).Changes);
        Assert.False(change.IsConflict);
        await ImportAsync(table, StandardSettings());

        Assert.Equal("Day services for adults", (await ContractAsync("SC-1")).Title);
    }

    [Fact]
    public async Task A_contract_typed_in_the_app_and_never_imported_is_a_conflict_where_the_file_differs()
    {
        var provider = await AddProviderAsync("Riverside Care Ltd");
        await using (var db = Db())
        {
            db.Contracts.Add(TestData.Block(provider.Id, "SC-1", 12_000_000, title: "Day opportunities"));
            await db.SaveChangesAsync();
        }

        var plan = await PlanAsync(StandardTable(Row("SC-1", title: "Something else", start: "01/04/2021", end: "31/03/2026", annual: "120000")),
            StandardSettings());

        var row = Assert.Single(plan.Rows);
        Assert.Equal(RowOutcome.Unchanged, row.Outcome);
        Assert.Equal(new FieldChange("Title", "Day opportunities", "Something else", IsConflict: true), Assert.Single(row.Changes));
        Assert.Contains(row.Notices, n => n.Contains("left as the register has it", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Overwrite_changes_made_in_the_app_takes_the_files_value_and_the_dry_run_still_marks_the_conflict()
    {
        await ImportAsync(StandardTable(Row("SC-1", title: "Day opportunities")), StandardSettings());
        await RetitleInTheAppAsync("SC-1", "Day opportunities (revised)");
        var table = StandardTable(Row("SC-1", title: "Day services for adults"));
        var settings = StandardSettings(overwrite: true);

        var change = Assert.Single(Assert.Single((await PlanAsync(table, settings)).Rows).Changes);
        Assert.True(change.IsConflict);
        await ImportAsync(table, settings);

        Assert.Equal("Day services for adults", (await ContractAsync("SC-1")).Title);
        Assert.Equal(RowOutcome.Unchanged, Assert.Single((await PlanAsync(table, StandardSettings())).Rows).Outcome);
    }

    [Fact]
    public async Task A_file_that_agrees_with_the_apps_change_is_unchanged_and_later_changes_update_it()
    {
        await ImportAsync(StandardTable(Row("SC-1", title: "Day opportunities")), StandardSettings());
        await RetitleInTheAppAsync("SC-1", "Day opportunities (revised)");

        await ImportAsync(StandardTable(Row("SC-1", title: "Day opportunities (revised)")), StandardSettings());
        var plan = await PlanAsync(StandardTable(Row("SC-1", title: "Day services")), StandardSettings());

        Assert.False(Assert.Single(Assert.Single(plan.Rows).Changes).IsConflict);
    }
}
