using System.Globalization;
using System.Net;
using Commissioning.Domain.Contracts;
using Commissioning.Web.Tests.Support;

namespace Commissioning.Web.Tests.Publishing;

/// <summary>/Public/Contracts: anyone, no sign-in; search, pages, values by year that add up; cached; off when Public:Enabled is false.</summary>
[Collection(SharedApp.Register)]
public sealed class PublicContractsPageTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    [Fact]
    public async Task Anyone_ReadsThePage_CachedForFiveMinutes_WithNoSignedInNavigation()
    {
        var response = await factory.NewCookielessClient().GetAsync("/Public/Contracts");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=300", response.Headers.CacheControl?.ToString());

        // Signed in, the page is the same public page: no name, no sign-out, no register navigation.
        var signedIn = await factory.SignedInClientAsync(CommissioningFactory.Administrator);
        var page = await signedIn.GetPageAsync("/Public/Contracts");
        Assert.Null(page.Document.QuerySelector(".govuk-service-navigation"));
        Assert.DoesNotContain(CommissioningFactory.NameOf(CommissioningFactory.Administrator), page.Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Contracts – Published contracts – Bury Council", Browser.Normalise(page.Document.Title));
        Assert.NotNull(page.Document.QuerySelector("a[href='/ocds/releases.json']"));
        Assert.NotNull(page.Document.QuerySelector("a[href='/Public/Contracts?handler=Csv']"));
    }

    [Fact]
    public async Task Search_FindsByReferenceTitleOrSupplier_AndSaysHowManyMatch()
    {
        var client = factory.NewCookielessClient();
        var byReference = await client.GetPageAsync("/Public/Contracts?q=sc-2021-0001");
        Assert.Equal(["SC-2021-0001"], References(byReference));
        var byTitle = await client.GetPageAsync("/Public/Contracts?q=" + Uri.EscapeDataString("Help to Live at Home"));
        Assert.Equal(["SC-2016-0001", "SC-2016-0002"], References(byTitle));
        // A sub-contractor is named in the contract, so it finds the lead provider's contract.
        var bySupplier = await client.GetPageAsync("/Public/Contracts?q=" + Uri.EscapeDataString("Pennine Care"));
        Assert.Equal(["SC-2021-0002"], References(bySupplier));
        Assert.Contains("1 contract matching “Pennine Care”", bySupplier.Document.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        var none = await client.GetPageAsync("/Public/Contracts?q=zzzz-nothing");
        Assert.Empty(References(none));
    }

    [Fact]
    public async Task Pages_Hold20Contracts_AndTogetherEveryPublishedOneOnce()
    {
        var client = factory.NewCookielessClient();
        var first = await client.GetPageAsync("/Public/Contracts");
        var total = int.Parse(first.Document.QuerySelector("[role=status]")!.TextContent.Trim().Split(' ')[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        Assert.True(total > 20, $"{total} contracts: one page only");
        Assert.Equal(20, References(first).Count);
        var pages = (total + 19) / 20;
        var seen = new List<string>(References(first));
        for (var p = 2; p <= pages; p++)
            seen.AddRange(References(await client.GetPageAsync($"/Public/Contracts?page={p}")));
        Assert.Equal(total, seen.Count);
        Assert.Equal(total, seen.Distinct().Count());
        // Past the last page, the last page; a page number that is not one, the first.
        Assert.Equal(References(await client.GetPageAsync($"/Public/Contracts?page={pages}")), References(await client.GetPageAsync("/Public/Contracts?page=999")));
        Assert.Equal(References(first), References(await client.GetPageAsync("/Public/Contracts?page=abc")));
        Assert.NotNull(first.Document.QuerySelector("a[rel=next][href='/Public/Contracts?page=2']"));
    }

    [Fact]
    public async Task ValuesByYear_AreTheAgreedOnes_AndAddUpToTheTotalsRow()
    {
        var seeded = await PublicSeed.SpotAsync(factory, "SC-VALUES-01", "values", Confidentiality.Open, 100_000m);
        await PublicSeed.ValueAsync(factory, seeded.Id, 2024, 90_000.01m);
        await PublicSeed.ValueAsync(factory, seeded.Id, 2025, 95_000.02m);
        await PublicSeed.ValueAsync(factory, seeded.Id, 2026, 99_999.99m, agree: false); // in progress: not a value yet

        var page = await factory.NewCookielessClient().GetPageAsync("/Public/Contracts?q=SC-VALUES-01");
        var rows = page.Document.QuerySelectorAll("section.govuk-summary-card table tbody tr")
            .Select(r => (Year: r.QuerySelector("th")!.TextContent.Trim(), Value: r.QuerySelector("td")!.TextContent.Trim())).ToList();
        Assert.Equal([("2024/25", "£90,000.01"), ("2025/26", "£95,000.02"), ("Total of the years shown", "£185,000.03")], rows);
        var sum = rows.SkipLast(1).Sum(r => decimal.Parse(r.Value.TrimStart('£'), NumberStyles.Number, CultureInfo.InvariantCulture));
        Assert.Equal(decimal.Parse(rows[^1].Value.TrimStart('£'), NumberStyles.Number, CultureInfo.InvariantCulture), sum);
        Assert.DoesNotContain("99,999.99", page.Html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheCsv_HasEveryPublishedContract_WithItsPublishedFields()
    {
        var client = factory.NewCookielessClient();
        var response = await client.GetAsync("/Public/Contracts?handler=Csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Reference,Title,Description,Department", lines[0], StringComparison.Ordinal);
        var page = await client.GetPageAsync("/Public/Contracts");
        var total = int.Parse(page.Document.QuerySelector("[role=status]")!.TextContent.Trim().Split(' ')[0], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
        Assert.Equal(total, lines.Length - 1);
        Assert.Contains(lines, l => l.StartsWith("SC-2021-0001,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADraftOrWithdrawnContract_OrOneAtTheThreshold_IsNotListed_AndOneAPennyOverIs()
    {
        // The threshold is the contracts file's: worth more than £5,000. A spot contract is compared by its estimated annual spend.
        await PublicSeed.SpotAsync(factory, "SC-AT-5000", "at", Confidentiality.Open, 5_000.00m);
        await PublicSeed.SpotAsync(factory, "SC-OVER-5000", "over", Confidentiality.Open, 5_000.01m);
        await PublicSeed.SpotAsync(factory, "SC-DRAFT-02", "draft", Confidentiality.Open, 50_000m, awarded: false);
        var withdrawn = await PublicSeed.SpotAsync(factory, "SC-GONE-02", "gone", Confidentiality.Open, 50_000m);
        await PublicSeed.WithdrawAsync(factory, withdrawn.Id);

        var page = await factory.NewCookielessClient().GetPageAsync("/Public/Contracts?q=SC-");
        var all = References(page).ToList();
        for (var p = 2; all.Count % 20 == 0 && all.Count > 0 && p < 10; p++)
        {
            var more = References(await factory.NewCookielessClient().GetPageAsync($"/Public/Contracts?q=SC-&page={p}"));
            if (more.Count == 0 || all.Contains(more[0])) break;
            all.AddRange(more);
        }
        Assert.Contains("SC-OVER-5000", all);
        Assert.DoesNotContain("SC-AT-5000", all);
        Assert.DoesNotContain("SC-DRAFT-02", all);
        Assert.DoesNotContain("SC-GONE-02", all);
    }

    [Fact]
    public async Task WithPublicEnabledFalse_EveryPublicAddressIsNotFound()
    {
        await using var off = CommissioningFactory.With(("Public:Enabled", "false"));
        var client = off.NewCookielessClient();
        foreach (var address in new[] { "/Public/Contracts", "/Public/Contracts?handler=Csv", "/ocds/releases.json", "/ocds/records/ocds-xxxxxx-1" })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(address)).StatusCode);
        // Signed in, still not there: the setting switches publishing off, not only anonymous reading.
        var signedIn = await off.SignedInClientAsync(CommissioningFactory.Administrator);
        Assert.Equal(HttpStatusCode.NotFound, (await signedIn.GetAsync("/Public/Contracts")).StatusCode);
    }

    [Fact]
    public async Task TooManyRequests_Are429WithAFriendlyPage_AndRetryAfter()
    {
        await using var limited = CommissioningFactory.With(("Public:RequestsPerMinute", "3"));
        var client = limited.NewClient(address: "203.0.113.9");
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(i == 1 ? "/ocds/releases.json" : "/Public/Contracts")).StatusCode);

        var refused = await client.GetAsync("/Public/Contracts");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Contains("Too many requests", html, StringComparison.Ordinal);
        Assert.Contains("too many pages in a short while", html, StringComparison.Ordinal);
        Assert.DoesNotContain("sign in", html.Split("<main")[1], StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.GetAsync("/ocds/releases.json")).StatusCode);
        // Another address has its own allowance.
        Assert.Equal(HttpStatusCode.OK, (await limited.NewClient(address: "203.0.113.10").GetAsync("/Public/Contracts")).StatusCode);
    }

    private static List<string> References(HtmlPage page) =>
        page.Document.QuerySelectorAll("section.govuk-summary-card h2").Select(h => h.TextContent.Split(':')[0].Trim()).ToList();
}
