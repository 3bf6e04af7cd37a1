using System.Text;
using Commissioning.Domain.Contracts;

namespace Commissioning.Infrastructure.Import;

/// <summary>The words an import reads for the register's choices: the pages' own (<see cref="ContractWords"/>) and the synonyms councils use.</summary>
internal static class ImportLabels
{
    public static string Of(CommissioningForm f) => ContractWords.Of(f);

    public static string Of(ServiceCategory c) => ContractWords.Of(c);

    public static string Of(ProcurementRoute r) => ContractWords.Of(r);

    public static string Of(RateUnit u) => ContractWords.Of(u);

    private static readonly Dictionary<string, ServiceCategory> Categories = Words<ServiceCategory>(Of,
        ("homecare", ServiceCategory.DomiciliaryCare), ("home care", ServiceCategory.DomiciliaryCare),
        ("day opportunities", ServiceCategory.DayServices), ("residential", ServiceCategory.ResidentialCare),
        ("nursing care", ServiceCategory.ResidentialCare), ("supported housing", ServiceCategory.SupportedLiving));

    private static readonly Dictionary<string, ProcurementRoute> Routes = Words<ProcurementRoute>(Of,
        ("open", ProcurementRoute.OpenTender), ("open procedure", ProcurementRoute.OpenTender), ("restricted", ProcurementRoute.OpenTender),
        ("teckal", ProcurementRoute.TeckalDirectAward), ("direct award", ProcurementRoute.TeckalDirectAward),
        ("waiver", ProcurementRoute.SingleSourceWaiver), ("single source", ProcurementRoute.SingleSourceWaiver),
        ("framework", ProcurementRoute.FrameworkCallOff), ("call off", ProcurementRoute.FrameworkCallOff),
        ("negotiated", ProcurementRoute.NegotiatedContinuation));

    public static Parsed<ServiceCategory> Category(string text) => Choose(text, Categories, "service category");
    public static Parsed<ProcurementRoute> Route(string text) => Choose(text, Routes, "procurement route");

    private static Parsed<T> Choose<T>(string text, Dictionary<string, T> words, string what) where T : struct, Enum =>
        words.TryGetValue(Key(text), out var value)
            ? Parsed<T>.Good(value)
            : Parsed<T>.Bad($"This is not a {what} the register knows: use one of {string.Join(", ", Enum.GetValues<T>().Select(v => Label(v)))}.");

    private static string Label<T>(T value) where T : struct, Enum => value switch
    {
        ServiceCategory c => Of(c),
        ProcurementRoute r => Of(r),
        _ => value.ToString(),
    };

    /// <summary>Each value by its name ("DomiciliaryCare"), its label ("Domiciliary care") and the synonyms given, all compared as <see cref="Key"/>.</summary>
    private static Dictionary<string, T> Words<T>(Func<T, string> label, params (string Word, T Value)[] synonyms) where T : struct, Enum
    {
        var words = new Dictionary<string, T>();
        foreach (var v in Enum.GetValues<T>())
        {
            words[Key(v.ToString())] = v;
            words[Key(label(v))] = v;
        }
        foreach (var (word, value) in synonyms) words.TryAdd(Key(word), value);
        return words;
    }

    /// <summary>Letters and digits only, lower case: "Single source / waiver" and "single-source waiver" read alike.</summary>
    public static string Key(string text)
    {
        var b = new StringBuilder(text.Length);
        foreach (var c in text)
            if (char.IsLetterOrDigit(c)) b.Append(char.ToLowerInvariant(c));
        return b.ToString();
    }
}
