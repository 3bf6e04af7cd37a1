namespace Commissioning.Infrastructure.Import;

/// <summary>Proposes a mapping from a file's header names, knowing the layouts councils publish.</summary>
public static class ImportColumns
{
    // Owner: the "reading" part. Stub until it lands.
    public static ColumnMapping Propose(IReadOnlyList<string> headers) =>
        throw new NotImplementedException("ImportColumns.Propose is being written.");

    /// <summary>The financial year a header such as "2024/25" or "FY24-25" names (2024), or null.</summary>
    public static int? FinancialYearOf(string header) =>
        throw new NotImplementedException("ImportColumns.FinancialYearOf is being written.");
}
