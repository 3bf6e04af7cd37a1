using System.Data.Common;
using System.Net;
using Commissioning.Domain.Contracts;
using Commissioning.Infrastructure.Data;
using Commissioning.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Contracts;

/// <summary>
/// A save that passed the edit page's version check but lost the race to the database: someone else's
/// save commits between the check and the page's own UPDATE. The page must still refuse and show both.
/// </summary>
[Collection(SharedApp.Contracts)]
public sealed class EditRaceTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    private const string Reference = "SC-2021-0002";

    [Fact]
    public async Task Save_that_raced_past_the_version_check_is_refused_by_the_update_and_shows_both_versions()
    {
        var id = await factory.ContractIdAsync(Reference);
        var rival = new RivalSave(async () =>
        {
            // Through the fixture's own host, which has no rival of its own.
            await using var scope = factory.OpenDb();
            var contract = await scope.Db.Contracts.SingleAsync(c => c.Id == id);
            var commissioner = contract.ResponsibleCommissionerId is { } user ? ResponsibleCommissioner.User(user) : ResponsibleCommissioner.Historic(contract.HistoricCommissionerName!);
            contract.Describe(new ContractDescription(contract.Reference, "Rival's title", contract.Description, contract.ServiceCategory,
                contract.DirectorateId, commissioner, contract.ProcurementRoute, contract.IsKeyDecision, contract.Confidentiality));
            await scope.Db.SaveChangesAsync();
        });
        await using var raced = factory.WithWebHostBuilder(b =>
            b.ConfigureTestServices(s => s.ConfigureDbContext<CommissioningDbContext>(o => o.AddInterceptors(rival))));
        var client = raced.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await client.SignInAsync(Commissioner, DemoPassword);
        var form = (await client.GetPageAsync($"/Contracts/Edit/{id}")).Form();
        var startedFrom = await VersionAsync(id);
        Assert.Equal(startedFrom.ToString(), form["Input.Version"]);
        rival.Arm();

        var clash = await client.PostFormAsync($"/Contracts/Edit/{id}", form.Set("Input.Title", "My title"));

        // The rival saved after the page had checked the version, as the page began its own save.
        Assert.True(rival.Fired);
        var rivalVersion = await VersionAsync(id);
        Assert.NotEqual(startedFrom, rivalVersion);
        Assert.Equal(HttpStatusCode.OK, clash.Status);
        Assert.Contains("This contract was changed by someone else", clash.Text);
        Assert.Contains(clash.ErrorSummary, m => m.Contains("Nothing has been saved", StringComparison.Ordinal));
        var differences = CreateTests.TableRows(clash, "Where the two versions differ");
        Assert.Contains(differences, r => r.SequenceEqual(new[] { "Title", "My title", "Rival's title" }));
        Assert.Equal("Rival's title", await TitleAsync(id));
        // The form keeps what was typed and now carries the rival's version: saving again is a deliberate overwrite.
        var retry = clash.Form();
        Assert.Equal("My title", retry["Input.Title"]);
        Assert.Equal(rivalVersion.ToString(), retry["Input.Version"]);
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

    /// <summary>Once armed, saves someone else's change just before the page's save starts its transaction.</summary>
    private sealed class RivalSave(Func<Task> save) : DbTransactionInterceptor
    {
        private int _armed;

        public bool Fired { get; private set; }

        public void Arm() => Interlocked.Exchange(ref _armed, 1);

        public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
            TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Exchange(ref _armed, 0) == 1)
            {
                await save();
                Fired = true;
            }
            return result;
        }
    }
}
