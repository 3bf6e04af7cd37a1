using System.Text.Json;
using System.Text.Json.Serialization;

namespace Commissioning.Infrastructure.Import;

/// <summary>How an upload's settings and a saved mapping are kept as JSON: enums by name, as the other columns.</summary>
internal static class ImportJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T? Deserialize<T>(string? json) where T : class
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            return JsonSerializer.Deserialize<T>(json, Options);
        }
        catch (JsonException)
        {
            // Settings saved by an older version that no longer read: the user maps the file again.
            return null;
        }
    }
}
