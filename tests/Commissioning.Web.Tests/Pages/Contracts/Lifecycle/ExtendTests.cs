using System.Net;
using Commissioning.Domain.Lifecycle;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Contracts.Lifecycle;

[Collection(SharedApp.Lifecycle)]
public sealed class ExtendTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    [Fact]
    public async Task Exercising_the_next_option_moves_the_end_date_records_the_event_and_shows_in_the_register()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var today = factory.Today;
        var id = await LifecycleArrange.BlockAsync(factory, today.AddYears(-1), new DateOnly(today.Year + 1, 3, 31), [12, 12]);

        var form = await client.GetPageAsync($"/Contracts/{id}/Extend");
        Assert.Contains($"Option 1: 12 months, new end date 31 March {today.Year + 2}", form.Text);
        var fields = form.Form().Set("Input.Reason", "Performs well").Set("Input.Decision", "CCMT 1 March");
        var post = await client.PostFormAsync($"/Contracts/{id}/Extend", fields);

        Assert.Equal(HttpStatusCode.Redirect, post.Status);
        var c = await LifecycleArrange.LoadAsync(factory, id);
        Assert.Equal(new DateOnly(today.Year + 2, 3, 31), c.CurrentEndDate);
        await using (var scope = factory.OpenDb())
        {
            var ev = await scope.Db.ContractEvents.OfType<ExtensionExercised>().SingleAsync(e => e.ContractId == id);
            Assert.Equal(1, ev.OptionSequence);
            Assert.Equal(NameOf(Commissioner), ev.RecordedByName);
            Assert.Equal("CCMT 1 March", ev.AuthorisingDecision);
        }
        var register = await client.GetPageAsync($"/Contracts?Filter.Q={c.Reference}");
        Assert.Equal("Active – extended (1 of 2 options used)", register.RegisterRows.Single().Status);
    }

    [Fact]
    public async Task The_same_option_posted_twice_is_refused_at_the_option_and_nothing_more_is_saved()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var today = factory.Today;
        var id = await LifecycleArrange.BlockAsync(factory, today.AddYears(-1), today.AddYears(1), [12, 12]);
        var fields = (await client.GetPageAsync($"/Contracts/{id}/Extend")).Form().Set("Input.Reason", "Twice").Set("Input.Decision", "D1");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Contracts/{id}/Extend", fields)).Status);
        var after = await LifecycleArrange.LoadAsync(factory, id);

        // A second click on the old page: same option, fresh token so only the option is stale.
        fields.Set("Input.Version", after.Version.ToString());
        var again = await client.PostFormAsync($"/Contracts/{id}/Extend", fields);

        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Contains("option 1 has already been exercised", again.FieldError("Input-Option"));
        Assert.Equal(1, await LifecycleArrange.EventCountAsync(factory, id));
        Assert.Equal(after.CurrentEndDate, (await LifecycleArrange.LoadAsync(factory, id)).CurrentEndDate);
    }

    [Fact]
    public async Task Options_out_of_order_and_missing_reason_or_decision_are_refused_at_their_fields()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var today = factory.Today;
        var id = await LifecycleArrange.BlockAsync(factory, today.AddYears(-1), today.AddYears(1), [12, 6]);
        var fields = (await client.GetPageAsync($"/Contracts/{id}/Extend")).Form();

        var noReason = await client.PostFormAsync($"/Contracts/{id}/Extend", fields);
        Assert.Equal("Enter the reason for extending", noReason.FieldError("Input-Reason"));
        var noDecision = await client.PostFormAsync($"/Contracts/{id}/Extend", fields.Set("Input.Reason", "r"));
        Assert.Contains("needs the decision that authorised it", noDecision.FieldError("Input-Decision"));
        var second = await client.PostFormAsync($"/Contracts/{id}/Extend", fields.Set("Input.Decision", "D").Set("Input.Option", "2"));
        Assert.Contains("options are used in order", second.FieldError("Input-Option"));

        Assert.Equal(0, await LifecycleArrange.EventCountAsync(factory, id));
    }

    [Fact]
    public async Task An_option_the_contract_does_not_have_is_refused_at_the_option()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var today = factory.Today;
        var id = await LifecycleArrange.BlockAsync(factory, today.AddYears(-1), today.AddYears(1), [12, 12]);
        // A form from before the options were edited, or made up: the contract has options 1 and 2 only.
        var fields = (await client.GetPageAsync($"/Contracts/{id}/Extend")).Form().Set("Input.Reason", "r").Set("Input.Decision", "D").Set("Input.Option", "3");

        var page = await client.PostFormAsync($"/Contracts/{id}/Extend", fields);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("The contract has no extension option 3: choose one of its options", page.FieldError("Input-Option"));
        Assert.Equal(0, await LifecycleArrange.EventCountAsync(factory, id));
    }

    [Fact]
    public async Task Extension_beyond_the_maximum_end_date_is_refused()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var today = factory.Today;
        var end = new DateOnly(today.Year + 1, 3, 31);
        var id = await LifecycleArrange.BlockAsync(factory, today.AddYears(-1), end, [12], category: Domain.Contracts.ServiceCategory.Other);
        // A variation moves the end to just before the maximum: the 12-month option would now overrun it.
        var vary = (await client.GetPageAsync($"/Contracts/{id}/Vary")).Form()
            .Set("Input.Changes", "Term").Date("Input.NewEndDate", end.AddMonths(6)).Set("Input.Clause", "clause 9")
            .Set("Input.Reason", "r").Set("Input.Decision", "D");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Contracts/{id}/Vary", vary)).Status);

        var fields = (await client.GetPageAsync($"/Contracts/{id}/Extend")).Form().Set("Input.Reason", "r").Set("Input.Decision", "D");
        var page = await client.PostFormAsync($"/Contracts/{id}/Extend", fields);

        Assert.Contains("beyond its maximum end date", page.FieldError("Input-Option"));
        Assert.Equal(1, await LifecycleArrange.EventCountAsync(factory, id));
    }

    [Fact]
    public async Task A_stale_version_shows_the_conflict_and_saves_nothing()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var today = factory.Today;
        var id = await LifecycleArrange.BlockAsync(factory, today.AddYears(-1), today.AddYears(1), [12]);
        var fields = (await client.GetPageAsync($"/Contracts/{id}/Extend")).Form().Set("Input.Reason", "r").Set("Input.Decision", "D")
            .Set("Input.Version", Guid.NewGuid().ToString());

        var page = await client.PostFormAsync($"/Contracts/{id}/Extend", fields);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("changed by someone else", page.Text);
        Assert.Equal(0, await LifecycleArrange.EventCountAsync(factory, id));
    }
}
