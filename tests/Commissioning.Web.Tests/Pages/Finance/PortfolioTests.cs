using System.Globalization;
using System.Net;
using ClosedXML.Excel;
using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Finance;
using Commissioning.Domain.Providers;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Web.Tests.Pages.Finance;

/// <summary>
/// The portfolio's totals for 2040/41, a year no demo data touches, over four contracts made
/// here so that every figure below is worked out by hand from the rows inserted. Every year to
/// 2040/41 is agreed; 2041/42 on are projected from each contract's last agreed value (no
/// cashable savings: the savings below are cost avoidance, but for B's in an agreed year):
/// <code>
///                form        provider  category       directorate          2039/40     2040/41      2041/42 projected
///   A            Block       Alpha     Supported liv. Adult Social Care  £99,000.00  £103,950.50  £103,950.50 (to 31 Mar 2042)
///   B            Spot        Beta      Domiciliary    Adult Social Care  £50,000.00   £48,765.43   £48,765.43  (+ £999,999.99 proposed)
///   C (1 Aug)    Consortium  Gamma     Residential    Children's Services           £140,000.67  £210,001.00  (8/12 of £210,001.00; then
///                                                                                                          £210,001.00 in 2042/43, 4/12 £70,000.33 in 2043/44)
///   D            Block       Alpha     Day services   Children's Services            £12,000.01   £12,000.01  (£99,999.99 superseded)
///                                                                       £149,000.00 £304,716.61  £374,716.94
/// </code>
/// </summary>
public sealed class PortfolioTests(PortfolioTests.Year2040 data) : IClassFixture<PortfolioTests.Year2040>
{
    private const string Alpha = "Portfolio Test Alpha Care Ltd";
    private const string Beta = "Portfolio Test Beta Support CIC";
    private const string Gamma = "Portfolio Test Gamma Homes Ltd";
    private const string Adults = "Adult Social Care";
    private const string Children = "Children's Services";

    /// <summary>A fresh application whose demo data is extended with the 2039/40 to 2042/43 rows above.</summary>
    public sealed class Year2040 : IAsyncLifetime
    {
        public CommissioningFactory Factory { get; } = new();

        public async Task InitializeAsync()
        {
            var f = Factory;
            var alpha = await FinanceSeed.ProviderAsync(f, Alpha);
            var beta = await FinanceSeed.ProviderAsync(f, Beta);
            var gamma = await FinanceSeed.ProviderAsync(f, Gamma);

            var a = await FinanceSeed.ContractAsync(f, new BlockContract(alpha, Money.Pounds(99_000m)), "PF-A",
                ServiceCategory.SupportedLiving, Adults, new DateOnly(2039, 4, 1), new DateOnly(2042, 3, 31));
            var b = await FinanceSeed.ContractAsync(f, new SpotContract(beta, [new RateCardLine("Home care", RateUnit.Hour, Money.Pounds(21.50m))], null), "PF-B",
                ServiceCategory.DomiciliaryCare, Adults, new DateOnly(2039, 4, 1), new DateOnly(2042, 3, 31));
            var c = await FinanceSeed.ContractAsync(f, new ConsortiumContract([new ConsortiumMember(gamma, "Residential care", true), new ConsortiumMember(beta, "Outreach", false)],
                    Money.Pounds(210_001m)), "PF-C",
                ServiceCategory.ResidentialCare, Children, new DateOnly(2040, 8, 1), new DateOnly(2043, 7, 31));
            var d = await FinanceSeed.ContractAsync(f, new BlockContract(alpha, Money.Pounds(12_000.01m)), "PF-D",
                ServiceCategory.DayServices, Children, new DateOnly(2040, 4, 1), new DateOnly(2042, 3, 31));

            await FinanceSeed.AgreedAsync(f, a, 2039, 99_000m);
            await FinanceSeed.AgreedAsync(f, a, 2040, 103_950.50m);
            await FinanceSeed.AgreedAsync(f, b, 2039, 50_000m);
            await FinanceSeed.AgreedAsync(f, b, 2040, 48_765.43m);
            await FinanceSeed.ProposedAsync(f, b, 2040, 999_999.99m);   // waiting: not in any total
            await FinanceSeed.AgreedAsync(f, c, 2040, 210_001m);        // 8 of 12 months: £140,000.67
            await FinanceSeed.AgreedAsync(f, d, 2040, 99_999.99m);
            await FinanceSeed.SupersedeAsync(f, d, 2040, 12_000.01m);   // the £99,999.99 no longer counts

            await FinanceSeed.FundingAsync(f, a, 2040,
                new FundingLine(FundingSource.CouncilRevenue, "KLB60", Money.Pounds(93_600.45m)),
                new FundingLine(FundingSource.Section117Aftercare, null, Money.Pounds(10_350.05m)));
            await FinanceSeed.FundingAsync(f, c, 2040,
                new FundingLine(FundingSource.CouncilRevenue, "KLB60", Money.Pounds(99_500m)),
                new FundingLine(FundingSource.CouncilRevenue, "KGB70", Money.Pounds(30_500.67m)),
                new FundingLine(FundingSource.Section117Aftercare, null, Money.Pounds(10_000m)));

            await FinanceSeed.SavingAsync(f, a, 2039, 1_000m, null);
            await FinanceSeed.SavingAsync(f, b, 2039, 500m, 600m);
            await FinanceSeed.SavingAsync(f, a, 2040, 5_000m, 5_000m);
            await FinanceSeed.SavingAsync(f, b, 2040, 2_000.50m, 1_500.25m, SavingsKind.CashableReduction);
            await FinanceSeed.SavingAsync(f, c, 2040, 1_000m, 700m);
            await FinanceSeed.SavingAsync(f, a, 2041, 3_000m, 3_000m);
            await FinanceSeed.SavingAsync(f, c, 2042, 4_000m, 1_000m);
        }

