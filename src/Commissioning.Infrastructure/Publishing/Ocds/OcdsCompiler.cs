using System.Text.Json.Nodes;

namespace Commissioning.Infrastructure.Publishing.Ocds;

/// <summary>
/// A record's compiled release: its releases merged oldest first, each later value replacing an earlier one (OCDS
/// merging): objects merge field by field, an array of objects with ids merges item by item on the id (so every
/// amendment, party and year's budget line stays), any other array or value is replaced. The compiled release is
/// tagged "compiled" and takes the latest release's date.
/// </summary>
public static class OcdsCompiler
{
    public static JsonObject Compile(string ocid, IReadOnlyList<JsonObject> releasesOldestFirst)
    {
        var compiled = new JsonObject();
        foreach (var release in releasesOldestFirst) Merge(compiled, release);
        compiled["id"] = $"{ocid}-compiled";
        compiled["tag"] = new JsonArray("compiled");
        return compiled;
    }

    private static void Merge(JsonObject target, JsonObject source)
    {
        foreach (var (key, value) in source)
        {
            switch (value)
            {
                case null:
                    break;
                case JsonObject o when target[key] is JsonObject existing:
                    Merge(existing, o);
                    break;
                case JsonArray a when IsIdentified(a) && target[key] is JsonArray existingArray && IsIdentified(existingArray):
                    MergeById(existingArray, a);
                    break;
                default:
                    target[key] = value.DeepClone();
                    break;
            }
        }
    }

    private static bool IsIdentified(JsonArray a) => a.Count > 0 && a.All(i => i is JsonObject o && o["id"] is JsonValue);

    private static void MergeById(JsonArray target, JsonArray source)
    {
        foreach (var item in source.Cast<JsonObject>())
        {
            var id = item["id"]!.ToJsonString();
            if (target.OfType<JsonObject>().FirstOrDefault(t => t["id"]!.ToJsonString() == id) is { } existing) Merge(existing, item);
            else target.Add(item.DeepClone());
        }
    }
}
