using System.Text.RegularExpressions;
using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Providers;

namespace Commissioning.Infrastructure.Import;

/// <summary>One row's cells read as values through <see cref="ImportValues"/>: nothing compared with the register yet.</summary>
internal sealed class RowFile
{
    public int RowNumber { get; init; }
    /// <summary>True when some mapped column has something in it; a row with none is skipped.</summary>
    public bool AnyMapped { get; set; }
    /// <summary>True when every cell of the row is blank, mapped or not.</summary>
    public bool Blank { get; init; }
    public string? Reference { get; set; }
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? ProviderName { get; set; }
    public string? ProviderNumber { get; set; }
    public string? Directorate { get; set; }
    public ServiceCategory? Category { get; set; }
    public ProcurementRoute? Route { get; set; }
    public CommissioningForm? Form { get; set; }
    public string? Commissioner { get; set; }
    public DateOnly? Start { get; set; }
    public DateOnly? End { get; set; }
    public DateOnly? MaxEnd { get; set; }
    public int? Notice { get; set; }
    public Money? Annual { get; set; }
    public Money? Total { get; set; }
    public SortedDictionary<int, Money> Years { get; } = [];
    public List<string>? Members { get; set; }
    public List<RateCardLine>? RateCard { get; set; }
    public List<RowProblem> Problems { get; } = [];
    public List<string> Notices { get; } = [];
    /// <summary>The header and cell each field was read from, so a later problem can name them.</summary>
    public Dictionary<ImportField, (string Header, string Value)> Cells { get; } = [];
    public Dictionary<int, (string Header, string Value)> YearCells { get; } = [];

    /// <summary>The first column mapped to each field, blank or not: a problem with a blank cell names the file's own column.</summary>
    public Dictionary<ImportField, string> Mapped { get; } = [];

    public string Header(ImportField field) =>
        Cells.TryGetValue(field, out var c) ? c.Header : Mapped.TryGetValue(field, out var h) ? h : ImportFieldNames.Heading(field);
    public string Value(ImportField field) => Cells.TryGetValue(field, out var c) ? c.Value : "";
    public void Problem(ImportField field, string reason) => Problems.Add(new RowProblem(RowNumber, Header(field), Value(field), reason));
}

/// <summary>Reads a row's mapped cells; every cell goes through <see cref="ImportValues"/> and a formula is refused.</summary>
internal static partial class ImportRowReader
{
    public static RowFile Read(ImportRow row, ColumnMapping mapping)
    {
        var f = new RowFile { RowNumber = row.RowNumber, Blank = row.Cells.All(string.IsNullOrWhiteSpace) };
        string? years = null, amounts = null;
        (string Header, string Value) yearsCell = default, amountsCell = default;
        foreach (var column in mapping.Columns)
        {
            if (column.Field == ImportField.Ignore || column.ColumnIndex < 0 || column.ColumnIndex >= row.Cells.Count) continue;
            f.Mapped.TryAdd(column.Field, column.Header);
            var text = (row.Cells[column.ColumnIndex] ?? "").Trim();
            if (text.Length == 0) continue;
            f.AnyMapped = true;
            if (ImportValues.LooksLikeFormula(text))
            {
                f.Problems.Add(new RowProblem(f.RowNumber, column.Header, text,
                    "This cell holds a spreadsheet formula (it starts with =, +, - or @): put the value itself in the file."));
                continue;
            }
            if (column.Field == ImportField.YearValue)
            {
                ReadYear(f, column, text);
                continue;
            }
            // The first column holding a field wins; another column mapped to the same field is read only when the first is blank.
            if (!f.Cells.TryAdd(column.Field, (column.Header, text))) continue;
            switch (column.Field)
            {
                case ImportField.SpendProfileYears: (years, yearsCell) = (text, (column.Header, text)); break;
                case ImportField.SpendProfileAmounts: (amounts, amountsCell) = (text, (column.Header, text)); break;
                default: ReadCell(f, column.Field, text); break;
            }
        }
        if (years is not null || amounts is not null) ReadSpendProfile(f, years, amounts, yearsCell, amountsCell);
        return f;
    }