        public Task DisposeAsync() => Factory.DisposeAsync().AsTask();
    }

    private CommissioningFactory Factory => data.Factory;

    private async Task<HtmlPage> PortfolioAsync()
    {
        var client = await Factory.SignedInClientAsync(CommissioningFactory.Finance);
        var page = await client.GetPageAsync("/Finance?Year=2040");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return page;
    }

    [Fact]
    public async Task Year_table_shows_agreed_and_projected_values_and_their_sum_the_forecast_with_the_change_on_the_year_before()
    {
        var page = await PortfolioAsync();

        var rows = FinanceTables.Rows(page, "years-table");

        // Nothing in 2038/39, so 2039/40 has no change to show.
        Assert.Contains(["2039/40", "2", "£149,000.00", "£0.00", "£149,000.00", ""], rows);
        // £304,716.61 against £149,000.00 is +104.51%, shown to one place.
        Assert.Contains(["2040/41", "4", "£304,716.61", "£0.00", "£304,716.61", "+104.5%"], rows);
        // All projected: £374,716.94 against £304,716.61 is +22.97%.
        Assert.Contains(["2041/42", "4", "£0.00", "£374,716.94", "£374,716.94", "+23.0%"], rows);
        // C alone: £210,001.00 is -43.96% on £374,716.94; then 4 months of it, £70,000.33, is -66.67%.
        Assert.Contains(["2042/43", "1", "£0.00", "£210,001.00", "£210,001.00", "-44.0%"], rows);
        Assert.Equal(["2043/44", "1", "£0.00", "£70,000.33", "£70,000.33", "-66.7%"], rows[^1]);
    }

    [Fact]
    public async Task Year_table_has_a_row_for_every_year_of_any_contract_and_a_totals_row_that_adds_up_on_the_page()
    {
        var page = await PortfolioAsync();

        var rows = FinanceTables.Rows(page, "years-table");
        var totals = FinanceTables.Totals(page, "years-table");

        // Kent's homecare, from 1 October 2014, is the register's first contract; C's 31 July 2043 its last day.
        Assert.Equal("2014/15", rows[0][0]);
        Assert.Equal(2043 - 2014 + 1, rows.Count);
        Assert.Equal(["2014/15", "2015/16", "2041/42", "2043/44"], new[] { rows[0][0], rows[1][0], rows[27][0], rows[^1][0] });
        Assert.Equal("Total", totals[0]);
        foreach (var column in new[] { 2, 3, 4 })
            Assert.Equal(rows.Sum(r => Shown.Pence(r[column])), Shown.Pence(totals[column]));
        Assert.Equal(Shown.Pence(totals[2])! + Shown.Pence(totals[3])!, Shown.Pence(totals[4]));
        // The picker offers the same years.
        Assert.Equal(rows.Select(r => r[0]), page.FindAll("select#Year option").Select(o => Browser.Normalise(o.TextContent)));
    }

