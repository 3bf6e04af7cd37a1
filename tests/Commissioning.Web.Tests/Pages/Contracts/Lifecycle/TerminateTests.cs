using System.Net;
using Commissioning.Domain.Contracts;
using Commissioning.Web.Tests.Support;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Contracts.Lifecycle;

[Collection(SharedApp.Lifecycle)]
public sealed class TerminateTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    private async Task<(HttpClient, int, FormFields)> OpenAsync(DateOnly start, DateOnly end, int noticeMonths = 12)
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var id = await LifecycleArrange.BlockAsync(factory, start, end, noticeMonths: noticeMonths);
        var fields = (await client.GetPageAsync($"/Contracts/{id}/Terminate")).Form().Set("Input.Reason", "Provider leaving").Set("Input.Decision", "SCB");
        return (client, id, fields);
    }

    [Fact]
    public async Task Notice_ends_the_contract_when_the_notice_period_runs_out()
    {
        var (client, id, fields) = await OpenAsync(new DateOnly(2021, 4, 1), new DateOnly(2031, 3, 31));
        fields.Set("Input.Kind", "Notice").Date("Input.EventDate", new DateOnly(2030, 4, 1));

        var check = await client.PostFormAsync($"/Contracts/{id}/Terminate?handler=Check", fields);
        Assert.Contains("the last day of the contract would be 31 March 2031", check.Text);
        var save = await client.PostFormAsync($"/Contracts/{id}/Terminate", fields);

        Assert.Equal(HttpStatusCode.Redirect, save.Status);
        var c = await LifecycleArrange.LoadAsync(factory, id);
        Assert.Equal(new DateOnly(2031, 3, 31), c.TerminatedOn);
        Assert.Equal("Provider leaving", c.TerminationReason);
    }

    [Fact]
    public async Task Notice_served_after_the_date_it_would_have_to_take_effect_is_refused_at_the_date_served()
    {
        var (client, id, fields) = await OpenAsync(new DateOnly(2021, 4, 1), new DateOnly(2031, 3, 31));
        fields.Set("Input.Kind", "Notice").Date("Input.EventDate", new DateOnly(2030, 6, 1));

        var page = await client.PostFormAsync($"/Contracts/{id}/Terminate", fields);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("notice had to be served by 1 April 2030", page.FieldError("Input-EventDate"));
        Assert.Null((await LifecycleArrange.LoadAsync(factory, id)).TerminatedOn);
        Assert.Equal(0, await LifecycleArrange.EventCountAsync(factory, id));
    }

    [Fact]
    public async Task Termination_before_the_start_date_is_refused_at_the_last_day()
    {
        var (client, id, fields) = await OpenAsync(new DateOnly(2027, 4, 1), new DateOnly(2030, 3, 31));
        fields.Set("Input.Kind", "Agreement").Date("Input.LastDay", new DateOnly(2027, 3, 1));

        var page = await client.PostFormAsync($"/Contracts/{id}/Terminate", fields);

        Assert.Contains("before the contract starts on 1 April 2027", page.FieldError("Input-LastDay"));
        Assert.Equal(0, await LifecycleArrange.EventCountAsync(factory, id));
    }

    [Fact]
    public async Task Reason_and_kind_are_required()
    {
        var (client, id, fields) = await OpenAsync(new DateOnly(2021, 4, 1), new DateOnly(2031, 3, 31));
        fields.Set("Input.Reason", "");

        var page = await client.PostFormAsync($"/Contracts/{id}/Terminate", fields);

        Assert.Equal("Enter the reason for the termination", page.FieldError("Input-Reason"));
        Assert.Equal("Choose how the contract ends", page.FieldError("Input-Kind"));
    }

    [Fact]
    public async Task A_terminated_contract_offers_no_second_termination()
    {
        var (client, id, fields) = await OpenAsync(new DateOnly(2021, 4, 1), new DateOnly(2031, 3, 31));
        fields.Set("Input.Kind", "Breach").Date("Input.LastDay", new DateOnly(2029, 1, 31));
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Contracts/{id}/Terminate", fields)).Status);

        var again = await client.GetPageAsync($"/Contracts/{id}/Terminate");

        Assert.Contains("was already terminated with effect from 31 January 2029", again.Text);
        Assert.Null(again.Find("main form[method='post']"));
        Assert.Equal(ContractStatus.Active, (await LifecycleArrange.LoadAsync(factory, id)).StatusOn(new DateOnly(2029, 1, 31), null));
    }

    [Fact]
    public async Task Natural_expiry_on_the_same_end_date_is_refused_the_second_time()
    {
        var (client, id, fields) = await OpenAsync(new DateOnly(2021, 4, 1), new DateOnly(2031, 3, 31));
        fields.Set("Input.Kind", "NaturalExpiry");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Contracts/{id}/Terminate", fields)).Status);
        var again = (await client.GetPageAsync($"/Contracts/{id}/Terminate")).Form()
            .Set("Input.Kind", "NaturalExpiry").Set("Input.Reason", "Re-procuring");

        var page = await client.PostFormAsync($"/Contracts/{id}/Terminate", again);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Natural expiry on 31 March 2031 is already recorded", page.FieldError("Input-Kind"));
        Assert.Equal(1, await LifecycleArrange.EventCountAsync(factory, id));
    }
}
