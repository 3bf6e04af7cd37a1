using System.Net;
using Commissioning.Domain.Governance;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Commissioning.Web.Tests.Pages.Governance.GovernanceSeed;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Governance;

/// <summary>
/// Bodies and meetings through their pages, on a clock set to 3 June 2030: the agenda's items
/// added, numbered, moved and removed; a rescheduled meeting taking its route steps and cover
/// sheets with it; and bad input refused at its field with nothing saved.
/// </summary>
[Collection(GovernanceCollection.Name)]
public sealed class MeetingsTests(GovernanceApp app)
{
    private readonly GovernanceApp app = app.Fresh();

    private CommissioningFactory Factory => app.Factory;
    private static readonly DateOnly Today = GovernanceApp.Start;

    private static IReadOnlyList<(string Number, string Title)> Agenda(HtmlPage page) =>
        page.FindAll("#agenda-table tbody tr").Select(r => r.QuerySelectorAll("td").ToList())
            .Select(c => (Browser.Normalise(c[1].TextContent), Browser.Normalise(c[2].TextContent).Split([" Decision about ", " Presented by ", " Open item "], StringSplitOptions.None)[0])).ToList();

    [Fact]
    public async Task Agenda_items_are_added_numbered_moved_and_removed()
    {
        var client = await Factory.SignedInClientAsync(Secretary);
        var board = await BodyAsync(Factory, client, Unique("Strategic Commissioning Board"), DecisionBodyKind.StrategicCommissioningBoard);
        var meeting = await MeetingAsync(client, board, Today.AddDays(14), "SCB (Part A)");
        var decisionTitle = Unique("Renewal of the day services contract");
        var decision = await DecisionAsync(client, await Factory.ContractIdAsync("SC-2021-0001"), decisionTitle);
        var url = $"/Governance/Meetings/{meeting}";

        Redirected(await AddItemAsync(client, meeting, GovernanceAction.Note, "Apologies", number: "1"), url + "#agenda");
        Redirected(await AddItemAsync(client, meeting, GovernanceAction.Approve, decisionId: decision), url + "#agenda");
        Redirected(await AddItemAsync(client, meeting, GovernanceAction.Note, "Any other business"), url + "#agenda");
        var page = await client.GetPageAsync(url);
        Assert.Equal([("1", "Apologies"), ("Not numbered", decisionTitle), ("Not numbered", "Any other business")], Agenda(page));
        Assert.Contains("SCB (Part A), 17 June 2030", page.Find("h1")!.TextContent);

        // The same number twice, and the same decision twice: refused at the field, nothing saved.
        var version = (await LoadMeetingAsync(Factory, meeting)).Version;
        var taken = await AddItemAsync(client, meeting, GovernanceAction.Note, "Minutes", number: "1");
        Assert.Equal(HttpStatusCode.OK, taken.Status);
        Assert.Equal("Item 1 is already on the agenda for SCB (Part A) on 17 June 2030: choose another item number.", taken.FieldError("Item-Number"));
        var twice = await AddItemAsync(client, meeting, GovernanceAction.Approve, decisionId: decision);
        Assert.Equal("This decision is already on the agenda for SCB (Part A) on 17 June 2030.", twice.FieldError("Item-DecisionId"));
        var nothing = await AddItemAsync(client, meeting, GovernanceAction.Note);
        Assert.Equal("Enter the item's title, or choose the contract decision it is about", nothing.FieldError("Item-Title"));
        Assert.Equal(version, (await LoadMeetingAsync(Factory, meeting)).Version);

        Redirected(await PostAsync(client, url, "Number", new FormFields { { "Renumber.Position", "2" }, { "Renumber.Number", "17" } }), url + "#agenda");
        Redirected(await PostAsync(client, url, "Move", new FormFields { { "Position", "2" }, { "Direction", "up" } }), url + "#agenda");
        Assert.Equal([("17", decisionTitle), ("1", "Apologies"), ("Not numbered", "Any other business")], Agenda(await client.GetPageAsync(url)));
        Redirected(await PostAsync(client, url, "Move", new FormFields { { "Position", "2" }, { "Direction", "down" } }), url + "#agenda");
        Redirected(await PostAsync(client, url, "Remove", new FormFields { { "Position", "2" } }), url + "#agenda");

        page = await client.GetPageAsync(url);
        Assert.Equal([("17", decisionTitle), ("1", "Apologies")], Agenda(page));
        var saved = await LoadMeetingAsync(Factory, meeting);
        Assert.Equal([(1, "17", decision), (2, "1", (int?)null)], saved.Agenda.Select(i => (i.Position, i.Number, i.ContractDecisionId)));
        // No cover sheet yet: the secretary is offered one for each item, about a decision or not, with the agenda item's id.
        var create = page.FindAll("#agenda-table a").Where(a => a.TextContent == "Create cover sheet").Select(a => a.GetAttribute("href"));
        Assert.Equal(saved.Agenda.Select(i => $"/CoverSheets/Create?meetingId={meeting}&itemId={i.Id}"), create);
        // The agenda is always there to download; the pack only once a sheet on the agenda is issued (none is here).
        Assert.NotNull(page.FindAll("a").SingleOrDefault(a => a.TextContent == "Download agenda" && a.GetAttribute("href") == $"/Governance/Meetings/{meeting}/Agenda"));
        Assert.DoesNotContain(page.FindAll("a"), a => a.GetAttribute("href") == $"/Governance/Meetings/{meeting}/Pack");
    }