    [Fact]
    public async Task Form_category_directorate_and_provider_tables_add_up_the_years_values_to_the_penny_with_a_totals_row()
    {
        var page = await PortfolioAsync();

        string[][] forms =
        [
            ["Consortium", "1", "£140,000.67", "£0.00", "£140,000.67", "45.9%", "£0.00", ""],
            ["Block", "2", "£115,950.51", "£0.00", "£115,950.51", "38.1%", "£99,000.00", "+17.1%"],
            ["Spot", "1", "£48,765.43", "£0.00", "£48,765.43", "16.0%", "£50,000.00", "-2.5%"],
        ];
        string[][] categories =
        [
            ["Residential care", "1", "£140,000.67", "£0.00", "£140,000.67", "45.9%", "£0.00", ""],
            ["Supported living", "1", "£103,950.50", "£0.00", "£103,950.50", "34.1%", "£99,000.00", "+5.0%"],
            ["Domiciliary care", "1", "£48,765.43", "£0.00", "£48,765.43", "16.0%", "£50,000.00", "-2.5%"],
            ["Day services", "1", "£12,000.01", "£0.00", "£12,000.01", "3.9%", "£0.00", ""],
        ];
        string[][] directorates =
        [
            [Adults, "2", "£152,715.93", "£0.00", "£152,715.93", "50.1%", "£149,000.00", "+2.5%"],
            [Children, "2", "£152,000.68", "£0.00", "£152,000.68", "49.9%", "£0.00", ""],
        ];
        string[][] providers =
        [
            [Gamma, "1", "£140,000.67", "£0.00", "£140,000.67", "45.9%", "£0.00", ""],
            [Alpha, "2", "£115,950.51", "£0.00", "£115,950.51", "38.1%", "£99,000.00", "+17.1%"],
            [Beta, "1", "£48,765.43", "£0.00", "£48,765.43", "16.0%", "£50,000.00", "-2.5%"],
        ];
        Assert.Equal(forms, FinanceTables.Rows(page, "form-table"));
        Assert.Equal(categories, FinanceTables.Rows(page, "category-table"));
        Assert.Equal(directorates, FinanceTables.Rows(page, "directorate-table"));
        Assert.Equal(providers, FinanceTables.Rows(page, "provider-table"));
        // £304,716.61 against £149,000.00 the year before: +104.5%, whichever way the year is grouped.
        foreach (var table in new[] { "form-table", "category-table", "directorate-table", "provider-table" })
            Assert.Equal(["Total", "4", "£304,716.61", "£0.00", "£304,716.61", "100.0%", "£149,000.00", "+104.5%"], FinanceTables.Totals(page, table));
        Assert.Equal("Forecast by commissioning form, 2040/41", Browser.Normalise(page.Find("#form-table caption")!.TextContent));
        Assert.Equal(["Commissioning form", "Contracts", "Agreed value in 2040/41", "Projected value in 2040/41", "Forecast for 2040/41",
                "Share of forecast", "Forecast for 2039/40", "Change on previous year"],
            page.FindAll("#form-table thead th").Select(th => Browser.Normalise(th.TextContent)));
    }

    [Fact]
    public async Task A_year_with_nothing_agreed_is_forecast_from_the_projections_beside_last_years_forecast()
    {
        var client = await Factory.SignedInClientAsync(CommissioningFactory.Finance);
        var page = await client.GetPageAsync("/Finance?Year=2041");

        // Shares of £374,716.94: £210,001.00 is 56.04%, £115,950.51 (A + D) 30.94%, £48,765.43 13.01%.
        // C's £210,001.00 on its £140,000.67 part year is +50.0%; A, B and D carry last year's values.
        string[][] forms =
        [
            ["Consortium", "1", "£0.00", "£210,001.00", "£210,001.00", "56.0%", "£140,000.67", "+50.0%"],
            ["Block", "2", "£0.00", "£115,950.51", "£115,950.51", "30.9%", "£115,950.51", "0.0%"],
            ["Spot", "1", "£0.00", "£48,765.43", "£48,765.43", "13.0%", "£48,765.43", "0.0%"],
        ];
        Assert.Equal(forms, FinanceTables.Rows(page, "form-table"));
        Assert.Equal(["Total", "4", "£0.00", "£374,716.94", "£374,716.94", "100.0%", "£304,716.61", "+23.0%"], FinanceTables.Totals(page, "form-table"));
    }

