using System.Net;
using System.Text;
using Commissioning.Infrastructure.Import;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Import;

/// <summary>The mapping, the dry run and the commit through the pages, and the register's download imported back.</summary>
[Collection(SharedApp.Register)]
public sealed class ImportFlowTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    /// <summary>Uploads, takes the mapping as proposed (with any fields changed) and runs the dry run: the dry run's page.</summary>
    private static async Task<(int Id, HtmlPage DryRun)> DryRunAsync(HttpClient client, string fileName, byte[] content, params (string Key, string Value)[] changes)
    {
        var id = ImportClient.UploadId(await client.UploadAsync(fileName, content));
        var mapping = await client.GetPageAsync($"/Import/Mapping/{id}");
        var form = mapping.Form("main form[method='post']");
        foreach (var (key, value) in changes) form.Set(key, value);
        var run = await client.PostFormAsync($"/Import/Mapping/{id}", form);
        Assert.True(run.Status == HttpStatusCode.Redirect, $"Run dry run: {(int)run.Status} {string.Join("; ", run.ErrorSummary)}");
        Assert.Equal($"/Import/DryRun/{id}", run.Location);
        return (id, await client.GetPageAsync($"/Import/DryRun/{id}"));
    }

    private static int Count(HtmlPage page, RowOutcome outcome) =>
        int.Parse(page.Document.QuerySelector($"#counts [data-outcome='{outcome}']")!.TextContent.Trim(), System.Globalization.NumberStyles.AllowThousands,
            System.Globalization.CultureInfo.GetCultureInfo("en-GB"));

    [Fact]
    public async Task The_dry_run_writes_nothing_and_the_commit_imports_once()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var before = await factory.ContractCountAsync();
        var (id, dryRun) = await DryRunAsync(client, "one.csv", Encoding.UTF8.GetBytes(UploadTests.GoodCsv));

        Assert.Equal(1, Count(dryRun, RowOutcome.Create));
        Assert.Contains("1 contract will be created", dryRun.Text);
        Assert.Equal(before, await factory.ContractCountAsync());

        var commit = await client.PostFormAsync($"/Import/DryRun/{id}", dryRun.Form("main form[method='post']:has(input[name='Fingerprint'])"));
        Assert.Equal(HttpStatusCode.Redirect, commit.Status);
        Assert.Equal($"/Import/Done/{id}", commit.Location);
        Assert.Equal(before + 1, await factory.ContractCountAsync());
        var done = await client.GetPageAsync($"/Import/Done/{id}");
        Assert.Contains("Import complete", done.Text);
        Assert.Contains("1 contract created, 0 contracts updated", done.Text);
        Assert.NotNull(done.Document.QuerySelector("#imported-contracts a[href^='/Contracts/Details/']"));
        await using (var scope = factory.OpenDb())
        {
            var imported = await scope.Db.Contracts.AsNoTracking().SingleAsync(c => c.Reference == "IMP-0001");
            Assert.Equal(("Night sitting service", new DateOnly(2025, 4, 1), new DateOnly(2028, 3, 31), 12_000_000L),
                (imported.Title, imported.StartDate, imported.CurrentEndDate, imported.AnnualValuePence));
        }

        // Pressing "Import contracts" again (back, resubmit) imports nothing more.
        var again = await client.PostFormAsync($"/Import/DryRun/{id}", dryRun.Form("main form[method='post']:has(input[name='Fingerprint'])"), tokenFrom: "/Import");
        Assert.Equal(HttpStatusCode.Redirect, again.Status);
        Assert.Equal($"/Import/Done/{id}", again.Location);
        Assert.Equal(before + 1, await factory.ContractCountAsync());
    }

    [Fact]
    public async Task A_commit_after_the_register_changed_is_refused_and_the_dry_run_shown_afresh()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var (id, dryRun) = await DryRunAsync(client, "one.csv", Encoding.UTF8.GetBytes(UploadTests.GoodCsv));
        var stale = dryRun.Form("main form[method='post']:has(input[name='Fingerprint'])");
        // Meanwhile the same contract is imported from another upload.
        var (otherId, otherRun) = await DryRunAsync(client, "same.csv", Encoding.UTF8.GetBytes(UploadTests.GoodCsv));
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Import/DryRun/{otherId}", otherRun.Form("main form[method='post']:has(input[name='Fingerprint'])"))).Status);
        var count = await factory.ContractCountAsync();

        var refused = await client.PostFormAsync($"/Import/DryRun/{id}", stale);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal([ImportCommitter.StaleRefusal], refused.ErrorSummary);
        Assert.Equal(0, Count(refused, RowOutcome.Create));
        Assert.Equal(1, Count(refused, RowOutcome.Unchanged));
        Assert.Equal(count, await factory.ContractCountAsync());
    }

    [Theory]
    [InlineData("duplicate-references.csv")]
    [InlineData("formula-cells.csv")]
    public async Task Rows_the_import_cannot_take_are_listed_with_row_column_value_and_reason(string sample)
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var before = await factory.ContractCountAsync();
        int directorate;
        await using (var scope = factory.OpenDb()) directorate = await scope.Db.DirectorateIdAsync("Adult Social Care");
        var (_, dryRun) = await DryRunAsync(client, sample, ImportClient.Sample(sample),
            ("Input.DefaultDirectorate", directorate.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var refused = dryRun.Document.QuerySelectorAll("#refused tbody tr").Select(tr => tr.QuerySelectorAll("td").Select(td => Browser.Normalise(td.TextContent)).ToList()).ToList();
        Assert.NotEmpty(refused);
        // Row, column, value (which may be blank), reason.
        Assert.All(refused, cells => Assert.True(cells.Count == 4 && int.TryParse(cells[0], out var row) && row >= 2 && cells[1].Length > 0 && cells[3].Length > 0,
            string.Join(" | ", cells)));
        Assert.Equal(refused.Select(r => r[0]).Distinct().Count(), Count(dryRun, RowOutcome.Refuse));
        Assert.Equal(before, await factory.ContractCountAsync());
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task The_register_downloaded_and_imported_back_is_all_unchanged(string format)
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var download = await client.GetAsync($"/Contracts?handler=Export&format={format}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var file = await download.Content.ReadAsByteArrayAsync();
        int contracts;
        await using (var scope = factory.OpenDb()) contracts = await scope.Db.Contracts.CountAsync(c => c.WithdrawnAtUtc == null);

        var (id, dryRun) = await DryRunAsync(client, $"contract-register.{format}", file);

        var problems = string.Join("; ", dryRun.Document.QuerySelectorAll("#refused tbody tr, #updates tbody tr").Select(tr => Browser.Normalise(tr.TextContent)).Take(10));
        Assert.True(Count(dryRun, RowOutcome.Unchanged) == contracts, $"{Count(dryRun, RowOutcome.Unchanged)} of {contracts} unchanged: {problems}");
        Assert.Equal(0, Count(dryRun, RowOutcome.Create) + Count(dryRun, RowOutcome.Update) + Count(dryRun, RowOutcome.Refuse) + Count(dryRun, RowOutcome.Skip));
        Assert.Null(dryRun.Document.QuerySelector("#providers"));
    }

    [Fact]
    public async Task The_register_download_has_the_import_headings_and_a_column_a_year()
    {
        var client = await factory.SignedInClientAsync(Viewer);
        var csv = await client.GetStringAsync("/Contracts?handler=Export&format=csv&Filter.Q=SC-2021-0001");
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var headings = lines[0].Split(',');
        Assert.Equal(Web.Pages.Contracts.RegisterExport.Fields.Select(ImportFieldNames.Heading), headings.Take(Web.Pages.Contracts.RegisterExport.Fields.Length));
        var years = headings.Skip(Web.Pages.Contracts.RegisterExport.Fields.Length).ToList();
        Assert.NotEmpty(years);
        Assert.All(years, y => Assert.Equal(y, ImportFieldNames.YearHeading(ImportColumns.FinancialYearOf(y)!.Value)));
        // The filter is kept: one contract.
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("SC-2021-0001,", lines[1]);
    }
}
