using System.Net;
using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Lifecycle;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Contracts.Lifecycle;

[Collection(SharedApp.Lifecycle)]
public sealed class VaryTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    private async Task<(HttpClient, int, FormFields)> OpenAsync(ServiceCategory category)
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var today = factory.Today;
        var id = await LifecycleArrange.BlockAsync(factory, today.AddYears(-1), today.AddYears(2), category: category, valuePence: 100_000_00);
        var fields = (await client.GetPageAsync($"/Contracts/{id}/Vary")).Form()
            .Set("Input.Clause", "clause 53").Set("Input.Reason", "More hours").Set("Input.Decision", "DOD-1");
        return (client, id, fields);
    }

    [Fact]
    public async Task Value_up_by_more_than_ten_percent_on_a_non_light_touch_contract_warns_and_says_the_rule()
    {
        var (client, id, fields) = await OpenAsync(ServiceCategory.Other);
        fields.Set("Input.Changes", "Value").Set("Input.NewValue", "115,000.00");

        var check = await client.PostFormAsync($"/Contracts/{id}/Vary?handler=Check", fields);
        Assert.Contains("+15%", check.Find("#variation-check")!.TextContent);
        Assert.Contains("Ten per cent rule: value or term moved by more than 10%", check.Text);
        Assert.Contains("Change notice likely required", check.Text);
        Assert.Equal(0, await LifecycleArrange.EventCountAsync(factory, id));

        var save = await client.PostFormAsync($"/Contracts/{id}/Vary", fields);
        Assert.Equal(HttpStatusCode.Redirect, save.Status);
        await using var scope = factory.OpenDb();
        var v = await scope.Db.ContractEvents.OfType<ContractVariation>().SingleAsync(e => e.ContractId == id);
        Assert.Equal(ChangeNoticeRule.MoreThanTenPercent, v.ChangeNoticeRule);
        Assert.True(v.ChangeNoticeWarning);
        Assert.Equal(15m, v.ValueChangePercent);
        Assert.Equal("clause 53", v.Clause);
        Assert.Equal(115_000_00, (await scope.Db.Contracts.SingleAsync(c => c.Id == id)).AnnualValuePence);
    }

    [Fact]
    public async Task Light_touch_social_care_contract_needs_no_change_notice_whatever_the_change()
    {
        var (client, id, fields) = await OpenAsync(ServiceCategory.DomiciliaryCare);
        fields.Set("Input.Changes", "Value").Set("Input.NewValue", "200,000.00");

        var check = await client.PostFormAsync($"/Contracts/{id}/Vary?handler=Check", fields);

        Assert.Contains("Light-touch contract rule", check.Text);
        Assert.Contains("No change notice", check.Text);
    }

    [Fact]
    public async Task Nothing_ticked_no_clause_and_a_value_without_ticking_value_are_refused_at_their_fields()
    {
        var (client, id, fields) = await OpenAsync(ServiceCategory.Other);
        fields.Set("Input.Clause", "").Set("Input.NewValue", "5.00");

        var page = await client.PostFormAsync($"/Contracts/{id}/Vary", fields);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Select what the variation changes: value, term, scope or parties", page.FieldError("Input-Changes"));
        Assert.Equal("Enter the clause the variation relies on, like clause 53", page.FieldError("Input-Clause"));
        Assert.Equal("Select Value as a change, or leave the new annual value blank", page.FieldError("Input-NewValue"));
        Assert.Equal(3, page.ErrorSummary.Count);
        Assert.Equal(0, await LifecycleArrange.EventCountAsync(factory, id));
    }

    [Fact]
    public async Task New_end_date_before_the_start_is_refused_and_nothing_changes()
    {
        var (client, id, fields) = await OpenAsync(ServiceCategory.Other);
        var before = await LifecycleArrange.LoadAsync(factory, id);
        fields.Set("Input.Changes", "Term").Date("Input.NewEndDate", before.StartDate.AddDays(-1));

        var page = await client.PostFormAsync($"/Contracts/{id}/Vary", fields);

        Assert.Equal($"The new end date, {Dates.Long(before.StartDate.AddDays(-1))}, is before the contract starts on {Dates.Long(before.StartDate)}",
            page.FieldError("Input-NewEndDate"));
        Assert.Equal(before.CurrentEndDate, (await LifecycleArrange.LoadAsync(factory, id)).CurrentEndDate);
        Assert.Equal(0, await LifecycleArrange.EventCountAsync(factory, id));
    }
}
