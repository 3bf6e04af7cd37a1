using System.Net;
using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Finance;
using Commissioning.Domain.Lifecycle;
using Commissioning.Web.Tests.Pages.Finance;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Contracts;

/// <summary>
/// The register's annual value is the contract's value for the current financial year (2026/27 on
/// the fixed day, 15 October 2026): agreed, else projected and marked so; the sort and a variation's
/// percentage use the same figure. Six contracts of its own, SORTX-A to SORTX-F, decide the sort:
/// <code>
///            term                      let at      this year's value                       shown
///   SORTX-A  1 Apr 2025 – 31 Mar 2028  £500,000    £100,000 agreed for 2026/27              £100,000.00
///   SORTX-B  1 Apr 2025 – 31 Mar 2028  £200,000    nothing agreed: £200,000 projected       £200,000.00 (projected)
///   SORTX-C  1 Apr 2025 – 31 Mar 2028  £300,000    £300,000 − £250,000 cashable 2025/26     £50,000.00 (projected)
///   SORTX-D  1 Aug 2028 – 31 Jul 2031  £75,000     not started: its first year, 2028/29    £75,000.00 (projected, first year 2028/29)
///   SORTX-E  1 Apr 2023 – 31 Mar 2025  £400,000    ended: £420,000 agreed for 2024/25       £420,000.00 (last year 2024/25)
///   SORTX-F  1 Apr 2025 – 31 Mar 2029  £150,000    terminated 31 Mar 2026: last year 2025/26 £150,000.00 (projected, last year 2025/26)
///   SORTX-G  1 Apr 2025 – 31 Mar 2028  £10,000     £15,000 cashable in 2026/27: never below £0 £0.00 (projected)
/// </code>
/// By this year's value, largest first: E, B, F, A, D, C, G. By the value let at it would be A, E, C, B, F, D, G.
/// </summary>
public sealed class RegisterValueTests(RegisterValueTests.App app) : IClassFixture<RegisterValueTests.App>
{
    public sealed class App : IAsyncLifetime
    {
        private readonly Figures2026 _figures = new();
        public CommissioningFactory Factory => _figures.Factory;

        public async Task InitializeAsync()
        {
            var f = Factory;
            var provider = await f.ProviderIdAsync("Riverside Day Opportunities");
            Task<int> Add(string reference, decimal let, DateOnly start, DateOnly end) =>
                FinanceSeed.ContractAsync(f, new BlockContract(provider, Money.Pounds(let)), reference, ServiceCategory.DayServices,
                    "Adult Social Care", start, end, exactReference: true);
            var a = await Add("SORTX-A", 500_000m, new DateOnly(2025, 4, 1), new DateOnly(2028, 3, 31));
            await Add("SORTX-B", 200_000m, new DateOnly(2025, 4, 1), new DateOnly(2028, 3, 31));
            var c = await Add("SORTX-C", 300_000m, new DateOnly(2025, 4, 1), new DateOnly(2028, 3, 31));
            await Add("SORTX-D", 75_000m, new DateOnly(2028, 8, 1), new DateOnly(2031, 7, 31));
            var e = await Add("SORTX-E", 400_000m, new DateOnly(2023, 4, 1), new DateOnly(2025, 3, 31));
            var fId = await Add("SORTX-F", 150_000m, new DateOnly(2025, 4, 1), new DateOnly(2029, 3, 31));
            var g = await Add("SORTX-G", 10_000m, new DateOnly(2025, 4, 1), new DateOnly(2028, 3, 31));
            await FinanceSeed.SavingAsync(f, g, 2026, 15_000m, null, SavingsKind.CashableReduction);
            await FinanceSeed.AgreedAsync(f, a, 2026, 100_000m);
            await FinanceSeed.SavingAsync(f, c, 2025, 250_000m, null, SavingsKind.CashableReduction);
            await FinanceSeed.AgreedAsync(f, e, 2024, 420_000m);
            await using var scope = f.OpenDb();
            (await scope.Db.Contracts.SingleAsync(x => x.Id == fId)).TerminateOn(new DateOnly(2026, 3, 31), "Provider left the market");
            await scope.Db.SaveChangesAsync();
        }

