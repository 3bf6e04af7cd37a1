using System.Net;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Contracts;

[Collection(SharedApp.Contracts)]
public sealed class EditTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    [Fact]
    public async Task Stale_save_is_refused_showing_both_versions_then_saving_again_overwrites_deliberately()
    {
        var id = await factory.ContractIdAsync("SC-2021-0003");
        var first = await factory.SignedInClientAsync(Commissioner);
        var second = await factory.SignedInClientAsync(Administrator);
        var firstForm = (await first.GetPageAsync($"/Contracts/Edit/{id}")).Form();
        var secondForm = (await second.GetPageAsync($"/Contracts/Edit/{id}")).Form();
        Assert.Equal(firstForm["Input.Version"], secondForm["Input.Version"]);

        firstForm.Set("Input.Title", "Specialist mental health – first editor's title");
        var firstSave = await first.PostFormAsync($"/Contracts/Edit/{id}", firstForm);
        Assert.Equal(HttpStatusCode.Redirect, firstSave.Status);
        var versionAfterFirst = await VersionAsync(id);

        secondForm.Set("Input.Title", "Specialist mental health – second editor's title");
        var clash = await second.PostFormAsync($"/Contracts/Edit/{id}", secondForm);

        Assert.Equal(HttpStatusCode.OK, clash.Status);
        Assert.Contains("This contract was changed by someone else", clash.Text);
        Assert.Contains(clash.ErrorSummary, m => m.Contains("Nothing has been saved", StringComparison.Ordinal));
        var differences = CreateTests.TableRows(clash, "Where the two versions differ");
        Assert.Contains(differences, r => r.SequenceEqual(new[]
            { "Title", "Specialist mental health – second editor's title", "Specialist mental health – first editor's title" }));
        // Who saved in between, by name; no sign-in address on the page.
        Assert.Contains($"{NameOf(Commissioner)} saved a change", clash.Text);
        Assert.DoesNotContain(Commissioner, clash.Text);
        Assert.Equal("Specialist mental health – first editor's title", await TitleAsync(id));
        Assert.Equal(versionAfterFirst, await VersionAsync(id));
        // The form still holds what the second editor typed, now carrying the version just shown.
        var retry = clash.Form();
        Assert.Equal("Specialist mental health – second editor's title", retry["Input.Title"]);
        Assert.Equal(versionAfterFirst.ToString(), retry["Input.Version"]);

        var overwrite = await second.PostFormAsync($"/Contracts/Edit/{id}", retry);

        Assert.Equal(HttpStatusCode.Redirect, overwrite.Status);
        Assert.Equal($"/Contracts/Details/{id}", overwrite.Location);
        Assert.Equal("Specialist mental health – second editor's title", await TitleAsync(id));
        Assert.NotEqual(versionAfterFirst, await VersionAsync(id));
    }

    [Fact]
    public async Task Same_person_saving_from_two_open_tabs_gets_the_conflict_on_the_second()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var id = await factory.ContractIdAsync("SC-2016-0002");
        var tab1 = (await client.GetPageAsync($"/Contracts/Edit/{id}")).Form();
        var tab2 = (await client.GetPageAsync($"/Contracts/Edit/{id}")).Form();

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Contracts/Edit/{id}", tab1.Set("Input.Title", "Lot 2 – tab one"))).Status);
        var clash = await client.PostFormAsync($"/Contracts/Edit/{id}", tab2.Set("Input.Title", "Lot 2 – tab two"));

        Assert.Equal(HttpStatusCode.OK, clash.Status);
        Assert.Contains("This contract was changed by someone else", clash.Text);
        Assert.Equal("Lot 2 – tab one", await TitleAsync(id));
    }

    [Fact]
    public async Task Edit_keeps_every_field_when_only_the_title_changes()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var id = await factory.ContractIdAsync("SC-2016-0001");
        var before = await SnapshotAsync(id);

        var save = await client.PostFormAsync($"/Contracts/Edit/{id}",
            (await client.GetPageAsync($"/Contracts/Edit/{id}")).Form().Set("Input.Title", "Help to Live at Home – Lot 1 (renamed)"));

        Assert.Equal(HttpStatusCode.Redirect, save.Status);
        var after = await SnapshotAsync(id);
        Assert.Equal(before with { Title = "Help to Live at Home – Lot 1 (renamed)" }, after);
    }

    [Fact]
    public async Task Edit_with_a_blank_reference_is_refused_because_a_saved_contract_keeps_one()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var id = await factory.ContractIdAsync("SC-2017-0001");
        var before = await SnapshotAsync(id);

        var page = await client.PostFormAsync($"/Contracts/Edit/{id}",
            (await client.GetPageAsync($"/Contracts/Edit/{id}")).Form().Set("Input.Reference", "").Set("Input.Title", "Should not be saved"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Enter the contract reference", page.FieldError("Input-Reference"));
        Assert.Equal(before, await SnapshotAsync(id));
    }

    [Fact]
    public async Task Changing_the_reference_to_one_already_used_is_refused_with_a_message()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var id = await factory.ContractIdAsync("SC-2014-0001");
        var before = await SnapshotAsync(id);

        var page = await client.PostFormAsync($"/Contracts/Edit/{id}",
            (await client.GetPageAsync($"/Contracts/Edit/{id}")).Form().Set("Input.Reference", "sc-2021-0001"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("SC-2021-0001 is already used by", page.FieldError("Input-Reference"));
        Assert.Equal(before, await SnapshotAsync(id));
    }

    [Theory]
    [InlineData("/Contracts/Details/999999")]
    [InlineData("/Contracts/Edit/999999")]
    [InlineData("/Contracts/Details/abc")]
    public async Task Unknown_contract_is_not_found_rather_than_an_error(string path)
    {
        var client = await factory.SignedInClientAsync(Commissioner);

        var page = await client.GetPageAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Contains("Page not found", page.Text);
    }

    private sealed record Snapshot(string Reference, string Title, string? Description, int Directorate, string? Commissioner, DateOnly Start, DateOnly InitialEnd,
        DateOnly CurrentEnd, DateOnly? Awarded, int Notice, long? Pence, int? ProviderId, string Options, string Rates, string Parts);

    private async Task<Snapshot> SnapshotAsync(int id)
    {
        await using var scope = factory.OpenDb();
        var c = await scope.Db.Contracts.AsNoTracking().SingleAsync(x => x.Id == id);
        var parts = c switch
        {
            Domain.Contracts.LeadProviderContract lp => string.Join(";", lp.SubContracts.Select(s => $"{s.ProviderId}:{s.Service}:{s.AnnualValuePence}")),
            Domain.Contracts.ConsortiumContract k => string.Join(";", k.Members.Select(m => $"{m.ProviderId}:{m.Role}:{m.IsLead}")),
            _ => "",
        };
        return new Snapshot(c.Reference, c.Title, c.Description, c.DirectorateId, c.ResponsibleCommissionerId ?? c.HistoricCommissionerName, c.StartDate, c.InitialEndDate, c.CurrentEndDate, c.AwardedOn,
            c.NoticePeriodMonths, c.AnnualValuePence, c.ProviderId,
            string.Join(";", c.ExtensionOptions.Select(o => $"{o.Sequence}:{o.Months}:{o.IsExercised}")),
            string.Join(";", c.RateCard.Select(l => $"{l.Service}:{l.Unit}:{l.UnitRatePence}")), parts);
    }

    private async Task<string> TitleAsync(int id)
    {
        await using var scope = factory.OpenDb();
        return await scope.Db.Contracts.Where(c => c.Id == id).Select(c => c.Title).SingleAsync();
    }

    private async Task<Guid> VersionAsync(int id)
    {
        await using var scope = factory.OpenDb();
        return await scope.Db.Contracts.Where(c => c.Id == id).Select(c => c.Version).SingleAsync();
    }
}
