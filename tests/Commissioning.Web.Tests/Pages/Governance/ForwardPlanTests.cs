using System.Net;
using Commissioning.Domain.Governance;
using Commissioning.Web.Tests.Support;
using static Commissioning.Web.Tests.Pages.Governance.GovernanceSeed;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Governance;

/// <summary>The forward plan on a clock set to Monday 3 June 2030: meetings from today, and key decisions due by 1 July 2030.</summary>
[Collection(GovernanceCollection.Name)]
public sealed class ForwardPlanTests(GovernanceApp app)
{
    private readonly GovernanceApp app = app.Fresh();

    private CommissioningFactory Factory => app.Factory;
    private static readonly DateOnly Today = GovernanceApp.Start;

    [Fact]
    public async Task The_plan_lists_meetings_from_today_with_their_items_and_the_key_decisions_due_in_28_days()
    {
        var client = await Factory.SignedInClientAsync(Secretary);
        var contract = await Factory.ContractIdAsync("SC-2021-0001");
        var board = await BodyAsync(Factory, client, Unique("Strategic Commissioning Board"), DecisionBodyKind.StrategicCommissioningBoard);
        var member = await BodyAsync(Factory, client, Unique("Cabinet Member for Adult Social Care"), DecisionBodyKind.CabinetMember);

        var yesterday = await MeetingAsync(client, board, Today.AddDays(-1), Unique("Yesterday's board"));
        var todays = await MeetingAsync(client, board, Today, Unique("Today's board"));
        var soon = await MeetingAsync(client, board, Today.AddDays(10), Unique("Board in ten days"));

        var onAgenda = await DecisionAsync(client, contract, Unique("Award of the homecare framework"), DecisionKind.Award);
        var routedOnly = await DecisionAsync(client, contract, Unique("Termination of the respite contract"), DecisionKind.Termination);
        var unflagged = await DecisionAsync(client, contract, Unique("Key decision without a plan reference"), key: true);
        var referenced = await DecisionAsync(client, contract, Unique("Key decision on the plan"), key: true, forwardPlan: "E 3270");
        var tooLate = await DecisionAsync(client, contract, Unique("Key decision in 29 days"), key: true, forwardPlan: "E 3300");
        var notKey = await DecisionAsync(client, contract, Unique("Not a key decision"));

        Redirected(await AddItemAsync(client, soon, GovernanceAction.Note, "Minutes of the last meeting", number: "1"), $"/Governance/Meetings/{soon}#agenda");
        Redirected(await AddItemAsync(client, soon, GovernanceAction.Approve, decisionId: onAgenda, number: "2"), $"/Governance/Meetings/{soon}#agenda");
        await AddPastItemAsync(Factory, yesterday, GovernanceAction.Note, "Yesterday's paper");
        Redirected(await AddStepAsync(client, routedOnly, GovernanceAction.Consider, meetingId: soon), $"/Governance/Decisions/{routedOnly}#route");
        Redirected(await AddStepAsync(client, unflagged, GovernanceAction.Decide, bodyId: member, date: Today.AddDays(28)), $"/Governance/Decisions/{unflagged}#route");
        Redirected(await AddStepAsync(client, referenced, GovernanceAction.Approve, meetingId: todays), $"/Governance/Decisions/{referenced}#route");
        Redirected(await AddStepAsync(client, tooLate, GovernanceAction.Decide, bodyId: member, date: Today.AddDays(29)), $"/Governance/Decisions/{tooLate}#route");
        Redirected(await AddStepAsync(client, notKey, GovernanceAction.Decide, bodyId: member, date: Today.AddDays(5)), $"/Governance/Decisions/{notKey}#route");

        var page = await client.GetPageAsync("/Governance");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Forward plan", Browser.Normalise(page.Find("h1")!.TextContent));
        Assert.Null(page.Find($"#meeting-{yesterday}"));
        Assert.NotNull(page.Find($"#meeting-{todays}"));
        var items = page.FindAll($"#meeting-{soon} tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => Browser.Normalise(td.TextContent)).ToList()).ToList();
        var titles = await TitlesAsync(onAgenda, routedOnly);
        Assert.Equal(3, items.Count);
        Assert.Equal(["1", "Minutes of the last meeting", "Note"], items[0]);
        Assert.Equal(["2", $"{titles[0]} (SC-2021-0001)", "Approve"], items[1]);
        Assert.Equal(["", $"{titles[1]} (SC-2021-0001) Not on the agenda yet", "Consider"], items[2]);
        // Meetings in date order: today's before the one in ten days.
        var order = page.FindAll("[id^='meeting-']").Select(e => e.Id).ToList();
        Assert.True(order.IndexOf($"meeting-{todays}") < order.IndexOf($"meeting-{soon}"));

        var keys = page.FindAll("#key-decisions-table tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => Browser.Normalise(td.TextContent)).ToList())
            .Where(r => r[1].Contains("Key decision", StringComparison.Ordinal) || r[1].Contains("Not a key decision", StringComparison.Ordinal)).ToList();
        var keyTitles = await TitlesAsync(referenced, unflagged);
        Assert.Equal(2, keys.Count);
        Assert.Equal("3 Jun 2030", keys[0][0]); // the table is dense: short months
        Assert.StartsWith(keyTitles[0], keys[0][1]);
        Assert.Equal("E 3270", keys[0][3]);
        Assert.Equal("1 Jul 2030", keys[1][0]); // 3 June + 28 days
        Assert.StartsWith(keyTitles[1], keys[1][1]);
        Assert.Equal("No forward plan reference", keys[1][3]);
    }

    [Fact]
    public async Task A_key_decision_whose_step_is_decided_leaves_the_key_decisions()
    {
        var client = await Factory.SignedInClientAsync(Secretary);
        var board = await BodyAsync(Factory, client, Unique("Executive Board"), DecisionBodyKind.ExecutiveBoard);
        var meeting = await MeetingAsync(client, board, Today);
        var decision = await DecisionAsync(client, await Factory.ContractIdAsync("SC-2021-0001"), Unique("Key decision taken today"), key: true, forwardPlan: "E 1");
        Redirected(await AddStepAsync(client, decision, GovernanceAction.Approve, meetingId: meeting), $"/Governance/Decisions/{decision}#route");
        Assert.NotNull((await client.GetPageAsync("/Governance")).FindAll("#key-decisions-table a").SingleOrDefault(a => a.GetAttribute("href") == $"/Governance/Decisions/{decision}"));

        Redirected(await OutcomeAsync(client, decision, 1, StepOutcome.Approved), $"/Governance/Decisions/{decision}#route");

        var page = await client.GetPageAsync("/Governance");
        Assert.DoesNotContain(page.FindAll("#key-decisions-table a"), a => a.GetAttribute("href") == $"/Governance/Decisions/{decision}");
        // Still on today's agenda-to-be: routed to the meeting, not yet on its agenda.
        Assert.Contains("Not on the agenda yet", page.Find($"#meeting-{meeting}")!.TextContent);
    }

    private async Task<List<string>> TitlesAsync(params int[] ids)
    {
        var list = new List<string>();
        foreach (var id in ids) list.Add((await LoadDecisionAsync(Factory, id)).Title);
        return list;
    }
}