        public Task DisposeAsync()
        {
            _figures.Dispose();
            return Task.CompletedTask;
        }
    }

    private CommissioningFactory Factory => app.Factory;

    private async Task<List<RegisterRow>> RegisterAsync(string query)
    {
        var client = await Factory.SignedInClientAsync(Viewer);
        return await RegisterReader.AllRowsAsync(client, query);
    }

    [Fact]
    public async Task Persona_shows_its_projected_2026_27_value_not_the_value_it_was_let_at()
    {
        var client = await Factory.SignedInClientAsync(Viewer);
        var page = await client.GetPageAsync("/Contracts?Filter.Q=SC-2021-0001");

        // £12,393,408 (2019/20) less £1m (2021/22) and £1.5m (2022/23) is £9,893,408; nothing agreed for 2026/27.
        Assert.Equal("£9,893,408.00 (projected)", page.RegisterRows.Single().Value);
        Assert.Contains("Annual values are for 2026/27", page.Find("#value-explained")!.TextContent);
    }

    [Fact]
    public async Task Papers_contracts_show_this_years_value_or_their_last_years_named()
    {
        var rows = (await RegisterAsync("")).ToDictionary(r => r.Reference, r => r.Value);

        // B&NES: £707,361 agreed for 2021/22 only, carried forward with no savings.
        Assert.Equal("£707,361.00 (projected)", rows["SC-2021-0003"]);
        // Kent ended 31 May 2019 (its continuation) and 30 September 2017: £33,632,993.52 a year, never reviewed.
        Assert.Equal("£33,632,993.52 (estimate) (projected, last year 2019/20)", rows["SC-2017-0001"]);
        Assert.Equal("£33,632,993.52 (estimate) (projected, last year 2017/18)", rows["SC-2014-0001"]);
        // Persona's old contract: £12,393,408 agreed for 2019/20, carried into 2020/21, its last year.
        Assert.Equal("£12,393,408.00 (projected, last year 2020/21)", rows["SC-2015-0001"]);
    }

    [Fact]
    public async Task Each_test_contract_shows_the_figure_worked_out_by_hand()
    {
        var rows = (await RegisterAsync("Filter.Q=SORTX")).ToDictionary(r => r.Reference, r => r.Value);

        Assert.Equal(new Dictionary<string, string>
        {
            ["SORTX-A"] = "£100,000.00",
            ["SORTX-B"] = "£200,000.00 (projected)",
            ["SORTX-C"] = "£50,000.00 (projected)",
            ["SORTX-D"] = "£75,000.00 (projected, first year 2028/29)",
            ["SORTX-E"] = "£420,000.00 (last year 2024/25)",
            ["SORTX-F"] = "£150,000.00 (projected, last year 2025/26)",
            ["SORTX-G"] = "£0.00 (projected)",
        }, rows);
    }

    [Fact]
    public async Task Sorting_by_annual_value_sorts_by_this_years_figure_in_the_database()
    {
        var descending = await RegisterAsync("Filter.Q=SORTX&Filter.Sort=value&Filter.Dir=desc");
        var ascending = await RegisterAsync("Filter.Q=SORTX&Filter.Sort=value&Filter.Dir=asc");

        Assert.Equal(["SORTX-E", "SORTX-B", "SORTX-F", "SORTX-A", "SORTX-D", "SORTX-C", "SORTX-G"], descending.Select(r => r.Reference));
        Assert.Equal(["SORTX-G", "SORTX-C", "SORTX-D", "SORTX-A", "SORTX-F", "SORTX-B", "SORTX-E"], ascending.Select(r => r.Reference));
    }

