using System.Net;
using Commissioning.Web.Tests.Pages.Contracts.Lifecycle;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.People;

/// <summary>
/// The responsible commissioner is a user chosen on the contract form; a name typed before that (the papers' officers
/// in the demo) stays, marked as not a user, until someone picks one; "My contracts" follows the user.
/// </summary>
[Collection(SharedApp.People)]
public sealed class ResponsibleCommissionerTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    private static List<(string Value, string Text)> Options(HtmlPage page) =>
        page.FindAll("select[name='Input.ResponsibleCommissionerId'] option")
            .Select(o => (o.GetAttribute("value") ?? "", Browser.Normalise(o.TextContent))).ToList();

    /// <summary>The value beside <paramref name="key"/> in the page's summary lists.</summary>
    public static string Summary(HtmlPage page, string key) =>
        Browser.Normalise(page.FindAll(".govuk-summary-list__row")
            .Single(r => Browser.Normalise(r.QuerySelector("dt")?.TextContent) == key).QuerySelector("dd")!.TextContent);

    private async Task<string> UserIdAsync(string email)
    {
        await using var scope = factory.OpenDb();
        return await scope.Db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    private async Task<(string? Id, string? Historic)> CommissionerAsync(int contract)
    {
        await using var scope = factory.OpenDb();
        var c = await scope.Db.Contracts.AsNoTracking().SingleAsync(x => x.Id == contract);
        return (c.ResponsibleCommissionerId, c.HistoricCommissionerName);
    }

    [Fact]
    public async Task A_new_contract_chooses_among_the_people_with_the_commissioner_role_by_name()
    {
        var client = await factory.SignedInClientAsync(Commissioner);

        var page = await client.GetPageAsync("/Contracts/Create?form=Block");

        Assert.Equal("Responsible commissioner", Browser.Normalise(page.Find("label[for='Input-ResponsibleCommissionerId']")!.TextContent));
        // The demo has one commissioner; the secretary, finance officer, viewer and administrator are not offered.
        Assert.Equal([("", "Choose…"), (await UserIdAsync(Commissioner), NameOf(Commissioner))], Options(page));
    }

    [Fact]
    public async Task A_historic_name_is_shown_as_not_a_user_and_kept_by_the_edit_form_until_a_user_is_picked()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var id = await factory.ContractIdAsync("SC-2016-0002"); // Lot 2 names Sandy McMillan, an officer in the paper

        Assert.Equal("Sandy McMillan (not a user of the register)", Summary(await client.GetPageAsync($"/Contracts/Details/{id}"), "Responsible commissioner"));
        var edit = await client.GetPageAsync($"/Contracts/Edit/{id}");
        Assert.Equal(("historic", "Sandy McMillan (not a user of the register)"), Options(edit)[1]);
        Assert.Equal("historic", edit.Value("Input.ResponsibleCommissionerId"));

        // Saving another change keeps the historic name.
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Contracts/Edit/{id}", edit.Form().Set("Input.Title", "Lot 2 – title edited"))).Status);
        Assert.Equal((null, "Sandy McMillan"), await CommissionerAsync(id));

        // Picking a user replaces it, and the history says from whom to whom.
        var form = (await client.GetPageAsync($"/Contracts/Edit/{id}")).Form().Set("Input.ResponsibleCommissionerId", await UserIdAsync(Commissioner));
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Contracts/Edit/{id}", form)).Status);

        Assert.Equal((await UserIdAsync(Commissioner), (string?)null), await CommissionerAsync(id));
        var details = await client.GetPageAsync($"/Contracts/Details/{id}");
        Assert.Equal(NameOf(Commissioner), Summary(details, "Responsible commissioner"));
        var changes = details.FindAll(".app-timeline table tbody tr").Select(tr => Browser.Normalise(string.Join(" | ", tr.Children.Select(c => c.TextContent)))).ToList();
        Assert.Contains($"Responsible commissioner | Sandy McMillan (not a user of the register) | {NameOf(Commissioner)}", changes);
        // Once a user is picked the historic name is no longer offered.
        Assert.DoesNotContain(Options(await client.GetPageAsync($"/Contracts/Edit/{id}")), o => o.Value == "historic");
    }

    [Fact]
    public async Task A_user_without_the_commissioner_role_an_unknown_id_or_a_historic_name_on_a_new_contract_is_refused()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var provider = await factory.ProviderIdAsync("Riverside Day Opportunities");
        var before = await factory.ContractCountAsync();

        foreach (var posted in new[] { await UserIdAsync(Viewer), "no-such-user", "historic" })
        {
            var fields = ContractInput.Block("Refused commissioner", provider, "1.00", new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31));
            var page = await client.PostFormAsync("/Contracts/Create?form=Block", fields.Set("Input.ResponsibleCommissionerId", posted));

            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal("Choose the responsible commissioner from the list", page.FieldError("Input-ResponsibleCommissionerId"));
        }
        Assert.Equal(before, await factory.ContractCountAsync());
    }

    [Fact]
    public async Task My_contracts_lists_a_contract_once_its_commissioner_is_picked_as_a_user()
    {
        var today = factory.Today;
        // Ends in two months, so it is among "Ending in the next 3 months"; it names "Test Commissioner" as text only.
        var id = await LifecycleArrange.BlockAsync(factory, today.AddYears(-1), today.AddMonths(2));
        var reference = (await LifecycleArrange.LoadAsync(factory, id)).Reference;
        var client = await factory.SignedInClientAsync(Commissioner);
        Assert.DoesNotContain(reference, (await client.GetPageAsync("/")).Text);

        var form = (await client.GetPageAsync($"/Contracts/Edit/{id}")).Form().Set("Input.ResponsibleCommissionerId", await UserIdAsync(Commissioner));
        var saved = await client.PostFormAsync($"/Contracts/Edit/{id}", form);
        Assert.True(HttpStatusCode.Redirect == saved.Status, string.Join(" | ", saved.ErrorSummary));

        var mine = await client.GetPageAsync("/");
        Assert.Contains(reference, string.Join(" ", mine.FindAll("#ending-3-table tbody tr").Select(tr => tr.TextContent)));
        // Someone else's "My contracts" does not list it.
        var viewer = await factory.SignedInClientAsync(Viewer);
        Assert.DoesNotContain(reference, (await viewer.GetPageAsync("/")).Text);
    }
}
