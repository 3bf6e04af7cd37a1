using System.Net;
using Commissioning.Web.Tests.Pages.Contracts;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.People;

/// <summary>The directorates administrators keep under /Admin/Directorates, and where the list is used: the contract form and the register filter.</summary>
[Collection(SharedApp.People)]
public sealed class DirectoratesTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    private static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..6]}";

    private static List<string> Options(HtmlPage page, string select) =>
        page.FindAll($"select[name='{select}'] option").Select(o => Browser.Normalise(o.TextContent)).ToList();

    private async Task<int> AddAsync(HttpClient admin, string name)
    {
        var page = await admin.PostFormAsync("/Admin/Directorates/Create", new FormFields { { "Input.Name", name } });
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        await using var scope = factory.OpenDb();
        return await scope.Db.Directorates.Where(d => d.Name == name.Trim()).Select(d => d.Id).SingleAsync();
    }

    [Fact]
    public async Task An_added_directorate_is_listed_and_offered_on_the_contract_form_and_the_register_filter()
    {
        var admin = await factory.SignedInClientAsync(Administrator);
        var name = Unique("Public Health");

        var id = await AddAsync(admin, "  " + name + " ");

        var list = await admin.GetPageAsync("/Admin/Directorates");
        Assert.Contains($"{name} added", list.Text);
        var row = list.FindAll("main table tbody tr").Single(tr => tr.TextContent.Contains(name, StringComparison.Ordinal));
        Assert.Equal($"{name} 0 In use", Browser.Normalise(row.TextContent));
        Assert.Equal($"/Admin/Directorates/Edit/{id}", row.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains(name, Options(await admin.GetPageAsync("/Contracts/Create?form=Block"), "Input.DirectorateId"));
        Assert.Contains(name, Options(await admin.GetPageAsync("/Contracts"), "Filter.Directorate"));
    }

    [Theory]
    [InlineData("adult social care", "There is already a directorate called adult social care")]
    [InlineData("   ", "Enter the name of the directorate")]
    public async Task A_name_on_the_list_whatever_its_case_or_a_blank_one_is_refused(string name, string message)
    {
        var admin = await factory.SignedInClientAsync(Administrator);
        await using var before = factory.OpenDb();
        var count = await before.Db.Directorates.CountAsync();

        var page = await admin.PostFormAsync("/Admin/Directorates/Create", new FormFields { { "Input.Name", name } });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(message, page.FieldError("Input-Name"));
        await using var after = factory.OpenDb();
        Assert.Equal(count, await after.Db.Directorates.CountAsync());
    }

    [Fact]
    public async Task Renaming_shows_the_new_name_on_every_contract_of_the_directorate()
    {
        var admin = await factory.SignedInClientAsync(Administrator);
        var name = Unique("Housing");
        var id = await AddAsync(admin, name);
        var fields = ContractInput.Block("Housing support – renamed directorate", await factory.ProviderIdAsync("Riverside Day Opportunities"), "1,000.00",
            new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31));
        fields.Set("Input.DirectorateId", name);
        var contract = await ContractInput.CreateAsync(admin, "Block", fields);

        var renamed = Unique("Housing and Homelessness");
        var form = (await admin.GetPageAsync($"/Admin/Directorates/Edit/{id}")).Form().Set("Input.Name", renamed);
        var saved = await admin.PostFormAsync($"/Admin/Directorates/Edit/{id}", form);

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
        var details = await admin.GetPageAsync($"/Contracts/Details/{contract}");
        Assert.Equal(renamed, ResponsibleCommissionerTests.Summary(details, "Directorate"));
        var register = await admin.GetPageAsync($"/Contracts?Filter.Directorate={id}");
        Assert.Equal([contract], register.RegisterRows.Select(r => r.Id));
    }

    [Fact]
    public async Task A_retired_directorate_is_not_offered_for_new_contracts_but_its_contracts_keep_it_and_the_filter_still_finds_them()
    {
        var admin = await factory.SignedInClientAsync(Administrator);
        var name = Unique("Transformation");
        var id = await AddAsync(admin, name);
        var fields = ContractInput.Block("Transformation programme support", await factory.ProviderIdAsync("Riverside Day Opportunities"), "2,000.00",
            new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31));
        fields.Set("Input.DirectorateId", name);
        var contract = await ContractInput.CreateAsync(admin, "Block", fields);

        var retired = await admin.PostFormAsync($"/Admin/Directorates/Edit/{id}?handler=Retire", new FormFields());

        Assert.Equal(HttpStatusCode.Redirect, retired.Status);
        var list = await admin.GetPageAsync("/Admin/Directorates");
        Assert.Equal($"{name} 1 Retired", Browser.Normalise(list.FindAll("main table tbody tr").Single(tr => tr.TextContent.Contains(name, StringComparison.Ordinal)).TextContent));
        Assert.DoesNotContain(Options(await admin.GetPageAsync("/Contracts/Create?form=Block"), "Input.DirectorateId"), o => o.StartsWith(name, StringComparison.Ordinal));
        // The contract's own form still offers it, marked, and saving another change keeps it.
        var edit = await admin.GetPageAsync($"/Contracts/Edit/{contract}");
        Assert.Contains($"{name} (retired)", Options(edit, "Input.DirectorateId"));
        Assert.Equal(ContractInput.S(id), edit.Value("Input.DirectorateId"));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/Contracts/Edit/{contract}", edit.Form().Set("Input.Title", "Transformation – kept"))).Status);
        await using (var scope = factory.OpenDb())
            Assert.Equal(id, await scope.Db.Contracts.Where(c => c.Id == contract).Select(c => c.DirectorateId).SingleAsync());
        Assert.Contains($"{name} (retired)", Options(await admin.GetPageAsync("/Contracts"), "Filter.Directorate"));
        Assert.Equal([contract], (await admin.GetPageAsync($"/Contracts?Filter.Directorate={id}")).RegisterRows.Select(r => r.Id));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/Admin/Directorates/Edit/{id}?handler=Reinstate", new FormFields())).Status);
        Assert.Contains(name, Options(await admin.GetPageAsync("/Contracts/Create?form=Block"), "Input.DirectorateId"));
    }

    [Fact]
    public async Task A_contract_cannot_be_given_a_retired_directorate_by_posting_its_id()
    {
        var admin = await factory.SignedInClientAsync(Administrator);
        var name = Unique("Old Directorate");
        var id = await AddAsync(admin, name);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/Admin/Directorates/Edit/{id}?handler=Retire", new FormFields())).Status);
        var before = await factory.ContractCountAsync();

        var fields = ContractInput.Block("Posted with a retired directorate", await factory.ProviderIdAsync("Riverside Day Opportunities"), "1.00",
            new DateOnly(2026, 4, 1), new DateOnly(2027, 3, 31));
        fields.Set("Input.DirectorateId", ContractInput.S(id));
        var page = await admin.PostFormAsync("/Contracts/Create?form=Block", fields);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Choose the directorate from the list", page.FieldError("Input-DirectorateId"));
        Assert.Equal(before, await factory.ContractCountAsync());
    }

    [Fact]
    public async Task A_rename_saved_over_someone_elses_is_refused_showing_both_names()
    {
        var first = await factory.SignedInClientAsync(Administrator);
        var second = await factory.SignedInClientAsync(Administrator);
        var id = await AddAsync(first, Unique("Resources"));
        var firstForm = (await first.GetPageAsync($"/Admin/Directorates/Edit/{id}")).Form();
        var secondForm = (await second.GetPageAsync($"/Admin/Directorates/Edit/{id}")).Form();
        var theirs = Unique("Resources (first)");
        Assert.Equal(HttpStatusCode.Redirect, (await first.PostFormAsync($"/Admin/Directorates/Edit/{id}", firstForm.Set("Input.Name", theirs))).Status);

        var mine = Unique("Resources (second)");
        var clash = await second.PostFormAsync($"/Admin/Directorates/Edit/{id}", secondForm.Set("Input.Name", mine));

        Assert.Equal(HttpStatusCode.OK, clash.Status);
        Assert.Contains("This directorate was changed by someone else", clash.Text);
        Assert.Contains($"{NameOf(Administrator)} saved a change", clash.Text);
        Assert.Contains(CreateTests.TableRows(clash, "Where the two versions differ"), r => r.SequenceEqual(new[] { "Name", mine, theirs }));
        await using var scope = factory.OpenDb();
        Assert.Equal(theirs, await scope.Db.Directorates.Where(d => d.Id == id).Select(d => d.Name).SingleAsync());
    }

    [Fact]
    public async Task The_register_filter_chooses_from_the_list_and_shows_only_that_directorates_contracts()
    {
        var client = await factory.SignedInClientAsync(Viewer);
        await using var scope = factory.OpenDb();
        var strategic = await scope.Db.DirectorateIdAsync("Strategic Commissioning");
        var expected = await scope.Db.Contracts.Where(c => c.DirectorateId == strategic && c.WithdrawnAtUtc == null).CountAsync();

        var register = await client.GetPageAsync($"/Contracts?Filter.Directorate={strategic}");

        Assert.Equal("Any directorate", Options(register, "Filter.Directorate")[0]);
        Assert.Contains("Strategic Commissioning", Options(register, "Filter.Directorate"));
        Assert.Equal(ContractInput.S(strategic), register.Value("Filter.Directorate"));
        Assert.True(expected > 1, "The demo has several contracts in Strategic Commissioning");
        Assert.Contains($"{expected} contracts", register.Text);
        var ids = register.RegisterRows.Select(r => r.Id).ToList();
        Assert.True(await scope.Db.Contracts.Where(c => ids.Contains(c.Id)).AllAsync(c => c.DirectorateId == strategic));
    }

    [Theory]
    [InlineData(Commissioner)]
    [InlineData(Viewer)]
    public async Task Only_administrators_may_add_rename_or_retire(string user)
    {
        var client = await factory.SignedInClientAsync(user);
        await using var scope = factory.OpenDb();
        var id = await scope.Db.DirectorateIdAsync("Adult Social Care");
        var name = Unique("Not allowed");

        var add = await client.PostFormAsync("/Admin/Directorates/Create", new FormFields { { "Input.Name", name } }, tokenFrom: "/Contracts");
        var retire = await client.PostFormAsync($"/Admin/Directorates/Edit/{id}?handler=Retire", new FormFields(), tokenFrom: "/Contracts");

        Assert.StartsWith("/Account/AccessDenied", add.Location);
        Assert.StartsWith("/Account/AccessDenied", retire.Location);
        await using var check = factory.OpenDb();
        Assert.False(await check.Db.Directorates.AnyAsync(d => d.Name == name));
        Assert.Null(await check.Db.Directorates.Where(d => d.Id == id).Select(d => d.RetiredAtUtc).SingleAsync());
    }

    [Fact]
    public async Task A_link_naming_the_directorate_as_older_links_did_still_filters_and_an_unknown_one_is_refused()
    {
        var client = await factory.SignedInClientAsync(Viewer);
        await using var scope = factory.OpenDb();
        var strategic = await scope.Db.DirectorateIdAsync("Strategic Commissioning");

        var byName = await client.GetPageAsync("/Contracts?Filter.Directorate=Strategic%20Commissioning");
        var unknown = await client.GetPageAsync("/Contracts?Filter.Directorate=Nowhere");

        Assert.Equal(ContractInput.S(strategic), byName.Value("Filter.Directorate"));
        Assert.Equal((await client.GetPageAsync($"/Contracts?Filter.Directorate={strategic}")).RegisterRows.Select(r => r.Id), byName.RegisterRows.Select(r => r.Id));
        Assert.Equal(HttpStatusCode.OK, unknown.Status);
        Assert.Equal("Choose a directorate from the list", unknown.FieldError("Filter-Directorate"));
    }
}