    [Fact]
    public async Task Rescheduling_a_meeting_moves_its_route_steps_and_cover_sheets_in_the_same_save()
    {
        var client = await Factory.SignedInClientAsync(Secretary);
        var team = await BodyAsync(Factory, client, Unique("Management Team"), DecisionBodyKind.ManagementTeam);
        var board = await BodyAsync(Factory, client, Unique("Strategic Commissioning Board"), DecisionBodyKind.StrategicCommissioningBoard);
        var meeting = await MeetingAsync(client, board, Today.AddDays(10));
        var decision = await DecisionAsync(client, await Factory.ContractIdAsync("SC-2021-0001"), Unique("Extension of the advocacy contract"), DecisionKind.Extension);
        Redirected(await AddStepAsync(client, decision, GovernanceAction.Approve, meetingId: meeting), $"/Governance/Decisions/{decision}#route");
        Redirected(await AddStepAsync(client, decision, GovernanceAction.Note, bodyId: team, date: Today.AddDays(20)), $"/Governance/Decisions/{decision}#route");
        Redirected(await AddItemAsync(client, meeting, GovernanceAction.Approve, decisionId: decision, number: "5"), $"/Governance/Meetings/{meeting}#agenda");
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

        // Three weeks later and retitled: after the team's step now.
        var form = (await client.GetPageAsync($"/Governance/Meetings/Edit/{meeting}")).Form();
        foreach (var (k, v) in Date("Input.Date", Today.AddDays(24))) form.Set(k, v);
        form.Set("Input.Title", "SCB extraordinary meeting");
        Redirected(await client.PostFormAsync($"/Governance/Meetings/Edit/{meeting}", form), $"/Governance/Meetings/{meeting}");

        var saved = await LoadDecisionAsync(Factory, decision);
        Assert.Equal([(GovernanceAction.Note, Today.AddDays(20), (int?)null), (GovernanceAction.Approve, Today.AddDays(24), meeting)],
            saved.Steps.Select(s => (s.Action, s.Date, s.MeetingId)));
        await using (var scope = Factory.OpenDb())
        {
            var sheet = await scope.Db.CoverSheets.SingleAsync(s => s.Id == sheetId);
            Assert.Equal((Today.AddDays(24), "SCB extraordinary meeting", "5"), (sheet.Current.MeetingDate, sheet.Current.MeetingTitle, sheet.Current.ItemNumber));
        }
        var page = await client.GetPageAsync($"/Governance/Meetings/{meeting}");
        Assert.Equal($"/CoverSheets/{sheetId}", page.FindAll("#agenda-table a").Single(a => a.TextContent == "View cover sheet").GetAttribute("href"));

        // An item with a cover sheet stays on the agenda.
        var removed = await PostAsync(client, $"/Governance/Meetings/{meeting}", "Remove", new FormFields { { "Position", "1" } });
        Assert.Equal(HttpStatusCode.OK, removed.Status);
        Assert.Contains("has a cover sheet, so it stays on the agenda", removed.ErrorSummary.Single());
        Assert.Single((await LoadMeetingAsync(Factory, meeting)).Agenda);
    }

    [Fact]
    public async Task A_meeting_whose_linked_step_has_an_outcome_is_not_moved_and_nothing_is_saved()
    {
        var client = await Factory.SignedInClientAsync(Secretary);
        var board = await BodyAsync(Factory, client, Unique("Executive Board"), DecisionBodyKind.ExecutiveBoard);
        var meeting = await MeetingAsync(client, board, Today.AddDays(-2));
        var decision = await DecisionAsync(client, await Factory.ContractIdAsync("SC-2021-0001"), Unique("Variation"), DecisionKind.Variation);
        Redirected(await AddStepAsync(client, decision, GovernanceAction.Approve, meetingId: meeting), $"/Governance/Decisions/{decision}#route");
        Redirected(await OutcomeAsync(client, decision, 1, StepOutcome.Approved), $"/Governance/Decisions/{decision}#route");
        var before = await LoadMeetingAsync(Factory, meeting);

        var form = (await client.GetPageAsync($"/Governance/Meetings/Edit/{meeting}")).Form();
        foreach (var (k, v) in Date("Input.Date", Today.AddDays(5))) form.Set(k, v);
        var page = await client.PostFormAsync($"/Governance/Meetings/Edit/{meeting}", form);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("has its outcome recorded (approved), so it is part of the history", page.FieldError("Input-Date"));
        var after = await LoadMeetingAsync(Factory, meeting);
        Assert.Equal((before.Date, before.Version), (after.Date, after.Version));
        Assert.Equal(Today.AddDays(-2), (await LoadDecisionAsync(Factory, decision)).Step(1).Date);
    }

