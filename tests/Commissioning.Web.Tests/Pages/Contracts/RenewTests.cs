using System.Net;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Contracts;

[Collection(SharedApp.Lifecycle)]
public sealed class RenewTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    [Theory]
    [InlineData("SC-2021-0002")]
    [InlineData("SC-2021-0003")]
    [InlineData("SC-2016-0001")]
    public async Task Renewal_form_starts_the_day_after_the_current_end_date(string reference)
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var id = await factory.ContractIdAsync(reference);
        DateOnly currentEnd;
        await using (var scope = factory.OpenDb())
            currentEnd = await scope.Db.Contracts.Where(c => c.Id == id).Select(c => c.CurrentEndDate).SingleAsync();

        var page = await client.GetPageAsync($"/Contracts/Renew/{id}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var next = currentEnd.AddDays(1);
        Assert.Equal(ContractInput.S(next.Day), page.Value("Input.StartDate.Day"));
        Assert.Equal(ContractInput.S(next.Month), page.Value("Input.StartDate.Month"));
        Assert.Equal(ContractInput.S(next.Year), page.Value("Input.StartDate.Year"));
        Assert.Equal("", page.Value("Input.AwardedOn.Year"));
        Assert.Contains($"Renews {reference}", page.Text);
    }

    [Fact]
    public async Task Contract_already_renewed_shows_its_successor_and_refuses_another_renewal()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var id = await factory.ContractIdAsync("SC-2015-0001");
        var before = await factory.ContractCountAsync();
        var fields = ContractInput.Block("Another Persona renewal", await factory.ProviderIdAsync("Persona Care and Support Limited"),
            "100.00", new DateOnly(2031, 4, 1), new DateOnly(2032, 3, 31));

        var get = await client.GetPageAsync($"/Contracts/Renew/{id}");
        var post = await client.PostFormAsync($"/Contracts/Renew/{id}", fields, tokenFrom: "/Contracts");

        Assert.Contains("SC-2015-0001 has already been renewed by SC-2021-0001", get.Text);
        Assert.Null(get.Find("main form[method='post']"));
        Assert.Equal(HttpStatusCode.OK, post.Status);
        Assert.Contains(post.ErrorSummary, m => m.Contains("has already been renewed by SC-2021-0001", StringComparison.Ordinal));
        Assert.Equal(before, await factory.ContractCountAsync());
    }

    [Fact]
    public async Task Renewal_starting_before_the_contract_it_renews_is_refused_at_the_start_date()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var id = await factory.ContractIdAsync("SC-2021-0002");
        var fields = (await client.GetPageAsync($"/Contracts/Renew/{id}")).Form();
        ContractInput.Date(fields, "Input.StartDate", new DateOnly(2020, 4, 1));
        ContractInput.Date(fields, "Input.InitialEndDate", new DateOnly(2025, 3, 31));
        var before = await factory.ContractCountAsync();

        var page = await client.PostFormAsync($"/Contracts/Renew/{id}", fields);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("A renewal must start after the contract it renews", page.FieldError("Input-StartDate"));
        Assert.Contains(page.ErrorSummary, m => m.Contains("A renewal must start after", StringComparison.Ordinal));
        Assert.Equal(before, await factory.ContractCountAsync());
    }

    [Fact]
    public async Task Renewal_of_an_unknown_contract_is_not_found()
    {
        var client = await factory.SignedInClientAsync(Commissioner);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetPageAsync("/Contracts/Renew/999999")).Status);
    }
}
