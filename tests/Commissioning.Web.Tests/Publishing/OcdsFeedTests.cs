using System.Net;
using System.Text.Json.Nodes;
using Commissioning.Domain.Common;
using Commissioning.Domain.Finance;
using Commissioning.Infrastructure.Publishing.Ocds;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Web.Tests.Publishing;

/// <summary>/ocds/releases.json and /ocds/records/{ocid} on the demo register, read anonymously.</summary>
[Collection(SharedApp.Register)]
public sealed class OcdsFeedTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    /// <summary>The five papers' contracts (Persona's two, Bury's LCO, Leicestershire's two lots, B&amp;NES, Kent's two).</summary>
    public static readonly string[] PaperContracts =
        ["SC-2015-0001", "SC-2021-0001", "SC-2021-0002", "SC-2016-0001", "SC-2016-0002", "SC-2021-0003", "SC-2014-0001", "SC-2017-0001"];

    [Fact]
    public async Task EveryDemoRelease_ValidatesAgainstTheReleaseSchemaWithTheUkExtension()
    {
        var (releases, packages) = await OcdsChecks.WholeFeedAsync(factory.NewCookielessClient());

        Assert.True(releases.Count > 50, $"only {releases.Count} releases");
        var failures = new List<string>();
        foreach (var release in releases)
        {
            failures.AddRange((await OcdsSchema.ErrorsAsync(release)).Select(e => $"{release["id"]}: {e}"));
            failures.AddRange(OcdsChecks.Problems(release));
        }
        Assert.Empty(failures);
        var ids = releases.Select(r => r["id"]!.ToString()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(packages, p =>
        {
            Assert.Equal("1.1", p["version"]!.ToString());
            Assert.Contains(OcdsOptions.UkExtension, p["extensions"]!.AsArray().Select(e => e!.ToString()));
            Assert.True(OcdsChecks.IsIsoWithOffset(p["publishedDate"]!.ToString()));
            Assert.Equal("Bury Council", p["publisher"]!["name"]!.ToString());
            Assert.StartsWith("http://localhost/ocds/releases.json", p["uri"]!.ToString());
        });
    }

    [Fact]
    public async Task EveryRelease_HasTheOcidPrefixAndOneOfTheEventTags()
    {
        // The demo's generated contracts may have no termination: one of its own makes sure every kind of event is seen.
        var ended = await PublicSeed.SpotAsync(factory, "SC-ENDED-01", "ended", Domain.Contracts.Confidentiality.Open, 60_000m);
        await PublicSeed.VaryAndTerminateAsync(factory, ended.Id, "ended", 61_000m);
        var (releases, _) = await OcdsChecks.WholeFeedAsync(factory.NewCookielessClient());

        Assert.All(releases, r =>
        {
            Assert.Matches(@"^ocds-xxxxxx-\d+$", r["ocid"]!.ToString());
            Assert.StartsWith(r["ocid"] + "-", r["id"]!.ToString());
            Assert.Equal("tender", r["initiationType"]!.ToString());
        });
        var tags = releases.SelectMany(r => r["tag"]!.AsArray().Select(t => t!.ToString())).Distinct().Order();
        Assert.Equal("award contract contractAmendment contractTermination planningUpdate", string.Join(" ", tags));
    }

    [Fact]
    public async Task TheValidator_RefusesABrokenRelease()
    {
        var (releases, _) = await OcdsChecks.WholeFeedAsync(factory.NewCookielessClient());
        var good = releases.First(r => r["contracts"] is not null);
        Assert.Empty(await OcdsSchema.ErrorsAsync(good));
        Assert.Empty(OcdsChecks.Problems(good));

        var broken = good.DeepClone().AsObject();
        broken.Remove("ocid");
        broken["tag"] = new JsonArray("signed");
        broken["initiationType"] = "auction";
        broken["parties"]![1]!["details"]!["vcse"] = "yes"; // the UK extension's vcse is a boolean
        Assert.Contains(await OcdsSchema.ErrorsAsync(broken), e => e.Contains("ocid", StringComparison.Ordinal));
        Assert.Contains(await OcdsSchema.ErrorsAsync(broken), e => e.Contains("vcse", StringComparison.Ordinal));

        var unresolved = good.DeepClone().AsObject();
        unresolved["contracts"]![0]!["awardID"] = "no-such-award";
        unresolved["date"] = "2025-04-01T00:00:00";
        unresolved["awards"]![0]!["suppliers"]![0]!["id"] = "provider-0";
        var problems = OcdsChecks.Problems(unresolved);
        Assert.Contains(problems, p => p.Contains("no-such-award", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("2025-04-01T00:00:00\"", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("provider-0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ThePapersContracts_AreInTheFeedWithTheRegistersAgreedValuesByYear()
    {
        var client = factory.NewCookielessClient();
        await using var scope = factory.OpenDb();
        foreach (var reference in PaperContracts)
        {
            var contract = await scope.Db.Contracts.SingleAsync(c => c.Reference == reference);
            var agreed = await scope.Db.AnnualValueReviews.Where(r => r.ContractId == contract.Id && r.Status == ReviewStatus.Agreed)
                .ToDictionaryAsync(r => $"{r.FinancialYearStart}-{(r.FinancialYearStart + 1) % 100:00}", r => Money.FromPence(r.YearValuePence).Amount);

            var record = await RecordAsync(client, $"ocds-xxxxxx-{contract.Id}");
            var compiled = record["records"]![0]!["compiledRelease"]!.AsObject();
            Assert.Equal(contract.Title, compiled["awards"]![0]!["title"]!.ToString());
            var breakdown = (compiled["planning"]?["budget"]?["budgetBreakdown"] as JsonArray ?? [])
                .ToDictionary(b => b!["id"]!.ToString(), b => b!["amount"]!["amount"]!.GetValue<decimal>());
            Assert.Equal(agreed.OrderBy(kv => kv.Key), breakdown.OrderBy(kv => kv.Key));
            Assert.All(compiled["planning"]?["budget"]?["budgetBreakdown"] as JsonArray ?? [], b => Assert.Equal("GBP", b!["amount"]!["currency"]!.ToString()));
            foreach (var release in record["records"]![0]!["releases"]!.AsArray())
                Assert.Empty(await OcdsSchema.ErrorsAsync(release!));
        }
    }

    [Fact]
    public async Task Amounts_AreWrittenInPoundsWithTwoDecimalPlaces()
    {
        var client = factory.NewCookielessClient();
        var id = await factory.ContractIdAsync("SC-2021-0001"); // Persona: £11,393,408.00 in 2021/22
        var text = await client.GetStringAsync($"/ocds/records/ocds-xxxxxx-{id}");
        Assert.Matches(@"""amount"": \d+\.\d\d,", text);
        Assert.DoesNotMatch(@"""amount"": \d+(\.\d)?,", text);
    }

    [Fact]
    public async Task TheLeadProvidersSubContractors_AndEveryConsortiumMember_AreParties()
    {
        var client = factory.NewCookielessClient();
        var lco = (await RecordAsync(client, $"ocds-xxxxxx-{await factory.ContractIdAsync("SC-2021-0002")}"))["records"]![0]!["compiledRelease"]!;
        var parties = lco["parties"]!.AsArray();
        Assert.Contains(parties, p => p!["name"]!.ToString() == "Pennine Care NHS Foundation Trust"
            && p["roles"]![0]!.ToString() == "x_subcontractor" && p["roleDetails"]!.ToString().Contains("Neighbourhood mental health teams", StringComparison.Ordinal));
        Assert.Contains(parties, p => p!["name"]!.ToString() == "Northern Care Alliance NHS Foundation Trust" && p["roles"]![0]!.ToString() == "supplier");
        Assert.Contains(parties, p => p!["roles"]![0]!.ToString() == "buyer" && p["name"]!.ToString() == "Bury Council");
        Assert.Single(lco["awards"]![0]!["suppliers"]!.AsArray());

        var bnes = (await RecordAsync(client, $"ocds-xxxxxx-{await factory.ContractIdAsync("SC-2021-0003")}"))["records"]![0]!["compiledRelease"]!;
        var suppliers = bnes["parties"]!.AsArray().Where(p => p!["roles"]![0]!.ToString() == "supplier").ToList();
        Assert.True(suppliers.Count >= 2);
        Assert.Single(suppliers, p => p!["roleDetails"]!.ToString().StartsWith("Lead member of the consortium", StringComparison.Ordinal));
        Assert.Equal(suppliers.Count, bnes["awards"]![0]!["suppliers"]!.AsArray().Count);
        Assert.All(suppliers, p => Assert.IsType<bool>(p!["details"]!["vcse"]!.GetValue<bool>()));
    }

    [Fact]
    public async Task Since_KeepsReleasesDatedOnOrAfterIt()
    {
        var client = factory.NewCookielessClient();
        var (all, _) = await OcdsChecks.WholeFeedAsync(client);
        var midnights = all.Select(r => DateTimeOffset.Parse(r["date"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture))
            .Where(d => d.TimeOfDay == TimeSpan.Zero).Order().ToList();
        var pick = midnights[midnights.Count / 2];

        var on = pick.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var (from, _) = await OcdsChecks.WholeFeedAsync(client, "/ocds/releases.json?since=" + Uri.EscapeDataString(on));
        Assert.Contains(from, r => DateTimeOffset.Parse(r["date"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture) == pick);
        Assert.All(from, r => Assert.True(DateTimeOffset.Parse(r["date"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture) >= pick));
        Assert.Equal(all.Count(r => DateTimeOffset.Parse(r["date"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture) >= pick), from.Count);

        var second = pick.AddSeconds(1).ToString("yyyy-MM-dd'T'HH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture);
        var (after, _) = await OcdsChecks.WholeFeedAsync(client, "/ocds/releases.json?since=" + Uri.EscapeDataString(second));
        Assert.DoesNotContain(after, r => DateTimeOffset.Parse(r["date"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture) == pick);

        var (byDay, _) = await OcdsChecks.WholeFeedAsync(client, "/ocds/releases.json?since=" + pick.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(from.Count, byDay.Count);
    }

    [Theory]
    [InlineData("since=yesterday")]
    [InlineData("since=01/04/2025")]
    [InlineData("since=2025-02-30")]
    [InlineData("since=2025-04-01T10:00:00")]
    [InlineData("page=0")]
    [InlineData("page=two")]
    public async Task ABadParameter_IsA400ProblemThatSaysWhatToGive(string query)
    {
        var response = await factory.NewCookielessClient().GetAsync("/ocds/releases.json?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(400, problem["status"]!.GetValue<int>());
        Assert.Contains(query.Split('=')[0], problem["detail"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task APagePastTheEnd_HasNoReleasesAndLinksBack()
    {
        var package = JsonNode.Parse(await factory.NewCookielessClient().GetStringAsync("/ocds/releases.json?page=999"))!;
        Assert.Empty(package["releases"]!.AsArray());
        Assert.NotNull(package["links"]!["prev"]);
        Assert.Null(package["links"]!["next"]);
    }

    [Fact]
    public async Task AnUnknownOrUnpublishedOcid_Is404()
    {
        var client = factory.NewCookielessClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/ocds/records/ocds-xxxxxx-999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/ocds/records/ocds-other-1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/ocds/records/nonsense")).StatusCode);
    }

    [Fact]
    public async Task TheFeed_IsCacheableForFiveMinutes_AndNeedsNoSignIn()
    {
        var response = await factory.NewCookielessClient().GetAsync("/ocds/releases.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=300", response.Headers.CacheControl?.ToString());
        var bad = await factory.NewCookielessClient().GetAsync("/ocds/releases.json?since=x");
        Assert.True(bad.Headers.CacheControl?.NoStore);
    }

    private static async Task<JsonObject> RecordAsync(HttpClient client, string ocid)
    {
        var response = await client.GetAsync("/ocds/records/" + ocid);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
