using System.Net;
using Commissioning.Domain.Governance;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Contracts;

/// <summary>Recording the award (what makes a contract active) waits for the decision that lets it to be approved.</summary>
[Collection(SharedApp.Lifecycle)]
public sealed class AwardNeedsApprovalTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    [Fact]
    public async Task Award_is_refused_naming_the_missing_step_until_the_route_approves_it()
    {
        // SC-2019-0106 is a demo contract never awarded.
        var id = await factory.ContractIdAsync("SC-2019-0106");
        int decisionId;
        await using (var scope = factory.OpenDb())
        {
            var cabinet = await scope.Db.DecisionBodies.SingleAsync(b => b.Name == "Cabinet");
            var decision = new ContractDecision(id, new DecisionDetails(DecisionKind.Award, "Award of the day opportunities contract"));
            scope.Db.ContractDecisions.Add(decision);
            await scope.Db.SaveChangesAsync();
            decision.AddStep(cabinet, new DateOnly(2019, 6, 12), GovernanceAction.Decide);
            await scope.Db.SaveChangesAsync();
            decisionId = decision.Id;
        }
        var client = await factory.SignedInClientAsync(Commissioner);

        var refused = await client.PostFormAsync($"/Contracts/Edit/{id}", (await client.GetPageAsync($"/Contracts/Edit/{id}")).Form()
            .Set("Input.AwardedOn.Day", "14").Set("Input.AwardedOn.Month", "6").Set("Input.AwardedOn.Year", "2019"));

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        var message = refused.FieldError("Input-AwardedOn");
        Assert.NotNull(message);
        Assert.Contains("Cabinet on 12 June 2019 (asked to decide, outcome pending)", message);
        Assert.Contains(refused.ErrorSummary, m => m.Contains("cannot be made active", StringComparison.Ordinal));
        await using (var scope = factory.OpenDb())
            Assert.Null((await scope.Db.Contracts.SingleAsync(c => c.Id == id)).AwardedOn);

        await using (var scope = factory.OpenDb())
        {
            var decision = await scope.Db.ContractDecisions.SingleAsync(d => d.Id == decisionId);
            decision.RecordOutcome(1, StepOutcome.Approved, null, new DateOnly(2019, 6, 12));
            await scope.Db.SaveChangesAsync();
        }
        var accepted = await client.PostFormAsync($"/Contracts/Edit/{id}", (await client.GetPageAsync($"/Contracts/Edit/{id}")).Form()
            .Set("Input.AwardedOn.Day", "14").Set("Input.AwardedOn.Month", "6").Set("Input.AwardedOn.Year", "2019"));

        Assert.Equal(HttpStatusCode.Redirect, accepted.Status);
        await using (var scope = factory.OpenDb())
            Assert.Equal(new DateOnly(2019, 6, 14), (await scope.Db.Contracts.SingleAsync(c => c.Id == id)).AwardedOn);
    }

    [Fact]
    public async Task A_contract_with_no_decision_recorded_can_still_be_awarded()
    {
        var id = await factory.ContractIdAsync("SC-2020-0113");
        var client = await factory.SignedInClientAsync(Administrator);

        var saved = await client.PostFormAsync($"/Contracts/Edit/{id}", (await client.GetPageAsync($"/Contracts/Edit/{id}")).Form()
            .Set("Input.AwardedOn.Day", "2").Set("Input.AwardedOn.Month", "3").Set("Input.AwardedOn.Year", "2020"));

        Assert.Equal(HttpStatusCode.Redirect, saved.Status);
    }
}
