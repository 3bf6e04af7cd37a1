using System.Text.RegularExpressions;

namespace Commissioning.Infrastructure.Import;

/// <summary>
/// Proposes a mapping from a file's header names, knowing the layouts councils publish (NHSBSA, Birmingham,
/// Leicester, Contracts Finder) and the register's own export. docs/import.md lists every name recognised.
/// </summary>
public static partial class ImportColumns
{
    /// <summary>
    /// One target per header, in order. Names are compared ignoring case, spaces, underscores and punctuation.
    /// Each field goes to the first column that names it; a later column naming it again is left out (the user
    /// can choose otherwise). Year columns ("2024/25") are all kept, one per year.
    /// </summary>
    public static ColumnMapping Propose(IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var taken = new HashSet<ImportField>();
        var years = new HashSet<int>();
        var columns = new List<ColumnTarget>(headers.Count);
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i] ?? "";
            if (FinancialYearOf(header) is { } year)
            {
                columns.Add(years.Add(year)
                    ? new ColumnTarget(i, header, ImportField.YearValue, year)
                    : new ColumnTarget(i, header, ImportField.Ignore));
                continue;
            }
            var field = Aliases.GetValueOrDefault(Key(header), ImportField.Ignore);
            if (field != ImportField.Ignore && !taken.Add(field)) field = ImportField.Ignore;
            columns.Add(new ColumnTarget(i, header, field));
        }
        return new ColumnMapping(columns);
    }

    /// <summary>
    /// The financial year a header such as "2024/25", "2024-25", "2024/2025", "FY24-25", "FY 2024/25", "FY2024" or
    /// "2024" names (2024: years are named by the calendar year they start in), or null. Words around it that
    /// only say it holds a value ("Value 2024/25", "2024/25 (£)", "Annual value 2024-25") are allowed.
    /// </summary>
    public static int? FinancialYearOf(string header)
    {
        var s = Decoration().Replace(header ?? "", " ").Trim();
        return ImportValues.FinancialYearStart(s, allowBareYear: true);
    }

    [GeneratedRegex(@"\(£\)|£|\b(annual|contract|spend|value|budget|forecast|actual|cost)\b|[():]", RegexOptions.IgnoreCase)]
    private static partial Regex Decoration();

    /// <summary>A header as compared: lower case, letters and digits only ("CONTRACT_START_DATE" → "contractstartdate").</summary>
    public static string Key(string header) =>
        new string((header ?? "").Where(char.IsLetterOrDigit).ToArray()).ToLowerInvariant();

    /// <summary>Header names known to mean a field, by <see cref="Key"/>. Explicit Ignore entries document a choice.</summary>
    internal static readonly IReadOnlyDictionary<string, ImportField> Aliases = BuildAliases();

    private static Dictionary<string, ImportField> BuildAliases()
    {
        var aliases = new Dictionary<string, ImportField>();
        void Add(ImportField field, params string[] names)
        {
            foreach (var name in names) aliases.TryAdd(Key(name), field);
        }

        // The register's own export: each field's heading (a round trip maps itself).
        foreach (var field in Enum.GetValues<ImportField>())
            if (field is not (ImportField.Ignore or ImportField.YearValue))
                Add(field, ImportFieldNames.Heading(field));

        // NHSBSA's contracts register.
        Add(ImportField.Reference, "REFERENCE_NUMBER");
        Add(ImportField.Title, "CONTRACT_TITLE");
        Add(ImportField.ProviderName, "SUPPLIER_NAME");
        Add(ImportField.Description, "SHORT_DESCRIPTION");
        Add(ImportField.TotalValue, "CONTRACT_AWARD_VALUE");
        Add(ImportField.StartDate, "CONTRACT_START_DATE");
        Add(ImportField.EndDate, "CONTRACT_CURRENT_END_DATE");
        Add(ImportField.MaximumEndDate, "MAXIMUM_CONTRACT_END_DATE");
        // Yes/No flags: the register works out whether a contract can be (or was) extended from its dates.
        Add(ImportField.Ignore, "CONTRACT_EXTENDABLE", "CONTRACT_EXTENDED");
        Add(ImportField.ProcurementRoute, "PROCUREMENT_ROUTE");

        // Birmingham City Council.
        Add(ImportField.Reference, "contract_id");
        Add(ImportField.ProviderName, "vendor");
        Add(ImportField.Directorate, "directorate");
        Add(ImportField.StartDate, "validity_start");
        Add(ImportField.EndDate, "validity_end");
        // The register works out a contract's status from its dates; a status column would only disagree.
        Add(ImportField.Ignore, "contract_status");
        Add(ImportField.TotalValue, "original_value");
        // Blank for contracts never extended, so not proposed; a file whose extended_value is the whole value
        // to the current end date can be mapped to Total value by hand (docs/import.md).
        Add(ImportField.Ignore, "extended_value");

        // Leicester City Council.
        Add(ImportField.Reference, "contract_number");
        Add(ImportField.Title, "title_of_agreement");
        Add(ImportField.Directorate, "department");
        Add(ImportField.TotalValue, "contract_value");
        Add(ImportField.AnnualValue, "annual_contract_value");

        // Contracts Finder's flat files (its notice identifier is the only key a file from there has).
        Add(ImportField.SpendProfileYears, "SpendProfileYears", "Spend profile years");
        Add(ImportField.SpendProfileAmounts, "SpendProfileAmounts", "Spend profile amounts");
        Add(ImportField.Reference, "Notice Identifier", "Notice ID");
        Add(ImportField.ProviderName, "Supplier Name", "Supplier", "Awarded Supplier", "Awarded to");
        Add(ImportField.TotalValue, "Awarded Value", "Contract Value", "Total Value", "Value");
        // A range published before the award, not what the contract is worth.
        Add(ImportField.Ignore, "Value Low", "Value High");

        // Common names in councils' own registers. Words that could mean more than one thing ("Name", "Service",
        // "Organisation", "Start") are left out: a wrong guess is worse than a column left for the user to map.
        Add(ImportField.Reference, "Ref", "Contract reference", "Contract ref", "Contract ID", "Contract number", "Contract no", "Reference number");
        Add(ImportField.Title, "Contract title", "Contract name", "Service name");
        Add(ImportField.Description, "Contract description", "Details");
        Add(ImportField.ProviderName, "Provider name", "Supplier", "Contractor");
        Add(ImportField.ProviderRegistrationNumber, "Companies House number", "Company number", "Company registration number",
            "Registration number", "Charity number", "Supplier company number");
        Add(ImportField.Form, "Form", "Contract form", "Commissioning form");
        Add(ImportField.ServiceCategory, "Category", "Service type");
        Add(ImportField.ProcurementRoute, "Procurement method", "Route to market");
        Add(ImportField.ResponsibleCommissioner, "Commissioner", "Lead commissioner", "Contract manager", "Contract owner");
        Add(ImportField.StartDate, "Contract start date", "Commencement date");
        Add(ImportField.EndDate, "Contract end date", "Expiry date", "Current end date");
        Add(ImportField.MaximumEndDate, "Maximum end date", "Latest end date", "End date including extensions", "End date with extensions");
        Add(ImportField.NoticePeriodMonths, "Notice period", "Notice period months");
        Add(ImportField.AnnualValue, "Annual contract value", "Value per year", "Yearly value");
        Add(ImportField.TotalValue, "Whole life value", "Total contract value", "Estimated value");
        Add(ImportField.ConsortiumMembers, "Consortium member names");
        Add(ImportField.RateCard, "Rates", "Unit rates");
        return aliases;
    }
}
