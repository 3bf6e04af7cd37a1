using System.Text.Json.Nodes;

namespace Commissioning.Web.Tests.Publishing;

/// <summary>RFC 7396, as the tests merge the UK extension into the release schema.</summary>
public sealed class JsonMergePatchTests
{
    private static string Merge(string target, string patch) =>
        JsonMergePatch.Apply(JsonNode.Parse(target), JsonNode.Parse(patch))?.ToJsonString() ?? "null";

    [Theory]
    [InlineData("""{"a":"b"}""", """{"a":"c"}""", """{"a":"c"}""")] // a value is replaced
    [InlineData("""{"a":"b"}""", """{"b":"c"}""", """{"a":"b","b":"c"}""")] // a new key is added
    [InlineData("""{"a":"b","b":"c"}""", """{"a":null}""", """{"b":"c"}""")] // null removes
    [InlineData("""{"a":["b"]}""", """{"a":["c","d"]}""", """{"a":["c","d"]}""")] // arrays are replaced, not merged
    [InlineData("""{"a":{"b":"c","d":"e"}}""", """{"a":{"d":null,"f":"g"}}""", """{"a":{"b":"c","f":"g"}}""")] // objects merge deeply
    [InlineData("""{"a":"b"}""", """["c"]""", """["c"]""")] // a patch that is not an object replaces the whole
    [InlineData("""["a"]""", """{"b":"c"}""", """{"b":"c"}""")] // an object patch on a non-object starts from {}
    [InlineData("""{"a":"b"}""", """{"a":{"c":null}}""", """{"a":{}}""")] // a null inside a new object is not kept
    public void Apply_FollowsRfc7396(string target, string patch, string expected) => Assert.Equal(expected, Merge(target, patch));

    [Fact]
    public void Apply_LeavesTheTargetUnchanged()
    {
        var target = JsonNode.Parse("""{"a":{"b":1}}""")!;
        JsonMergePatch.Apply(target, JsonNode.Parse("""{"a":{"b":2}}"""));
        Assert.Equal("""{"a":{"b":1}}""", target.ToJsonString());
    }

    [Fact]
    public void TheMergedSchema_HasTheUkFields_AndDropsOnlyWhatNoReleaseCanReach()
    {
        var core = OcdsSchema.ReadJson("ocds-1.1.5/release-schema.json")["definitions"]!.AsObject().Select(d => d.Key).ToHashSet();
        var merged = OcdsSchema.Merged();
        var organization = merged["definitions"]!["Organization"]!["properties"]!;
        Assert.Equal("""["boolean","null"]""", organization["details"]!["properties"]!["vcse"]!["type"]!.ToJsonString());
        Assert.NotNull(organization["roleDetails"]);
        Assert.NotNull(organization["name"]); // the core's fields stay
        Assert.NotNull(merged["definitions"]!["Amendment"]!["properties"]!["rationale"]);
        Assert.NotNull(merged["definitions"]!["Amendment"]!["properties"]!["value"]);

        var (_, dropped) = OcdsSchema.Reachable(merged);
        // Only the objects the extension's dependencies define, never a core one.
        Assert.NotEmpty(dropped);
        Assert.DoesNotContain(dropped, core.Contains);
        Assert.Contains("Subcontract", dropped);
    }
}
