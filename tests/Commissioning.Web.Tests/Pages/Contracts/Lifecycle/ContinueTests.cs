using System.Net;
using Commissioning.Domain.Lifecycle;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Contracts.Lifecycle;

[Collection(SharedApp.Lifecycle)]
public sealed class ContinueTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    [Fact]
    public async Task Approved_without_a_justification_is_refused_at_each_part_and_nothing_is_saved()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var id = await LifecycleArrange.BlockAsync(factory, factory.Today.AddYears(-2), factory.Today.AddMonths(2));
        var before = await LifecycleArrange.LoadAsync(factory, id);
        var fields = (await client.GetPageAsync($"/Contracts/{id}/Continue")).Form()
            .Date("Input.NewEndDate", before.CurrentEndDate.AddMonths(6)).Set("Input.Reason", "Keep care running").Set("Input.Decision", "17/00030b");

        var page = await client.PostFormAsync($"/Contracts/{id}/Continue", fields);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("cannot be saved as approved without one", page.FieldError("Input-JustificationText"));
        Assert.NotNull(page.FieldError("Input-LegalRisk"));
        Assert.NotNull(page.FieldError("Input-ApprovedBy"));
        Assert.Equal(0, await LifecycleArrange.EventCountAsync(factory, id));
        Assert.Equal(before.CurrentEndDate, (await LifecycleArrange.LoadAsync(factory, id)).CurrentEndDate);
    }

    [Fact]
    public async Task A_draft_keeps_the_end_date_and_approving_it_with_a_justification_moves_it()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var id = await LifecycleArrange.BlockAsync(factory, factory.Today.AddYears(-2), factory.Today.AddMonths(2));
        var before = await LifecycleArrange.LoadAsync(factory, id);
        var newEnd = before.CurrentEndDate.AddMonths(6);
        var fields = (await client.GetPageAsync($"/Contracts/{id}/Continue")).Form()
            .Date("Input.NewEndDate", newEnd).Set("Input.Reason", "Keep care running").Set("Input.Status", "Draft");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Contracts/{id}/Continue", fields)).Status);
        Assert.Equal(before.CurrentEndDate, (await LifecycleArrange.LoadAsync(factory, id)).CurrentEndDate);
        int draftId;
        await using (var scope = factory.OpenDb())
            draftId = (await scope.Db.ContractEvents.OfType<NegotiatedContinuation>().SingleAsync(e => e.ContractId == id)).Id;

        var approve = (await client.GetPageAsync($"/Contracts/{id}/Continue?draft={draftId}")).Form()
            .Set("Input.JustificationText", "No other provider can take on the packages in time")
            .Set("Input.LegalRisk", "Likely to be operating outside the procurement regulations")
            .Set("Input.ApprovedBy", "Director of Adult Social Care").Date("Input.ApprovedOn", factory.Today)
            .Set("Input.Decision", "17/00030b");
        var done = await client.PostFormAsync($"/Contracts/{id}/Continue", approve);

        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        Assert.Equal(newEnd, (await LifecycleArrange.LoadAsync(factory, id)).CurrentEndDate);
        await using var check = factory.OpenDb();
        var n = await check.Db.ContractEvents.OfType<NegotiatedContinuation>().SingleAsync(e => e.ContractId == id);
        Assert.Equal(ContinuationStatus.Approved, n.Status);
        Assert.Equal("17/00030b", n.AuthorisingDecision);
    }

    [Fact]
    public async Task A_draft_already_approved_or_of_another_contract_is_refused_and_nothing_more_is_saved()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var id = await LifecycleArrange.BlockAsync(factory, factory.Today.AddYears(-2), factory.Today.AddMonths(2));
        var other = await LifecycleArrange.BlockAsync(factory, factory.Today.AddYears(-2), factory.Today.AddMonths(2));
        var newEnd = (await LifecycleArrange.LoadAsync(factory, id)).CurrentEndDate.AddMonths(6);
        var draft = (await client.GetPageAsync($"/Contracts/{id}/Continue")).Form()
            .Date("Input.NewEndDate", newEnd).Set("Input.Reason", "Keep care running").Set("Input.Status", "Draft");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Contracts/{id}/Continue", draft)).Status);
        int draftId;
        await using (var scope = factory.OpenDb())
            draftId = (await scope.Db.ContractEvents.OfType<NegotiatedContinuation>().SingleAsync(e => e.ContractId == id)).Id;
        var approve = (await client.GetPageAsync($"/Contracts/{id}/Continue?draft={draftId}")).Form()
            .Set("Input.JustificationText", "No other provider can take on the packages in time")
            .Set("Input.LegalRisk", "Likely to be operating outside the procurement regulations")
            .Set("Input.ApprovedBy", "Director of Adult Social Care").Date("Input.ApprovedOn", factory.Today)
            .Set("Input.Decision", "17/00030b");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync($"/Contracts/{id}/Continue", approve)).Status);
        const string Gone = "This draft continuation has already been approved or is not one of this contract's drafts.";

        // The same approval posted again (a second click), with the contract's new version so only the draft is stale.
        var again = await client.PostFormAsync($"/Contracts/{id}/Continue",
            approve.Set("Input.Version", (await LifecycleArrange.LoadAsync(factory, id)).Version.ToString()));
        // The draft's id posted against another contract.
        var elsewhere = await client.PostFormAsync($"/Contracts/{other}/Continue", approve.Set("Input.Version", (await LifecycleArrange.LoadAsync(factory, other)).Version.ToString()));

        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal([Gone], again.ErrorSummary);
        Assert.Equal([Gone], elsewhere.ErrorSummary);
        Assert.Equal(1, await LifecycleArrange.EventCountAsync(factory, id));
        Assert.Equal(0, await LifecycleArrange.EventCountAsync(factory, other));
        Assert.Equal(newEnd, (await LifecycleArrange.LoadAsync(factory, id)).CurrentEndDate);
    }

    [Fact]
    public async Task A_continuation_that_does_not_move_the_end_later_is_refused_at_the_new_end_date()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        var id = await LifecycleArrange.BlockAsync(factory, factory.Today.AddYears(-2), factory.Today.AddMonths(2));
        var before = await LifecycleArrange.LoadAsync(factory, id);
        var fields = (await client.GetPageAsync($"/Contracts/{id}/Continue")).Form()
            .Date("Input.NewEndDate", before.CurrentEndDate).Set("Input.Reason", "r").Set("Input.Status", "Draft");

        var page = await client.PostFormAsync($"/Contracts/{id}/Continue", fields);

        Assert.Contains("must run past the current end date", page.FieldError("Input-NewEndDate"));
        Assert.Equal(0, await LifecycleArrange.EventCountAsync(factory, id));
    }
}
