using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Commissioning.Web.Tests.Publishing;

/// <summary>
/// What the schema cannot say about a release: every contracts[].awardID is an awards[].id of the same release, every
/// party it refers to is in its parties, every date is ISO 8601 with an offset; and, across a feed, release ids are unique.
/// </summary>
public static partial class OcdsChecks
{
    private static readonly HashSet<string> DateFields = ["date", "publishedDate", "startDate", "endDate", "maxExtentDate", "dateSigned"];

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex IsoWithOffset();

    public static IReadOnlyList<string> Problems(JsonObject release)
    {
        var problems = new List<string>();
        var id = release["id"]?.ToString() ?? "(no id)";
        var awardIds = (release["awards"] as JsonArray ?? []).Select(a => a?["id"]?.ToString()).ToHashSet();
        foreach (var contract in release["contracts"] as JsonArray ?? [])
            if (!awardIds.Contains(contract?["awardID"]?.ToString()))
                problems.Add($"{id}: contract {contract?["id"]} has awardID {contract?["awardID"]}, no award of the release");

        var partyIds = (release["parties"] as JsonArray ?? []).Select(p => p?["id"]?.ToString()).ToList();
        if (partyIds.Count != partyIds.Distinct().Count()) problems.Add($"{id}: a party id appears twice");
        foreach (var reference in References(release))
            if (!partyIds.Contains(reference)) problems.Add($"{id}: refers to party {reference}, not in its parties");

        foreach (var (path, value) in Dates(release, "$"))
            if (!IsIsoWithOffset(value)) problems.Add($"{id}: {path} is \"{value}\", not an ISO 8601 date and time with an offset");
        return problems;
    }

    public static bool IsIsoWithOffset(string value) =>
        IsoWithOffset().IsMatch(value) && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    /// <summary>The buyer and every supplier named in an award or an amendment.</summary>
    private static IEnumerable<string?> References(JsonObject release)
    {
        if (release["buyer"] is JsonObject buyer) yield return buyer["id"]?.ToString();
        foreach (var award in release["awards"] as JsonArray ?? [])
            foreach (var supplier in award?["suppliers"] as JsonArray ?? [])
                yield return supplier?["id"]?.ToString();
    }

    private static IEnumerable<(string Path, string Value)> Dates(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    if (DateFields.Contains(key) && value is JsonValue v) yield return ($"{path}.{key}", v.ToString());
                    foreach (var inner in Dates(value, $"{path}.{key}")) yield return inner;
                }
                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                    foreach (var inner in Dates(a[i], $"{path}[{i}]")) yield return inner;
                break;
        }
    }

    /// <summary>Every release of the feed, following links.next from the first page; also returns each page's package.</summary>
    public static async Task<(List<JsonObject> Releases, List<JsonObject> Packages)> WholeFeedAsync(HttpClient client, string first = "/ocds/releases.json")
    {
        var releases = new List<JsonObject>();
        var packages = new List<JsonObject>();
        var next = first;
        while (next is not null && packages.Count < 1000)
        {
            var response = await client.GetAsync(next);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var package = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
            packages.Add(package);
            releases.AddRange(package["releases"]!.AsArray().Select(r => r!.AsObject()));
            next = package["links"]?["next"]?.ToString() is { } uri ? new Uri(uri).PathAndQuery : null;
        }
        return (releases, packages);
    }
}