    private static void ReadCell(RowFile f, ImportField field, string text)
    {
        switch (field)
        {
            case ImportField.Reference:
                var reference = text.ToUpperInvariant();
                if (reference.Length > Contract.ReferenceMaxLength) f.Problem(field, $"A reference can be at most {Contract.ReferenceMaxLength} characters.");
                else f.Reference = reference;
                break;
            case ImportField.Title:
                if (text.Length > Contract.TitleMaxLength) f.Problem(field, $"A title can be at most {Contract.TitleMaxLength} characters.");
                else f.Title = text;
                break;
            case ImportField.Description:
                if (text.Length > Contract.DescriptionMaxLength) f.Problem(field, $"A description can be at most {Contract.DescriptionMaxLength} characters.");
                else f.Description = text;
                break;
            case ImportField.ProviderName:
                if (text.Length > Provider.NameMaxLength) f.Problem(field, $"A provider's name can be at most {Provider.NameMaxLength} characters.");
                else f.ProviderName = text;
                break;
            case ImportField.ProviderRegistrationNumber:
                if (text.Length > Provider.RegistrationNumberMaxLength) f.Problem(field, $"A registration number can be at most {Provider.RegistrationNumberMaxLength} characters.");
                else f.ProviderNumber = text;
                break;
            case ImportField.Directorate: f.Directorate = text; break;
            case ImportField.ServiceCategory: f.Category = Take(f, field, ImportLabels.Category(text)); break;
            case ImportField.ProcurementRoute: f.Route = Take(f, field, ImportLabels.Route(text)); break;
            case ImportField.Form: f.Form = Take(f, field, ImportValues.Form(text)); break;
            case ImportField.ResponsibleCommissioner:
                if (text.Length > Contract.CommissionerMaxLength) f.Problem(field, $"A commissioner's name can be at most {Contract.CommissionerMaxLength} characters.");
                else f.Commissioner = text;
                break;
            case ImportField.StartDate: f.Start = Take(f, field, ImportValues.Date(text)); break;
            case ImportField.EndDate: f.End = Take(f, field, ImportValues.Date(text)); break;
            case ImportField.MaximumEndDate: f.MaxEnd = Take(f, field, ImportValues.Date(text)); break;
            case ImportField.NoticePeriodMonths:
                var notice = Take(f, field, ImportValues.WholeNumber(text));
                if (notice is < 0 or > Contract.MaxNoticeMonths) f.Problem(field, $"A notice period must be between 0 and {Contract.MaxNoticeMonths} months.");
                else f.Notice = notice;
                break;
            case ImportField.AnnualValue: f.Annual = Take(f, field, ImportValues.Money(text)); break;
            case ImportField.TotalValue: f.Total = Take(f, field, ImportValues.Money(text)); break;
            case ImportField.ConsortiumMembers:
                f.Members = text.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
                if (f.Members.FirstOrDefault(m => m.Length > Provider.NameMaxLength) is { } longName)
                    f.Problem(field, $"A provider's name can be at most {Provider.NameMaxLength} characters: \u201c{longName[..40]}\u2026\u201d is longer.");
                break;
            case ImportField.RateCard: ReadRateCard(f, text); break;
        }
    }

    private static T? Take<T>(RowFile f, ImportField field, Parsed<T> parsed) where T : struct
    {
        if (!parsed.Ok)
        {
            f.Problem(field, parsed.Error ?? "This value cannot be read.");
            return null;
        }
        if (parsed.Notice is { Length: > 0 } notice) f.Notices.Add($"{f.Header(field)}: {notice}");
        return parsed.Value;
    }

    private static void ReadYear(RowFile f, ColumnTarget column, string text)
    {
        if (column.FinancialYearStart is not { } year || year is < FinancialYear.EarliestStartYear or > FinancialYear.LatestStartYear)
        {
            f.Problems.Add(new RowProblem(f.RowNumber, column.Header, text, "The financial year of this column is not known: choose it in the mapping."));
            return;
        }
        var money = ImportValues.Money(text);
        if (!money.Ok)
        {
            f.Problems.Add(new RowProblem(f.RowNumber, column.Header, text, money.Error ?? "This value cannot be read as money."));
            return;
        }
        AddYear(f, year, money.Value, (column.Header, text));
    }

