namespace Commissioning.Infrastructure.Import;

// The types the import's three parts share: reading a file (ImportFileReader), proposing and
// holding a column mapping (ImportColumns), and planning and committing (ImportPlanner,
// ImportCommitter). Reading knows nothing of contracts; planning knows nothing of file formats.

/// <summary>How a CSV's bytes are read. An .xlsx file ignores it (its XML says its own encoding).</summary>
public enum ImportEncoding { Utf8, Windows1252 }

/// <summary>Limits on one upload; the defaults are the (10 MB, 20,000 rows).</summary>
public sealed record ImportLimits(long MaxBytes = 10 * 1024 * 1024, int MaxRows = 20_000,
    long MaxUncompressedBytes = 100L * 1024 * 1024)
{
    public static readonly ImportLimits Default = new();
}

/// <summary>What the user chose when reading: the CSV encoding and, for a workbook, the sheet (null: the first).</summary>
public sealed record ImportReadOptions(ImportEncoding Encoding = ImportEncoding.Utf8, string? SheetName = null);

/// <summary>
/// A file as rows of text cells, before anything is interpreted. Row numbers are as the spreadsheet
/// numbers them (the header is row 1), so a message can say "row 14". Cells are as written: an .xlsx
/// number is its invariant text ("46477", "1234.5"), a formula cell is "=" followed by its formula.
/// Every row has exactly <see cref="Headers"/>.Count cells (short rows padded with "").
/// </summary>
public sealed record ImportTable(
    string FileName,
    string Sha256,
    IReadOnlyList<string> SheetNames,
    string? SheetName,
    IReadOnlyList<string> Headers,
    IReadOnlyList<ImportRow> Rows,
    IReadOnlyList<string> Notices);

public sealed record ImportRow(int RowNumber, IReadOnlyList<string> Cells);

/// <summary>Either the table or one clear message saying why the file cannot be read at all.</summary>
public sealed record ImportReadResult(ImportTable? Table, string? Refusal)
{
    public static ImportReadResult Read(ImportTable table) => new(table, null);
    public static ImportReadResult Refused(string message) => new(null, message);
    public bool IsRefused => Refusal is not null;
}

/// <summary>What a column of the file is taken to be. <see cref="Ignore"/> leaves the column out.</summary>
public enum ImportField
{
    Ignore,
    Reference,
    Title,
    Description,
    ProviderName,
    /// <summary>Companies House or charity number of the (lead) provider.</summary>
    ProviderRegistrationNumber,
    Directorate,
    ServiceCategory,
    /// <summary>Block, spot, lead provider or consortium.</summary>
    Form,
    ProcurementRoute,
    ResponsibleCommissioner,
    StartDate,
    /// <summary>The current end date (with the extensions used so far).</summary>
    EndDate,
    /// <summary>The end date if every extension were used.</summary>
    MaximumEndDate,
    NoticePeriodMonths,
    AnnualValue,
    /// <summary>The value over the whole term (e.g. NHSBSA CONTRACT_AWARD_VALUE).</summary>
    TotalValue,
    /// <summary>One financial year's annual value; the year is in <see cref="ColumnTarget.FinancialYearStart"/>.</summary>
    YearValue,
    /// <summary>Contracts Finder: a comma list of financial years, paired with <see cref="SpendProfileAmounts"/>.</summary>
    SpendProfileYears,
    SpendProfileAmounts,
    /// <summary>Consortium members' names separated by ";", the lead first.</summary>
    ConsortiumMembers,
    /// <summary>A spot contract's rates, e.g. "Hour £21.50; Week £850.00".</summary>
    RateCard,
}

/// <summary>One column of the file and what it is taken to be.</summary>
public sealed record ColumnTarget(int ColumnIndex, string Header, ImportField Field, int? FinancialYearStart = null);

/// <summary>The whole mapping: one target per column of the file, in column order.</summary>
public sealed record ColumnMapping(IReadOnlyList<ColumnTarget> Columns);

/// <summary>
/// Each field's own heading: what the mapping page shows, what the register's export writes, and so
/// what a round trip (export, edit, import) is mapped by without any choosing.
/// </summary>
public static class ImportFieldNames
{
    public static string Heading(ImportField field) => field switch
    {
        ImportField.Ignore => "Do not import",
        ImportField.Reference => "Reference",
        ImportField.Title => "Title",
        ImportField.Description => "Description",
        ImportField.ProviderName => "Provider",
        ImportField.ProviderRegistrationNumber => "Provider registration number",
        ImportField.Directorate => "Directorate",
        ImportField.ServiceCategory => "Service category",
        ImportField.Form => "Commissioning form",
        ImportField.ProcurementRoute => "Procurement route",
        ImportField.ResponsibleCommissioner => "Responsible commissioner",
        ImportField.StartDate => "Start date",
        ImportField.EndDate => "End date",
        ImportField.MaximumEndDate => "Maximum end date",
        ImportField.NoticePeriodMonths => "Notice period (months)",
        ImportField.AnnualValue => "Annual value",
        ImportField.TotalValue => "Total value",
        ImportField.YearValue => "Value for a financial year",
        ImportField.SpendProfileYears => "Spend profile years",
        ImportField.SpendProfileAmounts => "Spend profile amounts",
        ImportField.ConsortiumMembers => "Consortium members",
        ImportField.RateCard => "Rate card",
        _ => field.ToString(),
    };

    /// <summary>A year column's heading in the register's export: "2024/25".</summary>
    public static string YearHeading(int financialYearStart) => $"{financialYearStart}/{(financialYearStart + 1) % 100:00}";
}
