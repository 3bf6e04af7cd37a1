using System.Globalization;
using System.Text.RegularExpressions;
using Commissioning.Domain.Contracts;
using Commissioning.Infrastructure.Import;

namespace Commissioning.Web.Pages.Import;

/// <summary>What the mapping page posts: a field (and for a year's value, its year) for each column, the defaults, the saved mapping's name.</summary>
public sealed partial class MappingForm
{
    public const int MappingNameMaxLength = 100;

    public string? Sheet { get; set; }
    public List<ColumnChoice> Columns { get; set; } = [];
    /// <summary>A <see cref="CommissioningForm"/>'s name, or empty: a row without a form is refused.</summary>
    public string? DefaultForm { get; set; }
    public string? DefaultDirectorate { get; set; }
    public ServiceCategory DefaultCategory { get; set; } = ServiceCategory.Other;
    public ProcurementRoute DefaultRoute { get; set; } = ProcurementRoute.OpenTender;
    /// <summary>A commissioner's user id, or empty: a new contract's commissioner is "Not recorded" until someone picks one.</summary>
    public string? DefaultCommissioner { get; set; }
    public string? SavedMapping { get; set; }
    public string? SaveAs { get; set; }

    public sealed class ColumnChoice
    {
        public ImportField Field { get; set; }
        /// <summary>For <see cref="ImportField.YearValue"/>: the financial year as typed ("2024/25", "2024").</summary>
        public string? Year { get; set; }
    }

    public static string ColumnKey(int i, string part) => $"Input.Columns[{i}].{part}";

    public void TakeMapping(ColumnMapping mapping, int columnCount)
    {
        Columns = Enumerable.Range(0, columnCount).Select(i => mapping.Columns.FirstOrDefault(c => c.ColumnIndex == i) is { } c
            ? new ColumnChoice { Field = c.Field, Year = c.FinancialYearStart is { } y ? ImportFieldNames.YearHeading(y) : null }
            : new ColumnChoice()).ToList();
    }

    public void TakeDefaults(ImportDefaults defaults)
    {
        DefaultForm = defaults.Form?.ToString();
        DefaultDirectorate = defaults.DirectorateId?.ToString(CultureInfo.InvariantCulture);
        DefaultCategory = defaults.ServiceCategory;
        DefaultRoute = defaults.ProcurementRoute;
        DefaultCommissioner = defaults.ResponsibleCommissionerId;
    }

    /// <summary>The mapping chosen, for the file's headers (the year left out where it cannot be read: <see cref="Check"/> says so).</summary>
    public ColumnMapping Mapping(IReadOnlyList<string> headers) => new(headers.Select((h, i) =>
    {
        var choice = i < Columns.Count ? Columns[i] : new ColumnChoice();
        return new ColumnTarget(i, h, choice.Field, choice.Field == ImportField.YearValue ? YearOf(choice.Year) : null);
    }).ToList());

    public ImportDefaults Defaults() => new(
        Enum.TryParse<CommissioningForm>(DefaultForm, out var form) && Enum.IsDefined(form) ? form : null,
        int.TryParse(DefaultDirectorate, NumberStyles.None, CultureInfo.InvariantCulture, out var d) ? d : null,
        DefaultCategory, DefaultRoute, string.IsNullOrWhiteSpace(DefaultCommissioner) ? null : DefaultCommissioner);

    /// <summary>What is wrong with the mapping, by field name (empty when it can be used).</summary>
    public List<(string Key, string Message)> Check(IReadOnlyList<string> headers, IReadOnlyCollection<int> directorateIds, IReadOnlyCollection<string> commissionerIds)
    {
        var problems = new List<(string, string)>();
        var taken = new Dictionary<ImportField, string>();
        var years = new Dictionary<int, string>();
        for (var i = 0; i < headers.Count && i < Columns.Count; i++)
        {
            var field = Columns[i].Field;
            if (!Enum.IsDefined(field))
                problems.Add((ColumnKey(i, "Field"), $"Choose what column \u201c{headers[i]}\u201d holds"));
            else if (field == ImportField.YearValue)
            {
                if (YearOf(Columns[i].Year) is not { } year)
                    problems.Add((ColumnKey(i, "Year"), $"Enter the financial year column \u201c{headers[i]}\u201d is for, like 2024/25"));
                else if (!years.TryAdd(year, headers[i]))
                    problems.Add((ColumnKey(i, "Year"), $"{ImportFieldNames.YearHeading(year)} is already column \u201c{years[year]}\u201d: choose another year for \u201c{headers[i]}\u201d"));
            }
            else if (field != ImportField.Ignore && !taken.TryAdd(field, headers[i]))
                problems.Add((ColumnKey(i, "Field"), $"\u201c{ImportFieldNames.Heading(field)}\u201d is already column \u201c{taken[field]}\u201d: choose something else for \u201c{headers[i]}\u201d, or \u201cDo not import\u201d"));
        }
        if (!Columns.Take(headers.Count).Any(c => c.Field == ImportField.Reference))
            problems.Add(("Input.Columns", "Choose the column that holds each contract\u2019s reference: contracts are matched by it"));
        if (!string.IsNullOrEmpty(DefaultForm) && Defaults().Form is null)
            problems.Add((nameof(DefaultForm), "Choose a commissioning form from the list"));
        if (!string.IsNullOrEmpty(DefaultDirectorate) && (Defaults().DirectorateId is not { } id || !directorateIds.Contains(id)))
            problems.Add((nameof(DefaultDirectorate), "Choose a directorate from the list"));
        if (!string.IsNullOrEmpty(DefaultCommissioner) && !commissionerIds.Contains(DefaultCommissioner))
            problems.Add((nameof(DefaultCommissioner), "Choose a commissioner from the list"));
        return problems.Select(p => (p.Item1.StartsWith("Input.", StringComparison.Ordinal) ? p.Item1 : "Input." + p.Item1, p.Item2)).ToList();
    }

    /// <summary>"2024", "2024/25", "FY24-25" → 2024; anything else null.</summary>
    public static int? YearOf(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        if (FourDigits().IsMatch(text)) return int.Parse(text, CultureInfo.InvariantCulture) is var y and >= 1990 and <= 2100 ? y : null;
        return ImportColumns.FinancialYearOf(text);
    }

    [GeneratedRegex(@"^\d{4}$")]
    private static partial Regex FourDigits();
}
