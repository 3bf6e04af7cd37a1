using System.Net;
using Commissioning.Web.Tests.Support;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Contracts.Lifecycle;

[Collection(SharedApp.Lifecycle)]
public sealed class WithdrawTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    [Fact]
    public async Task Withdrawn_contract_leaves_the_register_and_search_but_administrators_and_its_page_still_show_it()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var id = await LifecycleArrange.BlockAsync(factory, factory.Today.AddYears(-1), factory.Today.AddYears(1));
        var reference = (await LifecycleArrange.LoadAsync(factory, id)).Reference;
        var fields = (await client.GetPageAsync($"/Contracts/{id}/Withdraw")).Form().Set("Input.Reason", "Entered twice");

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Contracts/{id}/Withdraw", fields)).Status);

        Assert.Empty((await client.GetPageAsync($"/Contracts?Filter.Q={reference}")).RegisterRows);
        Assert.Empty((await client.GetPageAsync($"/Contracts?Filter.Q={reference}&Filter.ShowWithdrawn=true")).RegisterRows);
        var details = await client.GetPageAsync($"/Contracts/Details/{id}");
        Assert.Contains($"Withdrawn on {DateTime.UtcNow:d MMMM yyyy}: Entered twice", details.Text);
        Assert.Contains("Withdrawn as entered in error", details.Text);

        var admin = await factory.SignedInClientAsync(Administrator);
        Assert.Empty((await admin.GetPageAsync($"/Contracts?Filter.Q={reference}")).RegisterRows);
        var shown = await admin.GetPageAsync($"/Contracts?Filter.Q={reference}&Filter.ShowWithdrawn=true");
        Assert.Contains("Withdrawn", shown.RegisterRows.Single().Status);
    }

    [Fact]
    public async Task Reason_is_required_and_a_withdrawn_contract_takes_no_events_or_edits()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var id = await LifecycleArrange.BlockAsync(factory, factory.Today.AddYears(-1), factory.Today.AddYears(1), [12]);
        var fields = (await client.GetPageAsync($"/Contracts/{id}/Withdraw")).Form();

        var empty = await client.PostFormAsync($"/Contracts/{id}/Withdraw", fields);
        Assert.Equal("Enter why the contract is withdrawn, for example entered twice by mistake", empty.FieldError("Input-Reason"));
        Assert.False((await LifecycleArrange.LoadAsync(factory, id)).IsWithdrawn);

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Contracts/{id}/Withdraw", fields.Set("Input.Reason", "Test"))).Status);
        var extend = await client.GetPageAsync($"/Contracts/{id}/Extend");
        Assert.Contains("was withdrawn as entered in error", extend.Text);
        Assert.Null(extend.Find("main form[method='post']"));
    }
}
