using System.Net;
using ClosedXML.Excel;
using Commissioning.Web.Tests.Support;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Contracts;

/// <summary>The contract page's values table downloads as the page shows it, money as numbers.</summary>
[Collection(SharedApp.Contracts)]
public sealed class ValuesExportTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    [Fact]
    public async Task Persona_values_download_as_csv_with_the_carried_forward_figures()
    {
        var client = await factory.SignedInClientAsync(Viewer);
        var id = await factory.ContractIdAsync("SC-2021-0001");

        var response = await client.GetAsync($"/Contracts/Details/{id}?handler=Values&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("sc-2021-0001-values-year-by-year.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Financial year,Part of year,Baseline,Uplift,Savings,Other agreed change,Annual value,Value in year,Status,Term", lines[0]);
        Assert.Equal("2021/22,Full year,12393408.00,0.00,1000000.00,0.00,11393408.00,11393408.00,Agreed,Current term", lines[1]);
        Assert.Equal("2022/23,Full year,11393408.00,0.00,1500000.00,0.00,9893408.00,9893408.00,Agreed,Current term", lines[2]);
        Assert.Equal("2030/31,Full year,9893408.00,0.00,0.00,0.00,9893408.00,9893408.00,Projected,Current term", lines[^2]);
        // £11,393,408 + 9 × £9,893,408 over the ten years, as the page's lifetime value.
        Assert.Equal("Total over the current term,,,,,,,100434080.00,,Current term", lines[^1]);
        Assert.Equal(12, lines.Length);
    }

    [Fact]
    public async Task BNES_values_download_as_excel_numbers_including_the_extension_years()
    {
        var client = await factory.SignedInClientAsync(Viewer);
        var id = await factory.ContractIdAsync("SC-2021-0003");

        var response = await client.GetAsync($"/Contracts/Details/{id}?handler=Values&format=xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = book.Worksheets.First();
        // The sheet is named by the whole reference; the title and provider head the sheet, then the table.
        Assert.Equal("SC-2021-0003 values", sheet.Name);
        Assert.Equal("SC-2021-0003 Specialist mental health care and support for adults (18-64s)", sheet.Cell(1, 1).GetString());
        Assert.Equal("Provider: Avon Specialist Support Ltd", sheet.Cell(2, 1).GetString());
        Assert.Equal("Financial year", sheet.Cell(5, 1).GetString());
        Assert.Equal("2021/22", sheet.Cell(6, 1).GetString());
        Assert.Equal("8 of 12 months", sheet.Cell(6, 2).GetString());
        Assert.Equal(XLDataType.Number, sheet.Cell(6, 8).DataType);
        Assert.Equal(471_574m, sheet.Cell(6, 8).GetValue<decimal>());
        Assert.Equal("Extension option", sheet.Cell(16, 10).GetString()); // 2031/32, the last option year
        Assert.Equal(235_787m, sheet.Cell(16, 8).GetValue<decimal>()); // 4 of 12 months of £707,361
        // Totals: the current term's years only, £471,574 + 6 × £707,361 + £235,787 = £4,951,527.
        Assert.Equal("Total over the current term", sheet.Cell(17, 1).GetString());
        Assert.Equal(4_951_527m, sheet.Cell(17, 8).GetValue<decimal>());
        Assert.Equal(sheet.Cell(17, 8).GetValue<decimal>(), Enumerable.Range(6, 11).Where(r => sheet.Cell(r, 10).GetString() == "Current term").Sum(r => sheet.Cell(r, 8).GetValue<decimal>()));
    }

    [Fact]
    public async Task A_reference_too_long_to_share_the_sheet_name_is_the_whole_sheet_name_with_excels_forbidden_characters_as_hyphens()
    {
        // 30 characters, the most a reference may have; "/" and ":" are not allowed in a sheet's name.
        const string Reference = "SC-2026-LONG-REFERENCE/0001:AB";
        Assert.Equal(30, Reference.Length);
        var provider = await factory.ProviderIdAsync("Riverside Day Opportunities");
        var id = await Pages.Finance.FinanceSeed.ContractAsync(factory, new Domain.Contracts.BlockContract(provider, Domain.Common.Money.Pounds(1_000m)),
            Reference, Domain.Contracts.ServiceCategory.DayServices, "Adult Social Care", new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31), exactReference: true);
        var client = await factory.SignedInClientAsync(Viewer);

        var response = await client.GetAsync($"/Contracts/Details/{id}?handler=Values&format=xlsx");

        using var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = book.Worksheets.First();
        Assert.Equal("SC-2026-LONG-REFERENCE-0001-AB", sheet.Name);
        Assert.Equal($"{Reference} Finance test {Reference}", sheet.Cell(1, 1).GetString());
        Assert.Equal("Provider: Riverside Day Opportunities", sheet.Cell(2, 1).GetString());
    }

    [Fact]
    public async Task An_unknown_format_is_not_found()
    {
        var client = await factory.SignedInClientAsync(Viewer);
        var id = await factory.ContractIdAsync("SC-2021-0001");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Contracts/Details/{id}?handler=Values&format=pdf")).StatusCode);
    }
}
