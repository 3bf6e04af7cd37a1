using System.Net;
using System.Text.RegularExpressions;
using Commissioning.Domain.Contracts;
using Commissioning.Web.Tests.Support;

namespace Commissioning.Web.Tests.Publishing;

/// <summary>
/// The issue's access test: every answer anyone can get without signing in — the public page with and without a search,
/// each of its pages, its CSV, every page of the feed and every record — never shows what a confidential contract
/// withholds, nor anything of a draft, a withdrawn contract or a review not yet agreed; and the same fields of an open
/// contract are there, so the test would notice if nothing were published at all.
/// </summary>
[Collection(SharedApp.Register)]
public sealed partial class PublicAccessTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    private const string Secret = "SECRET-MARKER-7Q";
    private const string Sensitive = "SENSITIVE-MARKER-5J";
    private const string Open = "OPEN-MARKER-3K";
    private const string Draft = "DRAFT-MARKER-9Z";
    private const string Withdrawn = "WITHDRAWN-MARKER-2W";

    [Fact]
    public async Task NoPublicAnswer_ShowsAWithheldFieldADraftAWithdrawnContractOrAReviewInProgress()
    {
        var exempt = await PublicSeed.SpotAsync(factory, "SC-SECRET-01", Secret, Confidentiality.Exempt, 7_777_777.77m);
        await PublicSeed.ValueAsync(factory, exempt.Id, 2024, 6_543_210.98m);
        await PublicSeed.VaryAndTerminateAsync(factory, exempt.Id, Secret, 7_654_321.09m);
        var sensitive = await PublicSeed.SpotAsync(factory, "SC-SENSITIVE-01", Sensitive, Confidentiality.CommerciallySensitive, 3_141_592.65m);
        await PublicSeed.ValueAsync(factory, sensitive.Id, 2024, 2_718_281.83m);
        var open = await PublicSeed.SpotAsync(factory, "SC-OPEN-01", Open, Confidentiality.Open, 8_888_888.88m);
        await PublicSeed.ValueAsync(factory, open.Id, 2024, 5_432_109.87m);
        await PublicSeed.ValueAsync(factory, open.Id, 2025, 4_444_444.44m, agree: false);
        await PublicSeed.VaryAndTerminateAsync(factory, open.Id, Open, 8_100_000.01m);
        var draft = await PublicSeed.SpotAsync(factory, "SC-DRAFT-01", Draft, Confidentiality.Open, 1_111_111.11m, awarded: false);
        var withdrawn = await PublicSeed.SpotAsync(factory, "SC-WITHDRAWN-01", Withdrawn, Confidentiality.Open, 2_222_222.22m);
        await PublicSeed.ValueAsync(factory, withdrawn.Id, 2024, 2_222_222.22m);
        await PublicSeed.WithdrawAsync(factory, withdrawn.Id);

        var answers = await EveryPublicAnswerAsync(factory.NewCookielessClient(),
            ["", "SECRET", "SC-SECRET-01", "SC-OPEN-01", "SENSITIVE", "Care", "DRAFT", "WITHDRAWN", "SC-"],
            [exempt.Id, sensitive.Id, open.Id, draft.Id, withdrawn.Id]);
        var all = string.Join("\n", answers.Values);

        string[] neverShown =
        [
            Secret, $"{Sensitive} rate card line", Draft, Withdrawn, "SC-DRAFT-01", "SC-WITHDRAWN-01", "reason for the variation",
            "reason for the termination", "break clause",
            .. Figures(7_777_777.77m), .. Figures(6_543_210.98m), .. Figures(7_654_321.09m), // the exempt contract's
            .. Figures(3_141_592.65m), .. Figures(2_718_281.83m), // the commercially sensitive contract's
            .. Figures(4_444_444.44m), // a review not yet agreed
            .. Figures(7_777.78m), .. Figures(3_141.59m), $"{Sensitive}/contract.pdf", // irrecoverable VAT and the signed contract
        ];
        foreach (var text in neverShown)
        {
            var leaks = answers.Where(a => a.Value.Contains(text, StringComparison.OrdinalIgnoreCase)).Select(a => a.Key).ToList();
            Assert.True(leaks.Count == 0, $"\"{text}\" is shown at {string.Join(", ", leaks)}");
        }

        // The same fields of the open contract are there, so the search above could have found them.
        Assert.Contains($"{Open} description of the service", all, StringComparison.Ordinal);
        Assert.Contains("8,100,000.01", all, StringComparison.Ordinal); // its estimated annual spend, as varied
        Assert.Contains("5432109.87", all, StringComparison.Ordinal);
        Assert.Contains("5,432,109.87", all, StringComparison.Ordinal);
        Assert.Contains("8100000.01", all, StringComparison.Ordinal);
        Assert.Contains($"{Open}/contract.pdf", all, StringComparison.Ordinal);
        Assert.Contains("8,888.89", all, StringComparison.Ordinal); // its irrecoverable VAT
        Assert.Contains($"{Sensitive}/tender-documents", all, StringComparison.Ordinal); // withheld only when exempt
        // The confidential contracts are published, with what was withheld said, and what the level keeps shown.
        Assert.Contains("SC-SECRET-01", all, StringComparison.Ordinal);
        Assert.Contains("Withheld as exempt from disclosure", answers["/Public/Contracts?q=SC-SECRET-01"], StringComparison.Ordinal);
        Assert.Contains($"{Sensitive} description of the service", all, StringComparison.Ordinal);
        Assert.Contains("Withheld as commercially sensitive", answers["/Public/Contracts?q=SENSITIVE"], StringComparison.Ordinal);
        Assert.Contains("SC-SECRET-01 Care Ltd", answers["/Public/Contracts?handler=Csv"], StringComparison.Ordinal);
    }

    /// <summary>Money as a page, the CSV and the feed could write it: £7,777,777.77, 7777777.77, and the pence.</summary>
    private static string[] Figures(decimal pounds) =>
        [pounds.ToString("#,##0.00", System.Globalization.CultureInfo.InvariantCulture), pounds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
         ((long)(pounds * 100)).ToString(System.Globalization.CultureInfo.InvariantCulture)];

    [GeneratedRegex(@"href=""(/Public/Contracts\?[^""]*page=\d+[^""]*)""")]
    private static partial Regex PageLink();

    /// <summary>Every answer, by address: the page for each search and each of its pages, the CSV, the feed's pages and every record.</summary>
    private static async Task<Dictionary<string, string>> EveryPublicAnswerAsync(HttpClient client, string[] searches, int[] alsoAsk)
    {
        var answers = new Dictionary<string, string>();
        async Task<string> Get(string address)
        {
            var response = await client.GetAsync(address);
            var body = await response.Content.ReadAsStringAsync();
            answers[address] = body;
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{address} answered {(int)response.StatusCode}");
            return body;
        }

        foreach (var q in searches)
        {
            var first = q.Length == 0 ? "/Public/Contracts" : "/Public/Contracts?q=" + Uri.EscapeDataString(q);
            var html = await Get(first);
            foreach (var link in PageLink().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Distinct())
                if (!answers.ContainsKey(link)) await Get(link);
        }
        Assert.True(answers.Keys.Count(k => k.Contains("page=", StringComparison.Ordinal)) > 0, "the public page has one page only: paging not covered");
        await Get("/Public/Contracts?handler=Csv");

        var (releases, _) = await OcdsChecks.WholeFeedAsync(client);
        answers["/ocds/releases.json (every page)"] = string.Join("\n", releases.Select(r => r.ToJsonString()));
        var since = await Get("/ocds/releases.json?since=2024-01-01");
        Assert.Contains("releases", since, StringComparison.Ordinal);
        foreach (var ocid in releases.Select(r => r["ocid"]!.ToString()).Concat(alsoAsk.Select(id => $"ocds-xxxxxx-{id}")).Distinct())
            await Get("/ocds/records/" + ocid);
        Assert.True(answers.Count > 30, $"only {answers.Count} answers were read");
        return answers;
    }
}