    [Fact]
    public async Task Sorted_by_value_the_held_figures_and_the_database_give_one_order_over_every_page()
    {
        // The register sorts by value from the figures held per register version (ScheduleCache); an administrator's
        // list with withdrawn contracts still sorts in SQL. Over the whole register, both ways, the orders agree and
        // no contract is on two pages or none.
        var admin = await Factory.SignedInClientAsync(Administrator);
        var every = (await RegisterReader.AllRowsAsync(admin, "")).Select(r => r.Reference).Order(StringComparer.Ordinal).ToList();
        foreach (var dir in new[] { "desc", "asc" })
        {
            var held = (await RegisterReader.AllRowsAsync(admin, $"Filter.Sort=value&Filter.Dir={dir}")).Select(r => r.Reference).ToList();
            var inSql = (await RegisterReader.AllRowsAsync(admin, $"Filter.Sort=value&Filter.Dir={dir}&Filter.ShowWithdrawn=true"))
                .Select(r => r.Reference).ToList();

            Assert.Equal(every, held.Order(StringComparer.Ordinal));
            Assert.Equal(inSql.Where(every.Contains), held);
        }
    }

    [Fact]
    public async Task A_value_agreed_moves_the_contract_in_the_sort_at_once()
    {
        var provider = await Factory.ProviderIdAsync("Community Connect Advocacy");
        var start = new DateOnly(2025, 4, 1);
        var small = await FinanceSeed.ContractAsync(Factory, new BlockContract(provider, Money.Pounds(100_000m)), "RESORT-A", ServiceCategory.Other,
            "Adult Social Care", start, new DateOnly(2028, 3, 31), exactReference: true);
        await FinanceSeed.ContractAsync(Factory, new BlockContract(provider, Money.Pounds(200_000m)), "RESORT-B", ServiceCategory.Other,
            "Adult Social Care", start, new DateOnly(2028, 3, 31), exactReference: true);
        var before = await RegisterAsync("Filter.Q=RESORT&Filter.Sort=value&Filter.Dir=desc");

        await FinanceSeed.AgreedAsync(Factory, small, 2026, 300_000m);
        var after = await RegisterAsync("Filter.Q=RESORT&Filter.Sort=value&Filter.Dir=desc");

        Assert.Equal(["RESORT-B", "RESORT-A"], before.Select(r => r.Reference));
        Assert.Equal([("RESORT-A", "£300,000.00"), ("RESORT-B", "£200,000.00 (projected)")], after.Select(r => (r.Reference, r.Value)));
    }

    [Fact]
    public async Task Every_register_value_is_the_year_row_on_the_contracts_own_page()
    {
        // The register works its figure out in SQL; the contract page in C# (ValueSchedule). They must agree.
        var client = await Factory.SignedInClientAsync(Viewer);
        var rows = await RegisterReader.AllRowsAsync(client, "");
        var checkedRows = 0;

        foreach (var row in rows)
        {
            var page = await client.GetPageAsync($"/Contracts/Details/{row.Id}");
            var (shown, note) = Split(row.Value);
            var year = note?.Split(' ').Last() is { } y && y.Contains('/') ? y : "2026/27";
            var yearRow = FinanceTables.Rows(page, "values-table").FirstOrDefault(r => r[0].StartsWith(year, StringComparison.Ordinal));
            if (shown == "Not set")
            {
                Assert.True(yearRow is null || yearRow[6] == "Not known", $"{row.Reference}: the register says Not set, its page {yearRow?[6]}");
                continue;
            }
            Assert.True(yearRow is not null, $"{row.Reference}: no {year} row on its page");
            // The contract's own summary names the same figure.
            Assert.StartsWith(shown, Browser.Normalise(page.Find("#value-this-year")!.TextContent), StringComparison.Ordinal);
            // The status cell may go on "Review waiting for …".
            Assert.Equal((row.Reference, shown, note?.StartsWith("projected", StringComparison.Ordinal) == true ? "Projected" : "Agreed"),
                (row.Reference, yearRow![6], yearRow[8].Split(' ')[0]));
            checkedRows++;
        }
        Assert.True(checkedRows >= 30, $"only {checkedRows} contracts had a value to compare");
    }

