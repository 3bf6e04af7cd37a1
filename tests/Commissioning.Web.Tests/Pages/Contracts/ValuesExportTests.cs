using System.Net;
using ClosedXML.Excel;
using Commissioning.Web.Tests.Support;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Contracts;

/// <summary>The contract page's values table downloads as the page shows it, money as numbers.</summary>
public sealed class ValuesExportTests(CommissioningFactory factory) : IClassFixture<CommissioningFactory>
{
    [Fact]
    public async Task Persona_values_download_as_csv_with_the_carried_forward_figures()
    {
        var client = await factory.SignedInClientAsync(Viewer);
        var id = await factory.ContractIdAsync("SC-2021-0001");

        var response = await client.GetAsync($"/Contracts/Details/{id}?handler=Values&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("sc-2021-0001-values-year-by-year.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Financial year,Part of year,Baseline,Uplift,Savings,Annual value,Value in year,Status,Term", lines[0]);
        Assert.Equal("2021/22,Full year,12393408.00,0.00,1000000.00,11393408.00,11393408.00,Agreed,Current term", lines[1]);
        Assert.Equal("2022/23,Full year,11393408.00,0.00,1500000.00,9893408.00,9893408.00,Agreed,Current term", lines[2]);
        Assert.Equal("2030/31,Full year,9893408.00,0.00,0.00,9893408.00,9893408.00,Projected,Current term", lines[^1]);
        Assert.Equal(11, lines.Length);
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
        Assert.Equal("2021/22", sheet.Cell(2, 1).GetString());
        Assert.Equal("8 of 12 months", sheet.Cell(2, 2).GetString());
        Assert.Equal(XLDataType.Number, sheet.Cell(2, 7).DataType);
        Assert.Equal(471_574m, sheet.Cell(2, 7).GetValue<decimal>());
        Assert.Equal("Extension option", sheet.Cell(12, 9).GetString()); // 2031/32, the last option year
        Assert.Equal(235_787m, sheet.Cell(12, 7).GetValue<decimal>()); // 4 of 12 months of £707,361
    }

    [Fact]
    public async Task An_unknown_format_is_not_found()
    {
        var client = await factory.SignedInClientAsync(Viewer);
        var id = await factory.ContractIdAsync("SC-2021-0001");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/Contracts/Details/{id}?handler=Values&format=pdf")).StatusCode);
    }
}
