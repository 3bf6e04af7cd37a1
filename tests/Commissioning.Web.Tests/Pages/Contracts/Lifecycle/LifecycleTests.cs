using System.Net;
using Commissioning.Domain.Contracts;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Contracts.Lifecycle;

/// <summary>A block contract through its whole life in the register: added, edited, renewed once and only once.</summary>
[Collection(SharedApp.Lifecycle)]
public sealed class LifecycleTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    [Fact]
    public async Task Block_contract_is_created_edited_and_renewed_once_with_links_both_ways()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var provider = await factory.ProviderIdAsync("Greenfields Residential Homes Ltd");
        var start = new DateOnly(2031, 4, 1);
        var end = new DateOnly(2036, 3, 31);

        // Create, with one extension option of 12 months already exercised: the current end is 31 March 2037.
        var fields = ContractInput.Block("Residential placements – Greenfields", provider, "1,234,567.89", start, end, awarded: new DateOnly(2031, 3, 1));
        fields.Add("Input.ExtensionOptions[0].Months", "12");
        fields.Add("Input.ExtensionOptions[0].IsExercised", "true");
        var create = await client.PostFormAsync("/Contracts/Create?form=Block", fields);
        Assert.Equal(HttpStatusCode.Redirect, create.Status);
        var id = ContractInput.DetailsId(create.Location);
        string reference;
        await using (var scope = factory.OpenDb())
        {
            var saved = await scope.Db.Contracts.AsNoTracking().SingleAsync(c => c.Id == id);
            reference = saved.Reference;
            Assert.Matches(@"^SC-2031-\d{4}$", reference);
            Assert.Equal(123456789L, saved.AnnualValuePence);
            Assert.Equal(new DateOnly(2037, 3, 31), saved.CurrentEndDate);
        }

        // Edit: the form comes back filled in from the saved contract; change the title only.
        var edit = await client.GetPageAsync($"/Contracts/Edit/{id}");
        Assert.Equal(HttpStatusCode.OK, edit.Status);
        var editFields = edit.Form();
        Assert.Equal(reference, editFields["Input.Reference"]);
        Assert.Equal("1,234,567.89", editFields["Input.AnnualValue"]);
        Assert.False(string.IsNullOrEmpty(editFields["Input.Version"]));
        editFields.Set("Input.Title", "Residential placements – Greenfields (revised)");
        var saveEdit = await client.PostFormAsync($"/Contracts/Edit/{id}", editFields);
        Assert.Equal(HttpStatusCode.Redirect, saveEdit.Status);
        Assert.Equal($"/Contracts/Details/{id}", saveEdit.Location);
        await using (var scope = factory.OpenDb())
        {
            var saved = await scope.Db.Contracts.AsNoTracking().SingleAsync(c => c.Id == id);
            Assert.Equal("Residential placements – Greenfields (revised)", saved.Title);
            Assert.Equal(reference, saved.Reference);
            Assert.Equal(123456789L, saved.AnnualValuePence);
            Assert.Equal(new DateOnly(2037, 3, 31), saved.CurrentEndDate);
        }

        // Renew: prefilled to start the day after the current end, with the option not yet exercised.
        var renew = await client.GetPageAsync($"/Contracts/Renew/{id}");
        Assert.Equal(HttpStatusCode.OK, renew.Status);
        var renewFields = renew.Form();
        Assert.Equal(("1", "4", "2037"), (renewFields["Input.StartDate.Day"], renewFields["Input.StartDate.Month"], renewFields["Input.StartDate.Year"]));
        Assert.Equal("", renewFields["Input.Reference"]);
        Assert.Empty(renewFields.All("Input.ExtensionOptions[0].IsExercised"));
        Assert.Equal("Residential placements – Greenfields (revised)", renewFields["Input.Title"]);
        var countBeforeRenewal = await factory.ContractCountAsync();
        var saveRenewal = await client.PostFormAsync($"/Contracts/Renew/{id}", renewFields);
        Assert.Equal(HttpStatusCode.Redirect, saveRenewal.Status);
        var successorId = ContractInput.DetailsId(saveRenewal.Location);
        Assert.Equal(countBeforeRenewal + 1, await factory.ContractCountAsync());
        string successorReference;
        await using (var scope = factory.OpenDb())
        {
            var successor = Assert.IsType<BlockContract>(await scope.Db.Contracts.AsNoTracking().SingleAsync(c => c.Id == successorId));
            successorReference = successor.Reference;
            Assert.Equal(id, successor.PredecessorId);
            Assert.Equal(new DateOnly(2037, 4, 1), successor.StartDate);
            Assert.True(successor.InitialEndDate > successor.StartDate);
            Assert.Matches(@"^SC-2037-\d{4}$", successorReference);
            Assert.Equal(123456789L, successor.AnnualValuePence);
            Assert.Equal(provider, successor.ProviderId);
        }

        var successorPage = await client.GetPageAsync($"/Contracts/Details/{successorId}");
        Assert.Contains($"Renews {reference}", successorPage.Text);
        var predecessorPage = await client.GetPageAsync($"/Contracts/Details/{id}");
        Assert.Contains($"Renewed by {successorReference}", predecessorPage.Text);
        Assert.Null(predecessorPage.Find($"a[href='/Contracts/Renew/{id}']"));

        // A second renewal of the same contract is refused, with a message, and nothing is saved.
        var again = await client.GetPageAsync($"/Contracts/Renew/{id}");
        Assert.Contains($"has already been renewed by {successorReference}", again.Text);
        var secondRenewal = await client.PostFormAsync($"/Contracts/Renew/{id}", renewFields);
        Assert.Equal(HttpStatusCode.OK, secondRenewal.Status);
        Assert.Contains(secondRenewal.ErrorSummary, m => m.Contains($"{reference} has already been renewed by {successorReference}", StringComparison.Ordinal));
        Assert.Equal(countBeforeRenewal + 1, await factory.ContractCountAsync());
        await using (var scope = factory.OpenDb())
            Assert.Equal(1, await scope.Db.Contracts.CountAsync(c => c.PredecessorId == id));
    }
}
