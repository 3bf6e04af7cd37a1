using Commissioning.Infrastructure.Exports;
using Commissioning.Infrastructure.Import;

namespace Commissioning.Infrastructure.Tests.Import;

/// <summary>The dry run as a CSV: every row of the file is in it, with its problems, changes and notices.</summary>
public sealed class ImportReportTests
{
    [Fact]
    public void The_report_lists_each_problem_change_and_notice_and_every_row()
    {
        var plan = new ImportPlan([
            new PlannedRow(2, "SC-1", RowOutcome.Create, [], [], []),
            new PlannedRow(3, "SC-2", RowOutcome.Refuse, [new RowProblem(3, "Annual value", "12k", "Write the full amount.")], [], []),
            new PlannedRow(4, "SC-3", RowOutcome.Update, [], [new FieldChange("Title", "Old", "New"), new FieldChange("End date", "31 March 2028", "31 March 2031", true)],
                ["Start: read as 3 April 2025."]),
        ], [], "fingerprint");

        var table = ImportReport.Build(plan, "register.csv");
        var csv = CsvExport.ToText(table);

        Assert.Equal(["Row", "Reference", "Outcome", "Column", "Value", "Reason", "Field", "Old", "New", "Conflict", "Note"], table.Columns.Select(c => c.Heading));
        Assert.Equal(5, table.Rows.Count);
        Assert.Equal([2L, 3L, 4L, 4L, 4L], table.Rows.Select(r => (long)r[0]!));
        Assert.Equal(["Refused", "Annual value", "12k", "Write the full amount."], table.Rows[1].Skip(2).Take(4));
        Assert.Equal(["End date", "31 March 2028", "31 March 2031", "Yes"], table.Rows[3].Skip(6).Take(4));
        Assert.Contains("SC-3,Update,,,,,,,,,Start: read as 3 April 2025.", csv, StringComparison.Ordinal);
        Assert.StartsWith("import-dry-run-register", table.FileStem, StringComparison.Ordinal);
    }
}
