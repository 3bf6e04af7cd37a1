using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;

namespace Commissioning.Web.Tests.Publishing;

/// <summary>
/// The schema every published release must meet: OCDS 1.1.5's release schema with the UK extension's patch merged
/// in (RFC 7396), both read from the repository's schemas/ folder, validated by NJsonSchema (draft 4).
/// </summary>
public static class OcdsSchema
{
    private static readonly Lazy<Task<JsonSchema>> Release = new(LoadAsync);

    public static string Folder
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Commissioning.sln"))) dir = dir.Parent;
            return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("Commissioning.sln not found"), "schemas");
        }
    }

    public static JsonObject ReadJson(string relativePath) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Folder, relativePath)))?.AsObject() ?? throw new InvalidDataException(relativePath);

    /// <summary>The release schema with the UK patch merged in, before unreachable definitions are dropped.</summary>
    public static JsonObject Merged() =>
        JsonMergePatch.Apply(ReadJson("ocds-1.1.5/release-schema.json"), ReadJson("ocds-uk-extension/release-schema.json"))!.AsObject();

    /// <summary>
    /// The patch also adds to objects that only the UK extension's dependencies define (FrameworkAgreement, Suitability,
    /// Subcontract...), which no part of a core release refers to, and one of them refers to a Location that only the
    /// location extension defines. A definition nothing reachable from the release refers to cannot change what
    /// validates, so those are dropped before the schema is read (a $ref that cannot be resolved would stop it loading).
    /// </summary>
    public static (JsonObject Schema, IReadOnlyList<string> Dropped) Reachable(JsonObject schema)
    {
        var definitions = schema["definitions"]!.AsObject();
        var reached = new HashSet<string>();
        var queue = new Queue<JsonNode>([schema["properties"]!]);
        while (queue.TryDequeue(out var node))
            foreach (var name in References(node))
                if (definitions.ContainsKey(name) && reached.Add(name)) queue.Enqueue(definitions[name]!);
        var dropped = definitions.Select(d => d.Key).Where(k => !reached.Contains(k)).Order().ToList();
        foreach (var name in dropped) definitions.Remove(name);
        return (schema, dropped);
    }

    private static IEnumerable<string> References(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    if (key == "$ref" && value?.GetValue<string>() is { } r && r.StartsWith("#/definitions/", StringComparison.Ordinal))
                        yield return r["#/definitions/".Length..];
                    foreach (var inner in References(value)) yield return inner;
                }
                break;
            case JsonArray a:
                foreach (var item in a)
                    foreach (var inner in References(item)) yield return inner;
                break;
        }
    }

    private static async Task<JsonSchema> LoadAsync()
    {
        var (schema, _) = Reachable(Merged());
        return await JsonSchema.FromJsonAsync(schema.ToJsonString());
    }

    /// <summary>Every schema error of one release, as "path: kind" lines; empty when it is valid.</summary>
    public static async Task<IReadOnlyList<string>> ErrorsAsync(JsonNode release)
    {
        var schema = await Release.Value;
        return Flatten(schema.Validate(release.ToJsonString())).ToList();
    }

    private static IEnumerable<string> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var e in errors)
        {
            if (e is ChildSchemaValidationError child)
                foreach (var inner in child.Errors.SelectMany(kv => Flatten(kv.Value))) yield return inner;
            yield return $"{e.Path}: {e.Kind}";
        }
    }
}

/// <summary>JSON Merge Patch (RFC 7396): objects merge key by key, null removes a key, anything else replaces.</summary>
public static class JsonMergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject) return patch?.DeepClone();
        var result = target is JsonObject t ? t.DeepClone().AsObject() : new JsonObject();
        foreach (var (key, value) in patchObject)
        {
            if (value is null) result.Remove(key);
            else result[key] = Apply(result[key], value);
        }
        return result;
    }
}