    [Fact]
    public async Task Kents_homecare_never_reviewed_counts_in_the_forecast_of_each_of_its_years()
    {
        var client = await Factory.SignedInClientAsync(CommissioningFactory.Finance);
        const string Kent = "Kent Homecare Partnership Ltd";

        var y2014 = await client.GetPageAsync("/Finance?Year=2014");
        var y2017 = await client.GetPageAsync("/Finance?Year=2017");
        var y2018 = await client.GetPageAsync("/Finance?Year=2018");

        // £33,632,993.52 a year: 1 October 2014 to 31 March 2015 is 6 of 12 months, £16,816,496.76, and nothing else had begun.
        Assert.Equal(["2014/15", "1", "£0.00", "£16,816,496.76", "£16,816,496.76", ""], FinanceTables.Rows(y2014, "years-table")[0]);
        // 2017/18: the first contract's last 6 months (to 30 September 2017) and the continuation's first 6, £16,816,496.76 each.
        var in2017 = FinanceTables.Rows(y2017, "provider-table").Single(r => r[0] == Kent);
        Assert.Equal(["2", "£0.00", "£33,632,993.52", "£33,632,993.52", "£33,632,993.52", "0.0%"], [in2017[1], in2017[2], in2017[3], in2017[4], in2017[6], in2017[7]]);
        // 2018/19: the continuation's only full year.
        var in2018 = FinanceTables.Rows(y2018, "provider-table").Single(r => r[0] == Kent);
        Assert.Equal(["1", "£0.00", "£33,632,993.52", "£33,632,993.52", "£33,632,993.52", "0.0%"], [in2018[1], in2018[2], in2018[3], in2018[4], in2018[6], in2018[7]]);
    }

    [Fact]
    public async Task Funding_savings_and_due_tables_each_end_in_a_totals_row()
    {
        var page = await PortfolioAsync();

        // Funding: £193,100.45 + £30,500.67 + £20,350.05 + £60,765.44 = £304,716.61, the year's agreed total.
        Assert.Equal(["Total", "", "", "£304,716.61", "100.0%"], FinanceTables.Totals(page, "funding-table"));
        // Savings, the demo's four targets and these seven: £3,573,325.00 + £16,500.50 = £3,589,825.50 targeted;
        // £3,093,325.00 + £11,800.25 = £3,105,125.25 delivered, 86.498%.
        Assert.Equal(["Total", "11", "£3,589,825.50", "£3,105,125.25", "86.5%", ""], FinanceTables.Totals(page, "savings-table"));
        var due = FinanceTables.Rows(page, "due-table");
        var dueTotals = FinanceTables.Totals(page, "due-table");
        Assert.Equal(["Total", $"{due.Count} contracts"], dueTotals[..2]);
        Assert.Equal(due.Sum(r => Shown.Pence(r[6]) ?? 0), Shown.Pence(dueTotals[6]));
    }

    [Fact]
    public async Task Funding_table_splits_the_year_by_source_and_shows_what_is_not_yet_split()
    {
        var page = await PortfolioAsync();

        // A and C are split (£103,950.50 + £140,000.67); B and D are not (£48,765.43 + £12,000.01).
        string[][] expected =
        [
            ["Council revenue budget", "KLB60", "2", "£193,100.45", "63.4%"],
            ["Council revenue budget", "KGB70", "1", "£30,500.67", "10.0%"],
            ["Section 117 aftercare", "", "2", "£20,350.05", "6.7%"],
            ["Not yet split between sources", "", "2", "£60,765.44", "19.9%"],
        ];
        Assert.Equal(expected, FinanceTables.Rows(page, "funding-table"));
    }

