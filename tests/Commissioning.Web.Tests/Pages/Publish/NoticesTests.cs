using System.Net;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Publishing.Notices;
using Commissioning.Infrastructure.KeyDates;
using Commissioning.Web.Tests.Pages.Contracts.Lifecycle;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Publish;

/// <summary>The Procurement Act notices pages: who may do what, the record form's checks, the Act details form, key dates and digest.</summary>
[Collection(SharedApp.Lifecycle)]
public sealed class NoticesTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    /// <summary>A contract under the Act (awarded 90 days ago), not light-touch: its contract details notice is overdue.</summary>
    private async Task<int> OverdueContractAsync() =>
        await LifecycleArrange.BlockAsync(factory, factory.Today.AddDays(-60), factory.Today.AddYears(2), category: ServiceCategory.Other);

    private async Task<int> PublishedCountAsync(int id)
    {
        await using var scope = factory.OpenDb();
        return await scope.Db.PublishedNotices.CountAsync(n => n.ContractId == id);
    }

    private static string Record(int id) => $"/Contracts/{id}/Notices/Record?key=details";

    [Theory]
    [InlineData(Commissioner, true, true)]
    [InlineData(CommissioningFactory.Finance, false, true)]
    [InlineData(Administrator, true, true)]
    [InlineData(Secretary, false, false)]
    [InlineData(Viewer, false, false)]
    public async Task Everyone_reads_a_contracts_notices_editors_set_the_act_details_and_recorders_record(string user, bool edits, bool records)
    {
        var id = await OverdueContractAsync();
        var client = await factory.SignedInClientAsync(user);

        var page = await client.GetPageAsync($"/Contracts/{id}/Notices");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Contract details notice", page.Text);
        Assert.Equal(edits, page.Find("main form[method='post']") is not null);
        Assert.Equal(records, page.Find($"a[href='{Record(id)}']") is not null);

        var dashboard = await client.GetPageAsync("/Publish/Notices");
        var record = await client.GetPageAsync(Record(id));
        var save = await client.PostFormAsync($"/Contracts/{id}/Notices", new FormFields { { "Input.UnderAct", "no" } }, tokenFrom: "/Contracts");
        Assert.Equal(records ? HttpStatusCode.OK : HttpStatusCode.Redirect, dashboard.Status);
        Assert.Equal(records ? HttpStatusCode.OK : HttpStatusCode.Redirect, record.Status);
        if (!edits)
        {
            Assert.Equal(HttpStatusCode.Redirect, save.Status);
            Assert.Contains("AccessDenied", save.Location);
        }
        Assert.Null((await LifecycleArrange.LoadAsync(factory, id)).ProcuredUnderProcurementAct);
    }

    [Fact]
    public async Task Recording_a_notice_checks_each_field_at_the_field_and_saves_nothing_until_all_pass()
    {
        var id = await OverdueContractAsync();
        var awarded = (await LifecycleArrange.LoadAsync(factory, id)).AwardedOn!.Value;
        var client = await factory.SignedInClientAsync(CommissioningFactory.Finance);
        var form = (await client.GetPageAsync(Record(id))).Form();

        var empty = await client.PostFormAsync(Record(id), form.Set("Input.PublishedOn.Day", "").Set("Input.PublishedOn.Month", "").Set("Input.PublishedOn.Year", ""));
        Assert.Equal("Enter the date the notice was published", empty.FieldError("Input-PublishedOn"));
        Assert.Equal("Enter the notice id the central digital platform gave the notice", empty.FieldError("Input-NoticeId"));
        Assert.StartsWith("Error: ", empty.Document.Title);

        var tomorrow = await client.PostFormAsync(Record(id), form.Date("Input.PublishedOn", factory.Today.AddDays(1)).Set("Input.NoticeId", "001234-2026"));
        Assert.StartsWith("The date published must be today or in the past", tomorrow.FieldError("Input-PublishedOn"));
        Assert.Equal("001234-2026", tomorrow.Value("Input.NoticeId"));

        var early = await client.PostFormAsync(Record(id), form.Date("Input.PublishedOn", awarded.AddDays(-1)));
        Assert.Equal($"The date published cannot be before the contract was entered into, {Domain.Common.Dates.Long(awarded)}", early.FieldError("Input-PublishedOn"));
        Assert.Equal(0, await PublishedCountAsync(id));

        var saved = await client.PostFormAsync(Record(id), form.Date("Input.PublishedOn", awarded));
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        await using (var scope = factory.OpenDb())
        {
            var notice = await scope.Db.PublishedNotices.SingleAsync(n => n.ContractId == id);
            Assert.Equal((NoticeKind.ContractDetails, "details", awarded, "001234-2026", NameOf(CommissioningFactory.Finance)), (notice.Kind, notice.EventKey, notice.PublishedOn, notice.NoticeId, notice.CreatedBy));
            Assert.True(await scope.Db.AuditEntries.AnyAsync(a => a.EntityType == nameof(PublishedNotice) && a.EntityId == notice.Id && a.ChangedBy == NameOf(CommissioningFactory.Finance)));
        }

        var again = await client.PostFormAsync(Record(id), form.Set("Input.NoticeId", "999999-2026"));
        Assert.StartsWith("This contract details notice was already recorded as published", again.FieldError("Input-PublishedOn"));
        Assert.Equal(1, await PublishedCountAsync(id));
        var page = await client.GetPageAsync($"/Contracts/Details/{id}");
        Assert.Contains("Published", page.Find("#contract-notice-details")!.TextContent);
        Assert.Contains("001234-2026", page.Find("#contract-notice-details")!.TextContent);
    }

    [Fact]
    public async Task Act_details_are_saved_on_their_own_page_and_a_future_entered_into_date_is_refused()
    {
        var id = await OverdueContractAsync();
        var client = await factory.SignedInClientAsync(Commissioner);
        var form = (await client.GetPageAsync($"/Contracts/{id}/Notices")).Form();

        var future = await client.PostFormAsync($"/Contracts/{id}/Notices", form.Date("Input.EnteredIntoOn", factory.Today.AddDays(1)).Set("Input.LightTouch", "yes"));
        Assert.Equal("The date the contract was entered into must be today or in the past", future.FieldError("Input-EnteredIntoOn"));
        Assert.Null((await LifecycleArrange.LoadAsync(factory, id)).IsLightTouchContract);

        var entered = factory.Today.AddDays(-10);
        var saved = await client.PostFormAsync($"/Contracts/{id}/Notices", form.Date("Input.EnteredIntoOn", entered).Set("Input.UserChoice", "true"));
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var c = await LifecycleArrange.LoadAsync(factory, id);
        Assert.Equal((true, true, entered), (c.IsLightTouchContract, c.IsUserChoiceDirectAward, c.EnteredIntoOn));

        // Light-touch: 120 days from the day entered into, so no longer overdue; a user choice award owes no termination notice.
        var page = await client.GetPageAsync($"/Contracts/{id}/Notices");
        Assert.Contains(Domain.Common.Dates.Short(entered.AddDays(119)), page.Find("#notice-details")!.TextContent);
        Assert.Contains("Due", page.Find("#notice-details")!.TextContent);
        Assert.Null(page.Find("#notice-termination"));

        var no = await client.PostFormAsync($"/Contracts/{id}/Notices", (await client.GetPageAsync($"/Contracts/{id}/Notices")).Form().Set("Input.UnderAct", "no"));
        Assert.Equal(HttpStatusCode.Redirect, no.Status);
        Assert.NotNull((await client.GetPageAsync($"/Contracts/Details/{id}")).Find("#notices-not-under-act"));
    }

    [Fact]
    public async Task An_overdue_notice_is_on_the_key_dates_page_the_digest_and_the_dashboard_until_recorded()
    {
        var id = await OverdueContractAsync();
        var reference = (await LifecycleArrange.LoadAsync(factory, id)).Reference;
        var client = await factory.SignedInClientAsync(Commissioner);

        var home = await client.GetPageAsync("/?show=all&list=notices");
        Assert.Contains(reference, home.Find("#notices-table")!.TextContent);
        await using (var scope = factory.OpenDb())
        {
            var report = await KeyDatesQuery.LoadAsync(scope.Db, factory.Today, KeyDatesScope.All, 6, default);
            var digest = DigestComposer.Compose(report, "Sarah", "https://register.test");
            Assert.Contains($"- OVERDUE: {reference} ", digest.Text);
            Assert.Contains("Procurement Act notices overdue", digest.Text);
            Assert.Contains($"https://register.test/Contracts/{id}/Notices", digest.Text);
        }
        var overdue = await client.GetPageAsync("/Publish/Notices?status=overdue");
        Assert.NotNull(overdue.Find($"#row-{id}-details"));

        var form = (await client.GetPageAsync(Record(id))).Form().Set("Input.NoticeId", "000777-2026");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(Record(id), form)).Status);

        Assert.Null((await client.GetPageAsync("/Publish/Notices?status=overdue")).Find($"#row-{id}-details"));
        Assert.NotNull((await client.GetPageAsync("/Publish/Notices?status=published")).Find($"#row-{id}-details"));
        Assert.DoesNotContain(reference, (await client.GetPageAsync("/?show=all&list=notices")).Text);
    }

    [Fact]
    public async Task Notice_data_comes_from_the_register_with_each_supplier_and_its_flags()
    {
        var id = await factory.ContractIdAsync("SC-2021-0002");
        var client = await factory.SignedInClientAsync(Viewer);

        var page = await client.GetPageAsync($"/Contracts/{id}/Notices");

        var data = page.Find("#notice-data-list")!.TextContent;
        Assert.Contains("Contracting authority", data);
        Assert.Contains("Contract reference", data);
        var suppliers = page.FindAll("#suppliers-table tbody tr");
        Assert.True(suppliers.Count >= 2, "the lead provider and its sub-contractors");
        Assert.Contains("Lead provider", suppliers[0].TextContent);
        Assert.Contains("Sub-contractor", suppliers[1].TextContent);
        Assert.Contains("Supplier 1: ", page.Find("#notice-data-text")!.TextContent);

        // The same data as OCDS: the link opens the contract's record, whose compiled release names the same contract.
        var record = page.Find("#notice-data-ocds")!.GetAttribute("href")!;
        Assert.Equal($"/ocds/records/ocds-xxxxxx-{id}", record);
        var json = await client.GetStringAsync(record);
        Assert.Contains($"\"ocid\": \"ocds-xxxxxx-{id}\"", json.Replace("\":\"", "\": \""));
        Assert.Contains("\"compiledRelease\"", json);
    }
}