    [Fact]
    public async Task A_variation_is_measured_against_this_years_value_not_the_value_let_at()
    {
        // Let at £100,000 in 2025/26 (its opening entry), agreed at £110,000 for 2026/27. A new value of
        // £115,500 is £5,500 on £110,000: 5%, no change notice. Against the let value it would be 15.5%, and a warning.
        var provider = await Factory.ProviderIdAsync("Community Connect Advocacy");
        var id = await FinanceSeed.ContractAsync(Factory, new BlockContract(provider, Money.Pounds(100_000m)), "VARYX", ServiceCategory.Other,
            "Adult Social Care", new DateOnly(2025, 4, 1), new DateOnly(2028, 3, 31));
        await using (var scope = Factory.OpenDb())
        {
            var contract = await scope.Db.Contracts.AsNoTracking().SingleAsync(c => c.Id == id);
            scope.Db.AnnualValueReviews.Add(AnnualValueReview.OpeningEntry(id, contract.CurrentTerm, Money.Pounds(100_000m), FinanceSeed.Proposer, DateTime.UtcNow));
            await scope.Db.SaveChangesAsync();
        }
        await FinanceSeed.AgreedAsync(Factory, id, 2026, 110_000m);
        var client = await Factory.SignedInClientAsync(Commissioner);
        var form = await client.GetPageAsync($"/Contracts/{id}/Vary");
        Assert.StartsWith("£110,000.00 (agreed)", Browser.Normalise(form.Find("#value-for-year")!.TextContent));
        var fields = form.Form().Set("Input.Clause", "clause 53").Set("Input.Reason", "More hours").Set("Input.Decision", "DOD-1")
            .Set("Input.Changes", "Value").Set("Input.NewValue", "115,500.00");

        var check = await client.PostFormAsync($"/Contracts/{id}/Vary?handler=Check", fields);
        var saved = await client.PostFormAsync($"/Contracts/{id}/Vary", fields);

        var rows = check.FindAll("#variation-check .govuk-summary-list__row").ToDictionary(
            r => Browser.Normalise(r.QuerySelector("dt")!.TextContent), r => Browser.Normalise(r.QuerySelector("dd")!.TextContent));
        Assert.Equal("£110,000.00 to £115,500.00: +5%", rows["Value for 2026/27"]);
        Assert.Contains("No change notice", check.Find("#variation-check")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        await using (var scope = Factory.OpenDb())
        {
            var v = await scope.Db.ContractEvents.OfType<ContractVariation>().SingleAsync(e => e.ContractId == id);
            Assert.Equal((11_000_000L, 11_550_000L, 5m, ChangeNoticeRule.WithinTenPercent), (v.ValueBeforePence!.Value, v.ValueAfterPence!.Value, v.ValueChangePercent!.Value, v.ChangeNoticeRule));
        }
        // A variation agrees no year's value: the values year by year stand, and still add up.
        var values = FinanceTables.Rows(await client.GetPageAsync($"/Contracts/Details/{id}"), "values-table");
        Assert.Equal(["2025/26", "Full year", "£100,000.00", "£0.00", "£0.00", "£0.00", "£100,000.00"], values[0][..7]);
        Assert.Equal(["2026/27", "Full year", "£100,000.00", "£0.00", "£0.00", "+£10,000.00", "£110,000.00"], values[1][..7]);
    }

    /// <summary>"£1.00 (estimate) (projected, last year 2019/20)" → ("£1.00", "projected, last year 2019/20").</summary>
    private static (string Value, string? Note) Split(string cell)
    {
        var text = cell.Replace(" (estimate)", "", StringComparison.Ordinal);
        var open = text.IndexOf(" (", StringComparison.Ordinal);
        return open < 0 ? (text, null) : (text[..open], text[(open + 2)..].TrimEnd(')'));
    }
}
