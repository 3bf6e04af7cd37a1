using System.Globalization;
using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;

namespace Commissioning.Infrastructure.Import;

/// <summary>
/// The fields a dry run compares, each by a key (what <see cref="ImportedValue.Field"/> holds), a label (what the
/// report shows), a canonical text (what is compared and remembered: pence, ISO dates, ids, names of enums) and a
/// display text in en-GB ("£1,234.56", "31 March 2031").
/// </summary>
internal static class ImportFields
{
    public const string Title = "Title";
    public const string Description = "Description";
    public const string Provider = "Provider";
    public const string Members = "ConsortiumMembers";
    public const string Directorate = "Directorate";
    public const string Category = "ServiceCategory";
    public const string Route = "ProcurementRoute";
    public const string Commissioner = "ResponsibleCommissioner";
    public const string Start = "StartDate";
    public const string End = "EndDate";
    public const string MaxEnd = "MaximumEndDate";
    public const string Notice = "NoticePeriodMonths";
    public const string Annual = "AnnualValue";
    public const string RateCard = "RateCard";
    private const string YearPrefix = "Year:";

    public static string Year(int financialYearStart) => YearPrefix + financialYearStart.ToString(CultureInfo.InvariantCulture);

    public static int? YearOf(string key) =>
        key.StartsWith(YearPrefix, StringComparison.Ordinal) && int.TryParse(key[YearPrefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null;

    public static string Label(string key) => YearOf(key) is { } y ? $"{new FinancialYear(y)} value" : key switch
    {
        Title => ImportFieldNames.Heading(ImportField.Title),
        Description => ImportFieldNames.Heading(ImportField.Description),
        Provider => ImportFieldNames.Heading(ImportField.ProviderName),
        Members => ImportFieldNames.Heading(ImportField.ConsortiumMembers),
        Directorate => ImportFieldNames.Heading(ImportField.Directorate),
        Category => ImportFieldNames.Heading(ImportField.ServiceCategory),
        Route => ImportFieldNames.Heading(ImportField.ProcurementRoute),
        Commissioner => ImportFieldNames.Heading(ImportField.ResponsibleCommissioner),
        Start => ImportFieldNames.Heading(ImportField.StartDate),
        End => ImportFieldNames.Heading(ImportField.EndDate),
        MaxEnd => ImportFieldNames.Heading(ImportField.MaximumEndDate),
        Notice => ImportFieldNames.Heading(ImportField.NoticePeriodMonths),
        Annual => ImportFieldNames.Heading(ImportField.AnnualValue),
        RateCard => ImportFieldNames.Heading(ImportField.RateCard),
        _ => key,
    };

    /// <summary>What is compared and remembered. Provider ids go through <paramref name="resolve"/> (placeholders to real ids after a commit).</summary>
    public static string? Canonical(string key, ContractShape s, Func<int, int> resolve)
    {
        if (YearOf(key) is { } y) return s.Years.TryGetValue(y, out var m) ? Pence(m) : null;
        return key switch
        {
            Title => s.Title,
            Description => s.Description,
            Provider => s.ProviderId is { } p ? Id(resolve(p)) : null,
            Members => string.Join(",", s.Members.Select(m => Id(resolve(m)))),
            Directorate => Id(s.DirectorateId),
            Category => s.Category.ToString(),
            Route => s.Route.ToString(),
            Commissioner => s.Commissioner.UserId is { } u ? "user:" + u : "name:" + s.Commissioner.HistoricName,
            Start => Iso(s.Start),
            End => Iso(s.End),
            MaxEnd => Iso(s.MaxEnd),
            Notice => Id(s.Notice),
            Annual => s.Annual is { } a ? Pence(a) : null,
            RateCard => ContractShape.RateCardText(s.RateCard),
            _ => null,
        };
    }

    /// <summary>What the report shows.</summary>
    public static string? Display(string key, ContractShape s, RegisterNames names)
    {
        if (YearOf(key) is { } y) return s.Years.TryGetValue(y, out var m) ? m.ToString() : null;
        return key switch
        {
            Title => s.Title,
            Description => s.Description,
            Provider => s.ProviderId is { } p ? names.Provider(p) : null,
            Members => string.Join("; ", s.Members.Select(names.Provider)),
            Directorate => names.Directorate(s.DirectorateId),
            Category => ImportLabels.Of(s.Category),
            Route => ImportLabels.Of(s.Route),
            Commissioner => s.Commissioner.UserId is { } u ? names.Person(u) : s.Commissioner.HistoricName,
            Start => Dates.Long(s.Start),
            End => Dates.Long(s.End),
            MaxEnd => Dates.Long(s.MaxEnd),
            Notice => s.Notice == 1 ? "1 month" : $"{s.Notice} months",
            Annual => s.Annual?.ToString(),
            RateCard => string.Join("; ", s.RateCard.Select(l => $"{l.Service} {l.UnitRate} {ImportLabels.Of(l.Unit)}")),
            _ => null,
        };
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
    private static string Pence(Money m) => m.Pence.ToString(CultureInfo.InvariantCulture);
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>Names for the ids a report shows: providers (and those still to be created), directorates, people.</summary>
internal sealed class RegisterNames(
    IReadOnlyDictionary<int, string> providers, IReadOnlyDictionary<int, string> directorates, IReadOnlyDictionary<string, string> people,
    Func<int, string?> newProvider)
{
    public string Provider(int id) => providers.TryGetValue(id, out var n) ? n : newProvider(id) is { } name ? $"{name} (new provider)" : $"Provider {id}";
    public string Directorate(int id) => directorates.TryGetValue(id, out var n) ? n : $"Directorate {id}";
    public string Person(string id) => people.TryGetValue(id, out var n) ? n : id;
}
