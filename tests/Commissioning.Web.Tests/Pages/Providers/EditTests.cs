using System.Net;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Providers;

[Collection(SharedApp.People)]
public sealed class EditTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    [Fact]
    public async Task Provider_edit_saves_and_returns_to_the_provider_list()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var id = await factory.ProviderIdAsync("Riverside Day Opportunities");
        var form = (await client.GetPageAsync($"/Providers/Edit/{id}")).Form();

        var save = await client.PostFormAsync($"/Providers/Edit/{id}",
            form.Set("Input.RegistrationNumber", "1123456").Set("Input.ContactEmail", "contracts@riverside.example"));

        Assert.Equal(HttpStatusCode.Redirect, save.Status);
        Assert.Equal("/Providers", save.Location);
        await using var scope = factory.OpenDb();
        var saved = await scope.Db.Providers.AsNoTracking().SingleAsync(p => p.Id == id);
        Assert.Equal(("Riverside Day Opportunities", "1123456", "contracts@riverside.example", NameOf(Commissioner)),
            (saved.Name, saved.RegistrationNumber, saved.ContactEmail, saved.UpdatedBy));
    }

    [Fact]
    public async Task Stale_provider_save_is_refused_showing_both_versions_then_saving_again_overwrites_deliberately()
    {
        var id = await factory.ProviderIdAsync("Mendip Residential Care Ltd");
        var first = await factory.SignedInClientAsync(Commissioner);
        var second = await factory.SignedInClientAsync(Administrator);
        var firstForm = (await first.GetPageAsync($"/Providers/Edit/{id}")).Form();
        var secondForm = (await second.GetPageAsync($"/Providers/Edit/{id}")).Form();
        Assert.Equal(firstForm["Input.Version"], secondForm["Input.Version"]);

        Assert.Equal(HttpStatusCode.Redirect,
            (await first.PostFormAsync($"/Providers/Edit/{id}", firstForm.Set("Input.Name", "Mendip Residential Care (first)"))).Status);
        var versionAfterFirst = await VersionAsync(id);
        var clash = await second.PostFormAsync($"/Providers/Edit/{id}", secondForm.Set("Input.Name", "Mendip Residential Care (second)"));

        Assert.Equal(HttpStatusCode.OK, clash.Status);
        Assert.Contains("This provider was changed by someone else", clash.Text);
        var differences = Contracts.CreateTests.TableRows(clash, "Where the two versions differ");
        Assert.Contains(differences, r => r.SequenceEqual(new[] { "Name", "Mendip Residential Care (second)", "Mendip Residential Care (first)" }));
        Assert.Equal("Mendip Residential Care (first)", await NameAsync(id));
        Assert.Equal(versionAfterFirst, await VersionAsync(id));
        var retry = clash.Form();
        Assert.Equal("Mendip Residential Care (second)", retry["Input.Name"]);
        Assert.Equal(versionAfterFirst.ToString(), retry["Input.Version"]);

        var overwrite = await second.PostFormAsync($"/Providers/Edit/{id}", retry);

        Assert.Equal(HttpStatusCode.Redirect, overwrite.Status);
        Assert.Equal("Mendip Residential Care (second)", await NameAsync(id));
    }

    [Fact]
    public async Task Provider_edit_with_a_badly_formed_email_is_refused_at_the_field()
    {
        var client = await factory.SignedInClientAsync(Administrator);
        var id = await factory.ProviderIdAsync("Soar Valley Care Ltd");
        var version = await VersionAsync(id);

        var page = await client.PostFormAsync($"/Providers/Edit/{id}",
            (await client.GetPageAsync($"/Providers/Edit/{id}")).Form().Set("Input.ContactEmail", "not an email"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("correct format", page.FieldError("Input-ContactEmail"));
        Assert.Equal(version, await VersionAsync(id));
    }

    [Fact]
    public async Task Unknown_provider_is_not_found()
    {
        var client = await factory.SignedInClientAsync(Viewer);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetPageAsync("/Providers/Edit/999999")).Status);
    }

    private async Task<string> NameAsync(int id)
    {
        await using var scope = factory.OpenDb();
        return await scope.Db.Providers.Where(p => p.Id == id).Select(p => p.Name).SingleAsync();
    }

    private async Task<Guid> VersionAsync(int id)
    {
        await using var scope = factory.OpenDb();
        return await scope.Db.Providers.Where(p => p.Id == id).Select(p => p.Version).SingleAsync();
    }
}
