using System.Net;
using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Finance;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Finance;

/// <summary>Bugs found in the finance pages, each held by a test that failed before its fix.</summary>
[Collection(SharedApp.Finance)]
public sealed class FixedBugsTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    private async Task<int> ContractAsync(int startYear, int years = 3)
    {
        var provider = await factory.ProviderIdAsync("Riverside Day Opportunities");
        return await FinanceSeed.ContractAsync(factory, new BlockContract(provider, Money.Pounds(100_000m)), "FB",
            ServiceCategory.DayServices, "Adult Social Care", new DateOnly(startYear, 4, 1), new DateOnly(startYear + years, 3, 31));
    }

    [Theory]
    [InlineData("7")]
    [InlineData("1,2")]
    public async Task An_uplift_kind_given_as_a_number_is_refused(string kind)
    {
        var id = await ContractAsync(2050);
        var client = await factory.SignedInClientAsync(Commissioner);
        var url = $"/Finance/Reviews/Create/{id}?year=2050";
        var form = (await client.GetPageAsync(url)).Form()
            .Set("Input.ProposedValue", "100,000.00").Set("Input.Narrative", "x").Set("Input.UpliftKind", kind).Set("Input.UpliftPercent", "2");

        var page = await client.PostFormAsync(url, form);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Choose the kind of uplift, or no uplift", page.ErrorSummary);
        await using var scope = factory.OpenDb();
        Assert.False(await scope.Db.AnnualValueReviews.AnyAsync(r => r.ContractId == id));
    }

    [Fact]
    public async Task A_note_longer_than_the_column_is_refused_at_the_field_not_saved()
    {
        var id = await ContractAsync(2051);
        var review = await FinanceSeed.ProposedAsync(factory, id, 2051, 100_000m);
        var client = await factory.SignedInClientAsync(CommissioningFactory.Finance);
        var form = (await client.GetPageAsync($"/Finance/Reviews/{review}")).Form();

        var page = await client.PostFormAsync($"/Finance/Reviews/{review}?handler=Agree", form.Set("Note", new string('n', 1001)));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("The note must be 1,000 characters or fewer", page.FieldError("Note"));
        await using var scope = factory.OpenDb();
        Assert.Equal(ReviewStatus.Proposed, (await scope.Db.AnnualValueReviews.SingleAsync(r => r.Id == review)).Status);
    }

    [Fact]
    public async Task A_funding_split_left_over_from_a_superseded_value_counts_as_not_split()
    {
        var id = await ContractAsync(2060);
        await FinanceSeed.AgreedAsync(factory, id, 2060, 100_000m);
        await FinanceSeed.FundingAsync(factory, id, 2060, new FundingLine(FundingSource.CouncilRevenue, "KLB60", Money.Pounds(100_000m)));
        await FinanceSeed.SupersedeAsync(factory, id, 2060, 80_000m);
        var client = await factory.SignedInClientAsync(CommissioningFactory.Finance);

        var rows = FinanceTables.Rows(await client.GetPageAsync("/Finance?Year=2060"), "funding-table");

        Assert.Equal([["Not yet split between sources", "", "1", "£80,000.00", "100.0%"]], rows);
    }

    [Fact]
    public async Task A_group_with_nothing_this_year_stays_in_the_table_so_last_year_adds_up()
    {
        var gone = await ContractAsync(2070, years: 1); // 2070/71 only, agreed
        var stays = await ContractAsync(2071);
        await FinanceSeed.AgreedAsync(factory, gone, 2070, 1_000m);
        await FinanceSeed.AgreedAsync(factory, stays, 2071, 2_000m);
        await using (var scope = factory.OpenDb())
        {
            // A directorate of its own for the contract that has no 2071/72 value.
            var directorate = await scope.Db.DirectorateIdAsync("Gone directorate");
            await scope.Db.Database.ExecuteSqlRawAsync("UPDATE Contracts SET DirectorateId = {0} WHERE Id = {1}", directorate, gone);
        }
        var client = await factory.SignedInClientAsync(CommissioningFactory.Finance);

        var rows = FinanceTables.Rows(await client.GetPageAsync("/Finance?Year=2071"), "directorate-table");

        Assert.Contains(["Gone directorate", "0", "£0.00", "£0.00", "£0.00", "0.0%", "£1,000.00", "-100.0%"], rows);
        Assert.Contains(["Adult Social Care", "1", "£2,000.00", "£0.00", "£2,000.00", "100.0%", "£0.00", ""], rows);
    }
}
