using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Commissioning.Infrastructure.Data.Config;

/// <summary>A list of records as a JSON array in a text column; enums by name, as in the other columns.</summary>
internal sealed class JsonListConverter<T>() : ValueConverter<IReadOnlyList<T>, string>(
    v => JsonSerializer.Serialize(v, JsonLists.Options),
    s => JsonSerializer.Deserialize<List<T>>(s, JsonLists.Options) ?? new List<T>());

/// <summary>Compares the lists item by item (records compare by value), so an edit in place is noticed.</summary>
internal sealed class JsonListComparer<T>() : ValueComparer<IReadOnlyList<T>>(
    (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
    v => v.Aggregate(0, (h, x) => HashCode.Combine(h, x)),
    v => v.ToList());

internal static class JsonLists
{
    // Declared before Options, which reads it: static fields are set in the order written.
    /// <summary>Writes a record as it is stored; the audit trail writes list columns with it too.</summary>
    public static IJsonTypeInfoResolver StoredOnlyResolver { get; } = new DefaultJsonTypeInfoResolver { Modifiers = { StoredOnly } };

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        TypeInfoResolver = StoredOnlyResolver,
    };


    // Only what a record is made from is stored: its constructor's parameters, and init properties
    // when set (an answer's Ticks, null on all but a paper's several-box answers). Properties worked
    // out from those (Ticked, TickedText) would only bloat the column and could never be read back.
    private static void StoredOnly(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object) return;
        var parameters = info.Type.GetConstructors().SelectMany(c => c.GetParameters()).Select(p => p.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var property in info.Properties.ToList())
        {
            if (parameters.Contains(property.Name)) continue;
            if (property.Set is null) info.Properties.Remove(property);
            else property.ShouldSerialize = static (_, value) => value is not null;
        }
    }
}
