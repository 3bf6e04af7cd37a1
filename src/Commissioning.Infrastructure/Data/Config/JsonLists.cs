using System.Text.Json;
using System.Text.Json.Serialization;
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
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
}
