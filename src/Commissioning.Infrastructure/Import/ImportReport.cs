using Commissioning.Infrastructure.Exports;

namespace Commissioning.Infrastructure.Import;

/// <summary>
/// The dry run as a table for "Download report (CSV)": one line per problem of a refused row, per field an update
/// changes (or a conflict leaves), per notice, and one for a row with none of these, so every row of the file is in it.
/// </summary>
public static class ImportReport
{
    public static ExportTable Build(ImportPlan plan, string fileName)
    {
        var table = new ExportTable($"Import dry run of {fileName}",
            ExportColumn.Integer("Row"), ExportColumn.Text("Reference"), ExportColumn.Text("Outcome"),
            ExportColumn.Text("Column"), ExportColumn.Text("Value"), ExportColumn.Text("Reason"),
            ExportColumn.Text("Field"), ExportColumn.Text("Old"), ExportColumn.Text("New"), ExportColumn.Text("Conflict"),
            ExportColumn.Text("Note"))
        {
            FileStem = "import-dry-run-" + Path.GetFileNameWithoutExtension(fileName),
        };
        foreach (var row in plan.Rows.OrderBy(r => r.RowNumber))
        {
            var outcome = Outcome(row.Outcome);
            var lines = 0;
            foreach (var p in row.Problems)
            {
                table.AddRow(row.RowNumber, row.Reference, outcome, p.Column, p.Value, p.Reason, null, null, null, null, null);
                lines++;
            }
            foreach (var c in row.Changes)
            {
                table.AddRow(row.RowNumber, row.Reference, outcome, null, null, null, c.Field, c.Old, c.New, c.IsConflict ? "Yes" : null, null);
                lines++;
            }
            foreach (var n in row.Notices)
            {
                table.AddRow(row.RowNumber, row.Reference, outcome, null, null, null, null, null, null, null, n);
                lines++;
            }
            if (lines == 0) table.AddRow(row.RowNumber, row.Reference, outcome, null, null, null, null, null, null, null, null);
        }
        return table;
    }

    /// <summary>The outcome as the dry run's page words it.</summary>
    public static string Outcome(RowOutcome outcome) => outcome switch
    {
        RowOutcome.Create => "Create",
        RowOutcome.Update => "Update",
        RowOutcome.Unchanged => "Unchanged",
        RowOutcome.Skip => "Skip",
        _ => "Refused",
    };
}