    [Fact]
    public async Task Savings_table_totals_target_and_delivered_by_year_with_a_rag_once_every_target_has_reported()
    {
        var page = await PortfolioAsync();

        var rows = FinanceTables.Rows(page, "savings-table");

        // 2039/40: one of two targets has reported, so no RAG yet.
        Assert.Contains(["2039/40", "2", "£1,500.00", "£600.00", "40.0%", "Not reported"], rows);
        // 2040/41: £7,200.25 of £8,000.50 is 89.997%: at least 75%, short of 100%.
        Assert.Contains(["2040/41", "3", "£8,000.50", "£7,200.25", "90.0%", "Amber"], rows);
        Assert.Contains(["2041/42", "1", "£3,000.00", "£3,000.00", "100.0%", "Green"], rows);
        Assert.Contains(["2042/43", "1", "£4,000.00", "£1,000.00", "25.0%", "Red"], rows);
    }

    [Fact]
    public async Task Csv_download_of_a_table_has_the_same_figures_as_plain_numbers_and_ends_with_the_totals()
    {
        var client = await Factory.SignedInClientAsync(CommissioningFactory.Finance);

        var response = await client.GetAsync("/Finance?handler=Export&table=form&format=csv&year=2040");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("forecast-by-commissioning-form-2040-41.csv", response.Content.Headers.ContentDisposition?.FileNameStar);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        string[] expected =
        [
            "Commissioning form,Contracts,Agreed value in 2040/41,Projected value in 2040/41,Forecast for 2040/41,Share of forecast (%),Forecast for 2039/40,Change on previous year (%)",
            "Consortium,1,140000.67,0.00,140000.67,45.9,0.00,",
            "Block,2,115950.51,0.00,115950.51,38.1,99000.00,17.1",
            "Spot,1,48765.43,0.00,48765.43,16,50000.00,-2.5",
            "Total,4,304716.61,0.00,304716.61,100,149000.00,104.5",
            "",
        ];
        Assert.Equal(expected, lines);
        // The figures read back as numbers add up to the totals line.
        decimal Forecast(string line) => decimal.Parse(line.Split(',')[4], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        Assert.Equal(Forecast(lines[4]), lines[1..4].Sum(Forecast));
    }

    [Fact]
    public async Task Excel_download_of_a_table_holds_real_numbers_equal_to_the_page_and_a_totals_row()
    {
        var client = await Factory.SignedInClientAsync(CommissioningFactory.Finance);

        var response = await client.GetAsync("/Finance?handler=Export&table=funding&format=xlsx&year=2040");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheet(1);
        Assert.Equal(["Funding source", "Cost centre", "Contracts", "Amount in 2040/41", "Share of total"],
            Enumerable.Range(1, 5).Select(c => sheet.Cell(1, c).GetString()));
        (string Source, string CostCentre, long Contracts, decimal Amount, decimal Share)[] expected =
        [
            ("Council revenue budget", "KLB60", 2, 193_100.45m, 0.634m),
            ("Council revenue budget", "KGB70", 1, 30_500.67m, 0.100m),
            ("Section 117 aftercare", "", 2, 20_350.05m, 0.067m),
            ("Not yet split between sources", "", 2, 60_765.44m, 0.199m),
        ];
        for (var i = 0; i < expected.Length; i++)
        {
            var row = i + 2;
            foreach (var column in new[] { 3, 4, 5 })
                Assert.Equal(XLDataType.Number, sheet.Cell(row, column).DataType);
            Assert.Equal(expected[i],
                (sheet.Cell(row, 1).GetString(), sheet.Cell(row, 2).GetString(), sheet.Cell(row, 3).GetValue<long>(),
                 sheet.Cell(row, 4).GetValue<decimal>(), sheet.Cell(row, 5).GetValue<decimal>()));
            Assert.Equal("£#,##0.00", sheet.Cell(row, 4).Style.NumberFormat.Format);
        }
        // The totals row follows: £304,716.61, a number, equal to the rows above it.
        var totals = expected.Length + 2;
        Assert.Equal("Total", sheet.Cell(totals, 1).GetString());
        Assert.Equal(XLDataType.Number, sheet.Cell(totals, 4).DataType);
        Assert.Equal(304_716.61m, sheet.Cell(totals, 4).GetValue<decimal>());
        Assert.Equal(sheet.Cell(totals, 4).GetValue<decimal>(), Enumerable.Range(2, expected.Length).Sum(r => sheet.Cell(r, 4).GetValue<decimal>()));
        Assert.True(sheet.Cell(totals + 1, 1).IsEmpty());
    }

    [Fact]
    public async Task Excel_download_of_the_form_table_matches_the_csv_figures()
    {
        var client = await Factory.SignedInClientAsync(CommissioningFactory.Finance);

        var response = await client.GetAsync("/Finance?handler=Export&table=form&format=xlsx&year=2040");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var workbook = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = workbook.Worksheet(1);
        (string Form, long Contracts, decimal Forecast, decimal Share, decimal Previous)[] expected =
        [
            ("Consortium", 1, 140_000.67m, 0.459m, 0m),
            ("Block", 2, 115_950.51m, 0.381m, 99_000m),
            ("Spot", 1, 48_765.43m, 0.16m, 50_000m),
            ("Total", 4, 304_716.61m, 1m, 149_000m),
        ];
        Assert.Equal(expected, Enumerable.Range(2, 4).Select(r =>
            (sheet.Cell(r, 1).GetString(), sheet.Cell(r, 2).GetValue<long>(), sheet.Cell(r, 5).GetValue<decimal>(),
             sheet.Cell(r, 6).GetValue<decimal>(), sheet.Cell(r, 7).GetValue<decimal>())));
        // A change with nothing the year before is an empty cell, not a zero.
        Assert.True(sheet.Cell(2, 8).IsEmpty());
        Assert.Equal(0.171m, sheet.Cell(3, 8).GetValue<decimal>());
        Assert.Equal(-0.025m, sheet.Cell(4, 8).GetValue<decimal>());
        Assert.Equal(XLDataType.Number, sheet.Cell(4, 8).DataType);
        Assert.Equal(1.045m, sheet.Cell(5, 8).GetValue<decimal>());
        Assert.True(sheet.Cell(5, 5).Style.Font.Bold);
    }

    [Theory]
    [InlineData("table=nothing&format=csv")]
    [InlineData("table=form&format=pdf")]
    [InlineData("format=csv")]
    [InlineData("table=form")]
    public async Task Download_of_an_unknown_table_or_format_is_not_found(string query)
    {
        var client = await Factory.SignedInClientAsync(CommissioningFactory.Finance);

        var response = await client.GetAsync($"/Finance?handler=Export&{query}&year=2040");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Reviews_due_lists_this_years_overdue_gaps_first_then_next_years_by_reference()
    {
        var thisYear = FinancialYear.Containing(Factory.Today);
        var next = thisYear.Next;
        var provider = await Factory.ProviderIdAsync(Alpha);
        // From two years ago to two years ahead unless told, so both this year and next are in the term.
        Task<int> Running(string reference, DateOnly? start = null, bool awarded = true)
        {
            var from = start ?? thisYear.Start.AddYears(-2);
            return FinanceSeed.ContractAsync(Factory, new BlockContract(provider, Money.Pounds(10_000m)), reference, ServiceCategory.Other, Adults,
                from, next.End.AddYears(1), awarded, exactReference: true);
        }
        await Running("DUE-1");                                  // nothing agreed this year
        var nextOnly = await Running("DUE-2");                   // this year agreed, next not
        var waiting = await Running("DUE-3");                    // this year agreed, next proposed
        await Running("DUE-4", start: next.Start);               // starts next year
        var complete = await Running("DUE-5");                   // both years agreed
        await Running("DUE-6", awarded: false);                  // never awarded
        var ended = await Running("DUE-7");                      // terminated before this year
        await FinanceSeed.AgreedAsync(Factory, nextOnly, thisYear.StartYear, 10_000m);
        await FinanceSeed.AgreedAsync(Factory, waiting, thisYear.StartYear, 10_000m);
        await FinanceSeed.ProposedAsync(Factory, waiting, next.StartYear, 10_500m);
        await FinanceSeed.AgreedAsync(Factory, complete, thisYear.StartYear, 10_000m);
        await FinanceSeed.AgreedAsync(Factory, complete, next.StartYear, 10_000m);
        await using (var scope = Factory.OpenDb())
        {
            var c = await scope.Db.Contracts.SingleAsync(x => x.Id == ended);
            c.TerminateOn(thisYear.Start.AddMonths(-2), "Provider left the market");
            await scope.Db.SaveChangesAsync();
        }
        var client = await Factory.SignedInClientAsync(CommissioningFactory.Finance);

        var page = await client.GetPageAsync("/Finance/Reviews");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var rows = page.FindAll("#due-table tbody tr").Select(tr => new
        {
            Reference = Browser.Normalise(tr.QuerySelector("td a")!.TextContent),
            Cells = tr.QuerySelectorAll("td").Select(td => Browser.Normalise(td.TextContent)).ToArray(),
            Overdue = tr.QuerySelector(".govuk-tag--red") is not null,
        }).ToList();
        var mine = rows.Where(r => r.Reference.StartsWith("DUE-", StringComparison.Ordinal)).ToList();
        Assert.Equal(["DUE-1", "DUE-2", "DUE-3", "DUE-4"], mine.Select(r => r.Reference));
        Assert.Equal([true, false, false, false], mine.Select(r => r.Overdue));
        Assert.Equal($"{thisYear} Overdue", mine[0].Cells[1]);
        Assert.Equal($"1 Apr {thisYear.StartYear}", mine[0].Cells[2]); // a financial year starts on 1 April; the table is dense: short months
        Assert.Equal([$"{next}", $"{next}", $"{next}"], mine.Skip(1).Select(r => r.Cells[1]));
        Assert.Equal($"1 Apr {next.StartYear}", mine[1].Cells[2]);
        Assert.Equal(["Not yet opened", "Not yet opened", "Waiting for agreement", "Not yet opened"], mine.Select(r => r.Cells[4]));
        // The whole list, demo contracts included: this year's gaps (all overdue) before next year's, then by reference.
        var years = rows.Select(r => r.Cells[1].StartsWith(thisYear.ToString(), StringComparison.Ordinal) ? 0 : 1).ToList();
        Assert.Equal(years.Order(), years);
        Assert.All(rows, r => Assert.Equal(r.Cells[1].StartsWith(thisYear.ToString(), StringComparison.Ordinal), r.Overdue));
        foreach (var group in rows.GroupBy(r => r.Cells[1].StartsWith(thisYear.ToString(), StringComparison.Ordinal)))
            Assert.Equal(group.Select(r => r.Reference).Order(StringComparer.Ordinal), group.Select(r => r.Reference));
        Assert.DoesNotContain(rows, r => r.Reference is "DUE-5" or "DUE-6" or "DUE-7");
    }
}

/// <summary>Table rows as a reader sees them: each row's header and cells, a line break read as a space, whitespace collapsed.</summary>
internal static class FinanceTables
{
    public static List<string[]> Rows(HtmlPage page, string tableId) => Read(page, tableId, "tbody tr");

    /// <summary>The totals row, in the table's foot.</summary>
    public static string[] Totals(HtmlPage page, string tableId) =>
        Read(page, tableId, "tfoot tr").SingleOrDefault() ?? throw new Xunit.Sdk.XunitException($"Table #{tableId} has no totals row");

    private static List<string[]> Read(HtmlPage page, string tableId, string rows)
    {
        var table = page.Find($"table#{tableId}") ?? throw new Xunit.Sdk.XunitException($"No table #{tableId} on the page ({(int)page.Status})");
        return table.QuerySelectorAll(rows)
            .Select(tr => tr.Children.Select(cell => Browser.Normalise(string.Join(" ", cell.ChildNodes.Select(n => n.TextContent)))).ToArray())
            .ToList();
    }
}

/// <summary>Finance rows put straight into the database, for figures worked out by hand.</summary>
internal static class FinanceSeed
{
    public static readonly Actor Proposer = new("seed-proposer", "seed.proposer@test");
    public static readonly Actor Agreer = new("seed-agreer", "seed.agreer@test");

    public static async Task<int> ProviderAsync(CommissioningFactory factory, string name)
    {
        await using var scope = factory.OpenDb();
        var provider = new Provider(new ProviderDetails(name, OrganisationType.PrivateCompany, true, false));
        scope.Db.Providers.Add(provider);
        await scope.Db.SaveChangesAsync();
        return provider.Id;
    }

    /// <summary>
    /// Saves a contract whose reference starts <paramref name="reference"/> (made unique unless
    /// <paramref name="exactReference"/>), awarded a month before it starts unless <paramref name="awarded"/> is false.
    /// </summary>
    public static async Task<int> ContractAsync(CommissioningFactory factory, Contract contract, string reference, ServiceCategory category,
        string directorate, DateOnly start, DateOnly end, bool awarded = true, bool exactReference = false)
    {
        await using var scope = factory.OpenDb();
        var unique = exactReference ? reference : $"{reference}-{Guid.NewGuid():N}"[..20];
        contract.Describe(new ContractDescription(unique, $"Finance test {unique}", null, category, await scope.Db.DirectorateIdAsync(directorate),
            ResponsibleCommissioner.Historic("Test Commissioner"),
            ProcurementRoute.OpenTender, false, Confidentiality.Open));
        contract.SetTerm(new ContractTerm(start, end, [], 3));
        contract.RecordAward(awarded ? start.AddMonths(-1) : null, lettingDecision: null);
        scope.Db.Contracts.Add(contract);
        await scope.Db.SaveChangesAsync();
        return contract.Id;
    }

    public static async Task<int> AgreedAsync(CommissioningFactory factory, int contractId, int year, decimal annual)
    {
        await using var scope = factory.OpenDb();
        var review = await ProposeAsync(scope, contractId, year, annual);
        review.Agree(Agreer, DateTime.UtcNow, "Agreed for a test.", null);
        scope.Db.AnnualValueReviews.Add(review);
        await scope.Db.SaveChangesAsync();
        return review.Id;
    }

    public static async Task<int> ProposedAsync(CommissioningFactory factory, int contractId, int year, decimal annual)
    {
        await using var scope = factory.OpenDb();
        var review = await ProposeAsync(scope, contractId, year, annual);
        scope.Db.AnnualValueReviews.Add(review);
        await scope.Db.SaveChangesAsync();
        return review.Id;
    }

    /// <summary>A later review for an agreed year, agreed, as the review page does it: the earlier value becomes superseded.</summary>
    public static async Task<int> SupersedeAsync(CommissioningFactory factory, int contractId, int year, decimal annual)
    {
        var id = await ProposedAsync(factory, contractId, year, annual);
        await using var scope = factory.OpenDb();
        var review = await scope.Db.AnnualValueReviews.SingleAsync(r => r.Id == id);
        var before = await scope.Db.AnnualValueReviews.SingleAsync(r => r.ContractId == contractId && r.FinancialYearStart == year && r.Status == ReviewStatus.Agreed);
        review.Agree(Agreer, DateTime.UtcNow, null, before);
        await scope.Db.SaveChangesAsync();
        return id;
    }

    public static async Task SavingAsync(CommissioningFactory factory, int contractId, int year, decimal target, decimal? delivered,
        SavingsKind kind = SavingsKind.CostAvoidance)
    {
        await using var scope = factory.OpenDb();
        scope.Db.SavingsTargets.Add(new SavingsTarget(contractId, new FinancialYear(year),
            new SavingsDetails(Money.Pounds(target), kind, "Test saving", null, delivered is { } d ? Money.Pounds(d) : null)));
        await scope.Db.SaveChangesAsync();
    }

    /// <summary>Splits the year's agreed value; the lines must add up to it.</summary>
    public static async Task FundingAsync(CommissioningFactory factory, int contractId, int year, params FundingLine[] lines)
    {
        await using var scope = factory.OpenDb();
        var agreed = await scope.Db.AnnualValueReviews.AsNoTracking()
            .SingleAsync(r => r.ContractId == contractId && r.FinancialYearStart == year && r.Status == ReviewStatus.Agreed);
        var plan = new FundingPlan(contractId, new FinancialYear(year));
        plan.Split(lines, agreed.YearValue);
        scope.Db.FundingPlans.Add(plan);
        await scope.Db.SaveChangesAsync();
    }

    private static async Task<AnnualValueReview> ProposeAsync(DbScope scope, int contractId, int year, decimal annual)
    {
        var contract = await scope.Db.Contracts.AsNoTracking().SingleAsync(c => c.Id == contractId);
        return AnnualValueReview.Propose(contractId, contract.CurrentTerm, new FinancialYear(year), Money.Pounds(annual), ReviewFactors.None,
            "Set for a test.", new YearPosition(null, Money.Zero, Money.Zero), Proposer, DateTime.UtcNow);
    }
}
