using System.Net;
using Commissioning.Web.Tests.Support;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Finance;

/// <summary>The contract page's "Annual values" section over the demo papers' figures. Read only: the demo data is not changed.</summary>
[Collection(SharedApp.Finance)]
public sealed class ContractValuesTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    private const string Persona = "SC-2021-0001";
    private const string Bnes = "SC-2021-0003";

    private async Task<HtmlPage> ContractPageAsync(string reference, string user = Commissioner)
    {
        var client = await factory.SignedInClientAsync(user);
        var page = await client.GetPageAsync($"/Contracts/Details/{await factory.ContractIdAsync(reference)}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return page;
    }

    /// <summary>Financial year, part of year, baseline, uplift, savings, other agreed change, annual value, value in year, status: the actions column left off.</summary>
    private static List<string[]> Values(HtmlPage page) => FinanceTables.Rows(page, "values-table").Select(r => r[..9]).ToList();

    [Fact]
    public async Task Persona_renewal_carries_its_predecessors_value_forward_less_each_years_cashable_savings()
    {
        var page = await ContractPageAsync(Persona);

        var rows = Values(page);

        // £12,393,408 in 2019/20 on the old contract, less £1m in 2021/22 and a further £1.5m in 2022/23.
        const string Full = "Full year";
        List<string[]> expected =
        [
            ["2021/22", Full, "£12,393,408.00", "£0.00", "£1,000,000.00", "£0.00", "£11,393,408.00", "£11,393,408.00", "Agreed"],
            ["2022/23", Full, "£11,393,408.00", "£0.00", "£1,500,000.00", "£0.00", "£9,893,408.00", "£9,893,408.00", "Agreed"],
        ];
        for (var year = 2023; year <= 2030; year++)
            expected.Add([$"{year}/{(year + 1) % 100:00}", Full, "£9,893,408.00", "£0.00", "£0.00", "£0.00", "£9,893,408.00", "£9,893,408.00", "Projected"]);
        Assert.Equal(expected, rows);
        Assert.Contains("Starting from £12,393,408.00, SC-2015-0001's agreed value for 2019/20.", page.Text);
        // £11,393,408 + 9 × £9,893,408 over the ten years to 31 March 2031; no extension options.
        Assert.Equal("£100,434,080.00 to 31 March 2031", Browser.Normalise(page.Find("#lifetime-current")!.TextContent));
        Assert.Equal("£100,434,080.00 to 31 March 2031", Browser.Normalise(page.Find("#lifetime-maximum")!.TextContent));
        Assert.Equal(["Total over the current term, to 31 March 2031", "£100,434,080.00", ""], FinanceTables.Totals(page, "values-table"));
    }

    [Fact]
    public async Task Bnes_contract_pro_rates_its_part_years_by_months_and_counts_the_extension_only_in_the_maximum_term()
    {
        var page = await ContractPageAsync(Bnes);

        var rows = Values(page);

        // 1 August 2021 to 31 July 2028, with a 36-month option to 31 July 2031, at £707,361.00 a year.
        Assert.Equal(11, rows.Count);
        Assert.Equal(["2021/22", "8 of 12 months", "£707,361.00", "£0.00", "£0.00", "£0.00", "£707,361.00", "£471,574.00", "Agreed"], rows[0]);
        Assert.Equal(["2022/23", "Full year", "£707,361.00", "£0.00", "£0.00", "£0.00", "£707,361.00", "£707,361.00", "Projected"], rows[1]);
        // 4 months of £707,361.00 is £235,787.00.
        Assert.Equal(["2028/29", "4 of 12 months", "£707,361.00", "£0.00", "£0.00", "£0.00", "£707,361.00", "£235,787.00", "Projected"], rows[7]);
        Assert.Equal(["2029/30 extension option", "Full year", "£707,361.00", "£0.00", "£0.00", "£0.00", "£707,361.00", "£707,361.00", "Projected"], rows[8]);
        Assert.Equal(["2031/32 extension option", "4 of 12 months", "£707,361.00", "£0.00", "£0.00", "£0.00", "£707,361.00", "£235,787.00", "Projected"], rows[10]);
        // £471,574 + 6 × £707,361 + £235,787; over the maximum term 2028/29 is a full year and three more follow.
        Assert.Equal("£4,951,527.00 to 31 July 2028", Browser.Normalise(page.Find("#lifetime-current")!.TextContent));
        // The totals row adds the current term's years only: the three option years are left out.
        Assert.Equal(["Total over the current term, to 31 July 2028", "£4,951,527.00", ""], FinanceTables.Totals(page, "values-table")[..3]);
        Assert.Equal("£7,073,610.00 to 31 July 2031, with every extension option used", Browser.Normalise(page.Find("#lifetime-maximum")!.TextContent));
    }

    [Fact]
    public async Task Persona_savings_show_target_delivered_and_the_rag_word()
    {
        var page = await ContractPageAsync(Persona);

        var rows = FinanceTables.Rows(page, "savings-table");

        Assert.Equal(2, rows.Count);
        Assert.Equal(["2021/22", "£1,000,000.00", "£1,000,000.00", "Green"], [rows[0][0], rows[0][2], rows[0][3], rows[0][4]]);
        // £1.2m of £1.5m is 80%: amber.
        Assert.Equal(["2022/23", "£1,500,000.00", "£1,200,000.00", "Amber"], [rows[1][0], rows[1][2], rows[1][3], rows[1][4]]);
        // RAG as GOV.UK tags: amber is GOV.UK's yellow tag.
        Assert.Equal(["govuk-tag govuk-tag--green", "govuk-tag govuk-tag--yellow"], page.FindAll("#savings-table tbody tr td:nth-child(5) strong").Select(s => s.ClassName));
        Assert.StartsWith("Innovation and savings programme, year one", rows[0][1]);
        Assert.Contains("Cashable reduction of the baseline; owner Julie Gonda", rows[0][1]);
    }

    [Fact]
    public async Task Viewer_sees_the_values_but_no_review_or_funding_links_that_a_commissioner_and_finance_officer_get()
    {
        var viewer = await ContractPageAsync(Persona, Viewer);
        var commissioner = await ContractPageAsync(Persona, Commissioner);
        var finance = await ContractPageAsync(Persona, CommissioningFactory.Finance);

        static List<string> Links(HtmlPage page, string start) =>
            page.FindAll("a").Select(a => a.GetAttribute("href") ?? "").Where(h => h.StartsWith(start, StringComparison.Ordinal)).ToList();
        var id = await factory.ContractIdAsync(Persona);

        Assert.NotNull(viewer.Find("#annual-values"));
        Assert.Equal(10, Values(viewer).Count);
        Assert.Equal("£100,434,080.00 to 31 March 2031", Browser.Normalise(viewer.Find("#lifetime-current")!.TextContent));
        Assert.Empty(Links(viewer, "/Finance/Reviews/Create"));
        Assert.Empty(Links(viewer, "/Finance/Funding"));
        Assert.Empty(Links(viewer, "/Finance/Savings"));
        Assert.Equal(9, viewer.FindAll("#values-table thead th").Count);
        Assert.Contains(viewer.FindAll("#reviews-table tbody tr"), tr => Browser.Normalise(tr.TextContent).Contains("Agreed", StringComparison.Ordinal));

        // Every year of the term can be reviewed by a commissioner; only agreed years can be split by finance.
        Assert.Contains($"/Finance/Reviews/Create/{id}?year=2023", Links(commissioner, "/Finance/Reviews/Create"));
        Assert.Equal(10, Links(commissioner, $"/Finance/Reviews/Create/{id}?year=").Count);
        Assert.Empty(Links(commissioner, "/Finance/Funding"));
        Assert.Equal([$"/Finance/Funding/{id}/2021", $"/Finance/Funding/{id}/2022"], Links(finance, "/Finance/Funding"));
        Assert.Empty(Links(finance, "/Finance/Reviews/Create"));
    }
}
