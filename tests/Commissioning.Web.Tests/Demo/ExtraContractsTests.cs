using Commissioning.Domain.Finance;
using Commissioning.Infrastructure.Demo;
using Commissioning.Infrastructure.Finance;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Commissioning.Web.Tests.Demo;

/// <summary>
/// <c>Demo:ExtraContracts</c>: a large council's register, generated in realistic proportions through the domain.
/// 240 contracts stand in for 10,000 (the proportions are the same; bench/ measures the big one).
/// </summary>
public sealed class ExtraContractsTests : IAsyncLifetime
{
    private const int Extra = 240;
    private readonly CommissioningFactory _app = CommissioningFactory.With(("Demo:ExtraContracts", Extra.ToString()));

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();

    private sealed record Counts(int Contracts, int Providers, int Reviews, int Savings, int Funding, int Audit);

    private async Task<Counts> CountAsync()
    {
        await using var scope = _app.OpenDb();
        var db = scope.Db;
        var ids = db.Contracts.Where(c => c.Description == DemoOptions.GeneratedMarker).Select(c => c.Id);
        return new Counts(await ids.CountAsync(), await db.Providers.CountAsync(p => p.Address == "Generated for the demo"),
            await db.AnnualValueReviews.CountAsync(r => ids.Contains(r.ContractId)), await db.SavingsTargets.CountAsync(s => ids.Contains(s.ContractId)),
            await db.FundingPlans.CountAsync(f => ids.Contains(f.ContractId)), await db.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task Adds_the_contracts_with_providers_reviews_savings_and_funding_in_a_large_councils_proportions()
    {
        var n = await CountAsync();

        Assert.Equal(Extra, n.Contracts);
        Assert.Equal(Extra / 12, n.Providers);
        // About 9 reviews a contract (the opening value and one a year run), 1 savings target in 5, funding splits on some.
        Assert.InRange(n.Reviews / (double)Extra, 6.5, 11.5);
        Assert.InRange(n.Savings, Extra / 8, Extra / 4);
        Assert.InRange(n.Funding, 1, Extra / 5);
        // Each one's references are the register's own kind (SC-year-number), all different.
        await using var scope = _app.OpenDb();
        var references = await scope.Db.Contracts.Select(c => c.Reference).ToListAsync();
        Assert.Equal(references.Count, references.Distinct().Count());
        Assert.All(references, r => Assert.Matches(@"^SC-\d{4}-\d{4}$", r));
    }

    [Fact]
    public async Task Every_generated_year_adds_up_as_the_contracts_page_shows_it()
    {
        await using var scope = _app.OpenDb();
        var contracts = await scope.Db.Contracts.AsNoTracking().Where(c => c.Description == DemoOptions.GeneratedMarker).ToListAsync();
        var agreedYears = 0;
        foreach (var c in contracts)
        {
            var finance = await ContractFinance.LoadAsync(scope.Db, c, default);
            foreach (var row in finance.Schedule.Rows.Where(r => r.Source == ValueSource.Agreed))
            {
                agreedYears++;
                // Agreed at the value the year's position pointed to: nothing unexplained.
                Assert.Equal(0, row.OtherChange.Pence);
                Assert.Equal(row.Annual, (row.Baseline ?? row.Annual!.Value) + row.Uplift - row.Savings);
            }
        }
        Assert.True(agreedYears > Extra * 5, $"only {agreedYears} agreed years");
    }

    [Fact]
    public async Task Seeding_again_adds_nothing_and_another_demo_of_the_same_size_is_the_same()
    {
        var before = await CountAsync();
        await using (var scope = _app.OpenDb())
            await scope.Services.GetRequiredService<DemoSeeder>().SeedAsync();
        Assert.Equal(before, await CountAsync());

        await using var other = CommissioningFactory.With(("Demo:ExtraContracts", Extra.ToString()));
        _ = other.Services;
        async Task<List<string>> Fingerprint(CommissioningFactory app)
        {
            await using var scope = app.OpenDb();
            return await scope.Db.Contracts.Where(c => c.Description == DemoOptions.GeneratedMarker).OrderBy(c => c.Reference)
                .Select(c => c.Reference + " " + c.Title + " " + c.AnnualValuePence + " " + c.StartDate + " " + c.CurrentEndDate).ToListAsync();
        }
        Assert.Equal(await Fingerprint(_app), await Fingerprint(other));
    }

    [Fact]
    public async Task A_generated_contract_opens_on_its_own_page_and_the_register_counts_it()
    {
        var client = await _app.SignedInClientAsync(CommissioningFactory.Finance);
        int id;
        string reference;
        await using (var scope = _app.OpenDb())
            (id, reference) = await scope.Db.Contracts.Where(c => c.Description == DemoOptions.GeneratedMarker && c.AwardedOn != null)
                .OrderBy(c => c.Id).Select(c => ValueTuple.Create(c.Id, c.Reference)).FirstAsync();

        var details = await client.GetPageAsync($"/Contracts/Details/{id}");
        Assert.Contains(reference, details.Text);
        var register = await client.GetPageAsync("/Contracts?Filter.Q=" + reference);
        Assert.Contains(reference, register.Text);
    }
}
