using System.Net;
using Commissioning.Domain.Common;
using Commissioning.Domain.Finance;
using Commissioning.Infrastructure.Finance;
using Commissioning.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Web.Tests.Pages.Finance;

/// <summary>
/// The portfolio computes every contract's projections once while the register stands still
/// (decision 0029), and a save anywhere shows on the very next look: the held projections are
/// checked against the register's version in the database on every request.
/// </summary>
[Collection(SharedApp.Finance)]
public sealed class PortfolioCacheTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    private ScheduleCache Cache => factory.Services.GetRequiredService<ScheduleCache>();

    [Fact]
    public async Task A_second_look_at_an_unchanged_register_computes_no_projections_and_shows_the_same_figures()
    {
        var client = await factory.SignedInClientAsync(CommissioningFactory.Finance);

        var first = await client.GetPageAsync("/Finance");
        var loads = Cache.Loads;
        var second = await client.GetPageAsync("/Finance");

        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(loads, Cache.Loads);
        foreach (var table in new[] { "years-table", "form-table", "provider-table", "due-table" })
            Assert.Equal(FinanceTables.Rows(first, table), FinanceTables.Rows(second, table));
    }

    [Fact]
    public async Task A_saving_saved_after_the_page_was_seen_shows_in_next_years_projection_at_once()
    {
        var next = FinancialYear.Containing(factory.Today).Next;
        var client = await factory.SignedInClientAsync(CommissioningFactory.Finance);
        var before = await client.GetPageAsync("/Finance");
        var projected = Projected(before, next);

        // A contract in force all next year, with nothing agreed for it: a cashable saving lowers its projection.
        var contract = await FinanceSeed.ContractAsync(factory, new Domain.Contracts.BlockContract(await factory.ProviderIdAsync("Kent Homecare Partnership Ltd"), Money.Pounds(50_000m)),
            "CACHE", Domain.Contracts.ServiceCategory.Other, "Adult Social Care", next.Start.AddYears(-1), next.End.AddYears(1));
        var withContract = await client.GetPageAsync("/Finance");
        Assert.Equal(projected + 5_000_000, Projected(withContract, next));

        await FinanceSeed.SavingAsync(factory, contract, next.StartYear, 1_234.56m, null, SavingsKind.CashableReduction);
        var after = await client.GetPageAsync("/Finance");

        Assert.Equal(projected + 5_000_000 - 123_456, Projected(after, next));
    }

    private static long Projected(HtmlPage page, FinancialYear year) =>
        Shown.Pence(FinanceTables.Rows(page, "years-table").Single(r => r[0] == year.ToString())[3]) ?? 0;
}
