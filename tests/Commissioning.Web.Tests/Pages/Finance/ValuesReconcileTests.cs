using System.Net;
using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Finance;

/// <summary>
/// "Values year by year" adds up on every row: baseline + uplift − savings + other agreed change =
/// annual value, read off the rendered page, for every demo contract and for the issue's renewal.
/// </summary>
public sealed class ValuesReconcileTests(Figures2026 app) : IClassFixture<Figures2026>
{
    private CommissioningFactory Factory => app.Factory;

    /// <summary>Year, baseline, uplift, savings, other agreed change, annual value: the first seven columns but the part of year.</summary>
    private static async Task<List<string[]>> ValuesAsync(HttpClient client, int id)
    {
        var page = await client.GetPageAsync($"/Contracts/Details/{id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return FinanceTables.Rows(page, "values-table").Select(r => r[..7]).ToList();
    }

    [Fact]
    public async Task Every_row_of_every_demo_contracts_values_table_adds_up_to_its_annual_value()
    {
        var client = await Factory.SignedInClientAsync(Viewer);
        List<(int Id, string Reference)> contracts;
        await using (var scope = Factory.OpenDb())
            contracts = (await scope.Db.Contracts.Select(c => new { c.Id, c.Reference }).ToListAsync()).Select(c => (c.Id, c.Reference)).ToList();
        var rows = 0;

        foreach (var (id, reference) in contracts)
        {
            foreach (var r in await ValuesAsync(client, id))
            {
                if (r[6] == "Not known") continue;
                var parts = (Shown.Pence(r[2]) ?? 0) + Shown.Pence(r[3])!.Value - Shown.Pence(r[4])!.Value + Shown.Pence(r[5])!.Value;
                Assert.True(parts == Shown.Pence(r[6]), $"{reference} {r[0]}: {r[2]} + {r[3]} − {r[4]} + {r[5]} is not {r[6]}");
                rows++;
            }
        }
        // Eight paper contracts and 21 generated ones, most of several years.
        Assert.True(rows > 100, $"only {rows} rows were checked");
    }

    [Fact]
    public async Task The_issues_renewal_shows_its_new_price_as_an_other_agreed_change()
    {
        // A contract whose last agreed year, 2026/27, is £954,313.59, renewed from 1 April 2027 at £985,156.71:
        // 954,313.59 + 0.00 − 0.00 + 30,843.12 = 985,156.71. Before, the row showed no uplift, no savings and no
        // difference, and did not add up.
        var provider = await Factory.ProviderIdAsync("Community Connect Advocacy");
        var old = await FinanceSeed.ContractAsync(Factory, new BlockContract(provider, Money.Pounds(831_706.81m)), "RENEWX", ServiceCategory.Other,
            "Adult Social Care", new DateOnly(2022, 4, 1), new DateOnly(2027, 3, 31));
        await FinanceSeed.AgreedAsync(Factory, old, 2025, 922_042.12m);
        await FinanceSeed.AgreedAsync(Factory, old, 2026, 954_313.59m);
        var client = await Factory.SignedInClientAsync(Commissioner);
        var form = (await client.GetPageAsync($"/Contracts/Renew/{old}")).Form().Set("Input.AnnualValue", "985,156.71");

        var saved = await client.PostFormAsync($"/Contracts/Renew/{old}", form);

        Assert.True(saved.Status == HttpStatusCode.Redirect, $"Renewing answered {(int)saved.Status}: {string.Join(" | ", saved.ErrorSummary)}");
        var renewal = int.Parse(saved.Location!.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var rows = await ValuesAsync(client, renewal);
        Assert.Equal(["2027/28", "Full year", "£954,313.59", "£0.00", "£0.00", "+£30,843.12", "£985,156.71"], rows[0]);
        // Later years carry the new price forward: nothing more to explain.
        Assert.Equal(["2028/29", "Full year", "£985,156.71", "£0.00", "£0.00", "£0.00", "£985,156.71"], rows[1]);
    }

    [Fact]
    public async Task A_finance_officers_figure_other_than_the_working_shows_the_difference_and_a_capped_saving_adds_up()
    {
        // Let at £100,000.00 from 1 April 2026. 2026/27 agreed at £98,000.00 with £5,000.00 of cashable savings:
        // 100,000.00 + 0.00 − 5,000.00 + 3,000.00 = 98,000.00. 2027/28 has £120,000.00 of cashable savings, more than
        // its £98,000.00 baseline: it takes £98,000.00 of them and projects £0.00, never below.
        var provider = await Factory.ProviderIdAsync("Community Connect Advocacy");
        var id = await FinanceSeed.ContractAsync(Factory, new BlockContract(provider, Money.Pounds(100_000m)), "OTHERX", ServiceCategory.Other,
            "Adult Social Care", new DateOnly(2026, 4, 1), new DateOnly(2028, 3, 31));
        await FinanceSeed.SavingAsync(Factory, id, 2026, 5_000m, null, Domain.Finance.SavingsKind.CashableReduction);
        await FinanceSeed.SavingAsync(Factory, id, 2027, 120_000m, null, Domain.Finance.SavingsKind.CashableReduction);
        await FinanceSeed.AgreedAsync(Factory, id, 2026, 98_000m);
        var client = await Factory.SignedInClientAsync(Viewer);

        var rows = await ValuesAsync(client, id);

        Assert.Equal(["2026/27", "Full year", "£100,000.00", "£0.00", "£5,000.00", "+£3,000.00", "£98,000.00"], rows[0]);
        Assert.Equal(["2027/28", "Full year", "£98,000.00", "£0.00", "£98,000.00", "£0.00", "£0.00"], rows[1]);
    }
}
