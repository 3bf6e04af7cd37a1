using System.Net;
using Microsoft.EntityFrameworkCore;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Support;

/// <summary>
/// The shared applications rely on <see cref="CommissioningFactory.ResetDatabase"/>: if it kept a test's
/// changes, tests would pass or fail by the order they ran in. Its own application, so what it sees is its own.
/// </summary>
public sealed class ResetDatabaseTests : IAsyncLifetime
{
    private readonly CommissioningFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_change_made_through_the_pages_is_gone_after_the_reset_and_the_seeded_data_is_back()
    {
        _app.ResetDatabase();
        var seededContracts = await _app.ContractCountAsync();
        var seededProviders = await ProviderCountAsync();
        var client = await _app.SignedInClientAsync(Commissioner);
        var name = $"Reset Test Care {Guid.NewGuid():N}"[..28];
        var added = await client.PostFormAsync("/Providers/Create", new FormFields { { "Input.Name", name }, { "Input.OrganisationType", "Vcse" } });
        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        await using (var scope = _app.OpenDb())
            Assert.Equal(seededContracts, await scope.Db.Database.ExecuteSqlRawAsync("UPDATE Contracts SET Title = 'Changed by a test'"));
        Assert.Equal(seededProviders + 1, await ProviderCountAsync());

        _app.ResetDatabase();

        Assert.Equal(seededProviders, await ProviderCountAsync());
        Assert.Equal(seededContracts, await _app.ContractCountAsync());
        await using (var scope = _app.OpenDb())
        {
            Assert.False(await scope.Db.Providers.AnyAsync(p => p.Name == name));
            Assert.False(await scope.Db.Contracts.AnyAsync(c => c.Title == "Changed by a test"));
        }
    }

    [Fact]
    public async Task After_a_reset_people_sign_in_and_save_as_before()
    {
        _app.ResetDatabase();
        var before = await _app.SignedInClientAsync(Commissioner);
        Assert.Equal(HttpStatusCode.OK, (await before.GetPageAsync("/Providers/Create")).Status);

        _app.ResetDatabase();

        // The data-protection keys are in the copy, so a new session's cookie and antiforgery token still work.
        var client = await _app.SignedInClientAsync(Commissioner);
        var name = $"After Reset Care {Guid.NewGuid():N}"[..29];
        var added = await client.PostFormAsync("/Providers/Create", new FormFields { { "Input.Name", name }, { "Input.OrganisationType", "Vcse" } });
        Assert.Equal(HttpStatusCode.Redirect, added.Status);
        await using var scope = _app.OpenDb();
        Assert.True(await scope.Db.Providers.AnyAsync(p => p.Name == name));
    }

    private async Task<int> ProviderCountAsync()
    {
        await using var scope = _app.OpenDb();
        return await scope.Db.Providers.CountAsync();
    }
}