    private static void ReadSpendProfile(RowFile f, string? years, string? amounts, (string Header, string Value) yearsCell, (string Header, string Value) amountsCell)
    {
        if (years is null || amounts is null)
        {
            var (header, value) = years is null ? amountsCell : yearsCell;
            f.Problems.Add(new RowProblem(f.RowNumber, header, value, years is null
                ? "The spend profile has amounts but no financial years: fill in the years column too."
                : "The spend profile has financial years but no amounts: fill in the amounts column too."));
            return;
        }
        var profile = ImportValues.SpendProfile(years, amounts);
        if (!profile.Ok)
        {
            f.Problems.Add(new RowProblem(f.RowNumber, yearsCell.Header, $"{years} | {amounts}", profile.Error ?? "The spend profile cannot be read."));
            return;
        }
        foreach (var (year, amount) in profile.Value)
        {
            if (year is < FinancialYear.EarliestStartYear or > FinancialYear.LatestStartYear)
            {
                f.Problems.Add(new RowProblem(f.RowNumber, yearsCell.Header, years, $"{year} is not a financial year the register can hold."));
                continue;
            }
            AddYear(f, year, amount, yearsCell);
        }
    }

    private static void AddYear(RowFile f, int year, Money amount, (string Header, string Value) cell)
    {
        if (f.Years.TryGetValue(year, out var already))
        {
            if (already != amount)
                f.Problems.Add(new RowProblem(f.RowNumber, cell.Header, cell.Value,
                    $"{new FinancialYear(year)} is given twice, as {already} and as {amount}: keep one."));
            return;
        }
        f.Years[year] = amount;
        f.YearCells[year] = cell;
    }

    // "Homecare per hour £16.13", "Hour £21.50", "Night: 95.00", "Placement £850 per week" is refused (two units).
    [GeneratedRegex(@"^(?<service>.*?)[\s:,\-]*(?:per\s+|an?\s+)?(?<unit>hour|week|night|placement)s?\b[\s:,\-]*(?:rate)?[\s:,\-]*(?<money>£?\s*[0-9][0-9,]*(?:\.[0-9]+)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex UnitThenRate();

    [GeneratedRegex(@"^(?<service>.*?)[\s:,\-]*(?<money>£?\s*[0-9][0-9,]*(?:\.[0-9]+)?)\s*(?:per|/|an?|a)\s*(?<unit>hour|week|night|placement)$", RegexOptions.IgnoreCase)]
    private static partial Regex RateThenUnit();

    /// <summary>A spot contract's rates: lines separated by ";", each a unit (hour, week, night, placement) and a rate, with the service first if wanted.</summary>
    private static void ReadRateCard(RowFile f, string text)
    {
        var lines = new List<RateCardLine>();
        foreach (var part in text.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var m = UnitThenRate().Match(part);
            if (!m.Success) m = RateThenUnit().Match(part);
            if (!m.Success || !Money.TryParse(m.Groups["money"].Value, out var rate, out _))
            {
                f.Problem(ImportField.RateCard, $"\u201c{part}\u201d is not a rate: write each line as a unit (hour, week, night or placement) and a rate, e.g. \u201cHomecare per hour £21.50; Respite per night £95.00\u201d.");
                return;
            }
            var unit = Enum.Parse<RateUnit>(m.Groups["unit"].Value, ignoreCase: true);
            var service = m.Groups["service"].Value.Trim(' ', ':', ',', '-');
            if (service.Length == 0) service = "Rate " + ImportLabels.Of(unit);
            if (service.Length > RateCardLine.ServiceMaxLength)
            {
                f.Problem(ImportField.RateCard, $"A rate card line's service can be at most {RateCardLine.ServiceMaxLength} characters.");
                return;
            }
            lines.Add(new RateCardLine(service, unit, rate));
        }
        f.RateCard = lines;
    }
}
