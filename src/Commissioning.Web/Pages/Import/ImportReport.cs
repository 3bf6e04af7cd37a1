using Commissioning.Infrastructure.Exports;
using Commissioning.Infrastructure.Import;

namespace Commissioning.Web.Pages.Import;

/// <summary>The dry run as a table for the CSV download: a line for each row, and one more for each problem, change and notice it has.</summary>
public static class ImportReport
{
    public const string ConflictText = "Changed in the register since the last import: not overwritten";

    public static string Outcome(RowOutcome outcome) => outcome switch
    {
        RowOutcome.Create => "Create",
        RowOutcome.Update => "Update",
        RowOutcome.Unchanged => "Unchanged",
        RowOutcome.Skip => "Skip",
        _ => "Refused",
    };

    public static ExportTable Table(string fileName, ImportPlan plan) =>
        new ExportTable($"Import dry run, {fileName}",
                ExportColumn.Integer("Row"), ExportColumn.Text("Reference"), ExportColumn.Text("Outcome"),
                ExportColumn.Text("Column or field"), ExportColumn.Text("Value or old value"), ExportColumn.Text("New value"),
                ExportColumn.Text("Reason or notice"))
        { FileStem = "import-dry-run-" + Path.GetFileNameWithoutExtension(fileName) }
            .StreamRows(Lines(plan), line => line);

    private static IEnumerable<object?[]> Lines(ImportPlan plan)
    {
        foreach (var row in plan.Rows)
        {
            object?[] Line(string? column, string? value, string? newValue, string? reason) =>
                [(long)row.RowNumber, row.Reference, Outcome(row.Outcome), column, value, newValue, reason];
            if (row.Problems.Count + row.Changes.Count + row.Notices.Count == 0)
                yield return Line(null, null, null, null);
            foreach (var p in row.Problems) yield return Line(p.Column, p.Value, null, p.Reason);
            foreach (var c in row.Changes) yield return Line(c.Field, c.Old, c.New, c.IsConflict ? ConflictText : null);
            foreach (var n in row.Notices) yield return Line(null, null, null, n);
        }
    }
}
