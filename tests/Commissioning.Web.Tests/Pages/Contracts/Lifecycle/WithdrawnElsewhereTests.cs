using System.Globalization;
using System.Net;
using Commissioning.Infrastructure.Finance;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Contracts.Lifecycle;

/// <summary>A contract withdrawn as entered in error is not renewed, and owes no annual value review.</summary>
[Collection(SharedApp.Lifecycle)]
public sealed class WithdrawnElsewhereTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    [Fact]
    public async Task A_withdrawn_contract_cannot_be_renewed_and_drops_out_of_reviews_due()
    {
        // A generated demo contract (numbered from 100), not terminated, with a review due: the demo's dates follow the day it is created.
        int id;
        await using (var scope = factory.OpenDb())
        {
            var terminated = await scope.Db.Contracts.Where(c => c.TerminatedOn != null).Select(c => c.Id).ToListAsync();
            id = (await ReviewsDue.ListAsync(scope.Db, factory.Today, default))
                .First(r => int.Parse(r.Reference[8..], CultureInfo.InvariantCulture) >= 100 && !terminated.Contains(r.ContractId)).ContractId;
        }
        var client = await factory.SignedInClientAsync(Commissioner);
        var renewForm = (await client.GetPageAsync($"/Contracts/Renew/{id}")).Form();
        var withdraw = (await client.GetPageAsync($"/Contracts/{id}/Withdraw")).Form().Set("Input.Reason", "Entered twice");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Contracts/{id}/Withdraw", withdraw)).Status);

        var renew = await client.PostFormAsync($"/Contracts/Renew/{id}", renewForm.Set("Input.Reference", "SC-2099-0001"));

        Assert.Equal(HttpStatusCode.OK, renew.Status);
        Assert.Contains(renew.ErrorSummary, m => m.Contains("withdrawn as entered in error", StringComparison.Ordinal));
        await using var check = factory.OpenDb();
        Assert.False(await check.Db.Contracts.AnyAsync(c => c.PredecessorId == id));
        Assert.DoesNotContain(await ReviewsDue.ListAsync(check.Db, factory.Today, default), r => r.ContractId == id);
    }
}