    [Fact]
    public async Task Scheduling_a_meeting_with_bad_input_says_so_at_each_field_and_saves_nothing()
    {
        var client = await Factory.SignedInClientAsync(Secretary);
        var before = await CountAsync();

        var page = await client.PostFormAsync("/Governance/Meetings/Create", new FormFields
        {
            { "Input.BodyId", "" }, { "Input.Date.Day", "30" }, { "Input.Date.Month", "2" }, { "Input.Date.Year", "2031" }, { "Input.Title", new string('t', 201) },
        });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Choose the decision-making body", page.FieldError("Input-BodyId"));
        Assert.Equal("The meeting date must be a real date, like 1 4 2021", page.FieldError("Input-Date"));
        Assert.Equal("The title must be 200 characters or fewer", page.FieldError("Input-Title"));
        Assert.Equal(["Input-BodyId", "Input-Date-Day", "Input-Title"], page.ErrorSummaryTargets);

        var unknown = await client.PostFormAsync("/Governance/Meetings/Create", Date("Input.Date", Today).Also("Input.BodyId", "999999"));
        Assert.Equal("Choose the decision-making body", unknown.FieldError("Input-BodyId"));
        var noDate = await client.PostFormAsync("/Governance/Meetings/Create", new FormFields { { "Input.BodyId", "999999" }, { "Input.Date.Day", "3" } });
        Assert.Equal("The meeting date must include a day, month and year", noDate.FieldError("Input-Date"));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_body_name_is_unique_whatever_its_case_and_a_kind_must_be_chosen()
    {
        var client = await Factory.SignedInClientAsync(Secretary);
        var name = Unique("Health Scrutiny Committee");
        await BodyAsync(Factory, client, name, DecisionBodyKind.HealthScrutiny);
        var before = await BodyCountAsync();

        var page = await client.PostFormAsync("/Governance/Bodies/Create", new FormFields { { "Input.Name", "  " + name.ToUpperInvariant() + " " }, { "Input.Kind", "HealthScrutiny" } });
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal($"There is already a decision-making body called {name.ToUpperInvariant()}: use a different name", page.FieldError("Input-Name"));

        var blank = await client.PostFormAsync("/Governance/Bodies/Create", new FormFields { { "Input.Name", "" }, { "Input.Kind", "1" } });
        Assert.Equal("Enter the name of the decision-making body", blank.FieldError("Input-Name"));
        Assert.Equal("Choose what kind of body it is", blank.FieldError("Input-Kind"));
        Assert.Equal(2, blank.ErrorSummary.Count);
        Assert.Equal(before, await BodyCountAsync());

        // Renaming another body to the taken name is refused too; the kind radios use the papers' words.
        var other = await BodyAsync(Factory, client, Unique("Cabinet Member for Adult Social Care"), DecisionBodyKind.CabinetMember);
        var edit = await client.GetPageAsync($"/Governance/Bodies/Edit/{other}");
        Assert.Contains("Cabinet Member (single member decision)", edit.Text);
        var renamed = await client.PostFormAsync($"/Governance/Bodies/Edit/{other}", edit.Form().Set("Input.Name", name));
        Assert.Equal($"There is already a decision-making body called {name}: use a different name", renamed.FieldError("Input-Name"));
    }

    [Fact]
    public async Task Rescheduling_over_a_newer_save_shows_both_versions_and_saves_nothing()
    {
        var client = await Factory.SignedInClientAsync(Secretary);
        var board = await BodyAsync(Factory, client, Unique("Executive Board"), DecisionBodyKind.ExecutiveBoard);
        var meeting = await MeetingAsync(client, board, Today.AddDays(8), "Executive Board");
        var url = $"/Governance/Meetings/Edit/{meeting}";
        var stale = (await client.GetPageAsync(url)).Form();
        Redirected(await client.PostFormAsync(url, (await client.GetPageAsync(url)).Form().Set("Input.Title", "Executive Board (budget)")), $"/Governance/Meetings/{meeting}");
        var saved = await LoadMeetingAsync(Factory, meeting);

        var page = await client.PostFormAsync(url, stale.Set("Input.Title", "Executive Board (extra)"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        var differences = page.FindAll(".app-conflict tbody tr").Select(r => r.Children.Select(c => Browser.Normalise(c.TextContent)).ToList()).ToList();
        Assert.Equal([["Title", "Executive Board (extra)", "Executive Board (budget)"]], differences);
        Assert.Equal("This meeting was changed by someone else after you opened it. Nothing has been saved.", page.ErrorSummary.Single());
        var after = await LoadMeetingAsync(Factory, meeting);
        Assert.Equal((saved.Version, "Executive Board (budget)"), (after.Version, after.Title));
    }

    private async Task<int> CountAsync()
    {
        await using var scope = Factory.OpenDb();
        return await scope.Db.Meetings.CountAsync();
    }

    private async Task<int> BodyCountAsync()
    {
        await using var scope = Factory.OpenDb();
        return await scope.Db.DecisionBodies.CountAsync();
    }
}
