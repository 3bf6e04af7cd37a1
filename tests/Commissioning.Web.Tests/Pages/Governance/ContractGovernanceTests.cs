using System.Net;
using Commissioning.Domain.Governance;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Commissioning.Web.Tests.Pages.Governance.GovernanceSeed;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Governance;

/// <summary>The contract page's governance section: its decisions, their approval and route, and a link to each cover sheet.</summary>
[Collection(GovernanceCollection.Name)]
public sealed class ContractGovernanceTests(GovernanceApp app)
{
    private readonly GovernanceApp app = app.Fresh();

    private CommissioningFactory Factory => app.Factory;
    private static readonly DateOnly Today = GovernanceApp.Start;

    [Fact]
    public async Task The_contract_page_shows_its_decisions_and_links_to_their_cover_sheets()
    {
        var client = await Factory.SignedInClientAsync(Secretary);
        var contract = await Factory.ContractIdAsync("SC-2021-0003");
        var board = await BodyAsync(Factory, client, Unique("Strategic Commissioning Board"), DecisionBodyKind.StrategicCommissioningBoard);
        var meeting = await MeetingAsync(client, board, Today.AddDays(6), "Strategic Commissioning Board (Part B)");
        var decision = await DecisionAsync(client, contract, Unique("Continuation of the reablement contract"), DecisionKind.Continuation, reference: "17/00030b");
        Redirected(await AddStepAsync(client, decision, GovernanceAction.Approve, meetingId: meeting), $"/Governance/Decisions/{decision}#route");
        Redirected(await AddItemAsync(client, meeting, GovernanceAction.Approve, decisionId: decision, number: "4"), $"/Governance/Meetings/{meeting}#agenda");
        int sheetId;
        await using (var scope = Factory.OpenDb())
        {
            var m = await scope.Db.Meetings.SingleAsync(x => x.Id == meeting);
            var d = await scope.Db.ContractDecisions.SingleAsync(x => x.Id == decision);
            var sheet = CoverSheet.Create(m, m.Agenda[0], d);
            scope.Db.CoverSheets.Add(sheet);
            await scope.Db.SaveChangesAsync();
            sheetId = sheet.Id;
        }

        var viewer = await Factory.SignedInClientAsync(Viewer);
        var page = await viewer.GetPageAsync($"/Contracts/Details/{contract}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var card = page.Find($"#decision-{decision}")!;
        Assert.Contains($"Waiting for: {(await LoadMeetingAsync(Factory, meeting)).BodyName} on 9 June 2030 (asked to approve, outcome pending)", Browser.Normalise(card.TextContent));
        Assert.Contains("Decision 17/00030b", card.TextContent);
        var link = card.QuerySelectorAll("a").Single(a => a.TextContent.Contains("cover sheet", StringComparison.Ordinal));
        Assert.Equal($"View cover sheet for Strategic Commissioning Board (Part B) on 9 June 2030", Browser.Normalise(link.TextContent));
        Assert.Equal($"/CoverSheets/{sheetId}", link.GetAttribute("href"));
        Assert.Equal($"/Governance/Decisions/{decision}", card.QuerySelector("h3 a")!.GetAttribute("href"));
        Assert.DoesNotContain(page.FindAll("#contract-governance a"), a => a.TextContent.Contains("Record a decision", StringComparison.Ordinal));
    }
}
