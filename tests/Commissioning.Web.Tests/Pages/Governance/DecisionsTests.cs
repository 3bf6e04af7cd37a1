using System.Net;
using Commissioning.Domain.Governance;
using Commissioning.Web.Tests.Support;
using static Commissioning.Web.Tests.Pages.Governance.GovernanceSeed;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Governance;

/// <summary>
/// A decision's governance route through its pages, on a clock set to 3 June 2030: steps added
/// from a body and date or a scheduled meeting, outcomes recorded from the meeting day, the
/// approval status the pages show, and every refusal shown at its field with nothing saved.
/// </summary>
[Collection(GovernanceCollection.Name)]
public sealed class DecisionsTests(GovernanceApp app)
{
    private readonly GovernanceApp app = app.Fresh();

    private CommissioningFactory Factory => app.Factory;
    private static readonly DateOnly Today = GovernanceApp.Start;

    private async Task<(HttpClient Client, int Decision, int Team, int Cabinet, int Meeting)> RouteAsync()
    {
        var client = await Factory.SignedInClientAsync(Secretary);
        var team = await BodyAsync(Factory, client, Unique("Commissioning Management Team"), DecisionBodyKind.ManagementTeam);
        var cabinet = await BodyAsync(Factory, client, Unique("Cabinet"), DecisionBodyKind.Cabinet);
        var meeting = await MeetingAsync(client, cabinet, Today.AddDays(7));
        var contract = await Factory.ContractIdAsync("SC-2021-0001");
        var decision = await DecisionAsync(client, contract, Unique("Renewal of the supported living contract"), reference: "17/00030b");
        Redirected(await AddStepAsync(client, decision, GovernanceAction.Recommend, bodyId: team, date: Today.AddDays(-3)), $"/Governance/Decisions/{decision}#route");
        Redirected(await AddStepAsync(client, decision, GovernanceAction.Decide, meetingId: meeting), $"/Governance/Decisions/{decision}#route");
        return (client, decision, team, cabinet, meeting);
    }

    [Fact]
    public async Task After_recording_an_outcome_the_page_lands_on_the_route_with_the_banner_there_and_lists_its_sections()
    {
        var (client, id, _, _, _) = await RouteAsync();

        var done = await OutcomeAsync(client, id, 1, StepOutcome.Recommended);
        var page = await client.GetPageAsync(done.Location!);

        Redirected(done, $"/Governance/Decisions/{id}#route");
        var banner = Assert.Single(page.FindAll(".govuk-notification-banner--success"));
        Assert.Equal("route", banner.PreviousElementSibling?.Id);
        // The contents list names each section of the page and links to its heading.
        var contents = page.FindAll("nav.app-contents-list a").ToList();
        Assert.Equal(["Decision details", "Documents", "Governance route", "Add a step", "Record an outcome", "Reschedule a step", "Remove a step"],
            contents.Select(a => Browser.Normalise(a.TextContent)));
        Assert.All(contents, a => Assert.Equal(Browser.Normalise(a.TextContent), Browser.Normalise(page.Find(a.GetAttribute("href")!)!.TextContent)));
    }

    [Fact]
    public async Task A_route_is_approved_once_its_deciding_step_is_approved_on_the_meeting_day()
    {
        var (client, id, _, _, meeting) = await RouteAsync();
        var cabinetName = (await LoadMeetingAsync(Factory, meeting)).BodyName;
        const string meetingDate = "10 June 2030"; // Monday 3 June 2030 + 7 days

        var page = await client.GetPageAsync($"/Governance/Decisions/{id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal([$"{cabinetName} on {meetingDate} (asked to decide, outcome pending)"], page.FindAll("#missing-approvals li").Select(li => Browser.Normalise(li.TextContent)));
        var rows = page.FindAll("#route-table tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => Browser.Normalise(td.TextContent)).ToList()).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(["1", "31 May 2030", "Recommend", "Pending"], new[] { rows[0][0], rows[0][2], rows[0][3], rows[0][4] });
        Assert.Equal(["2", cabinetName, "Decide Approval step", "Pending"], new[] { rows[1][0], rows[1][1], rows[1][3], rows[1][4] });

        Redirected(await OutcomeAsync(client, id, 1, StepOutcome.Recommended, "Recommended to Cabinet."), $"/Governance/Decisions/{id}#route");

        // The Cabinet has not met yet: refused at the step field, nothing saved.
        var before = await LoadDecisionAsync(Factory, id);
        var early = await OutcomeAsync(client, id, 2, StepOutcome.Approved);
        Assert.Equal(HttpStatusCode.OK, early.Status);
        Assert.Equal($"{cabinetName} meets on {meetingDate}: its outcome can be recorded from that day.", early.FieldError("Outcome-Position"));
        Assert.Equal([early.FieldError("Outcome-Position")!], early.ErrorSummary);
        Assert.Equal(before.Version, (await LoadDecisionAsync(Factory, id)).Version);

        // On the meeting day (a new session: the old one is days old on this clock).
        app.Clock.Set(new DateTimeOffset(Today.AddDays(7).ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero));
        try
        {
            var later = await Factory.SignedInClientAsync(Secretary);
            var done = await OutcomeAsync(later, id, 2, StepOutcome.Approved, "Cabinet approved the renewal.");
            Redirected(done, $"/Governance/Decisions/{id}#route");
            var after = await later.GetPageAsync($"/Governance/Decisions/{id}");
            Assert.Contains("This decision is approved", after.Find("#approval-status")!.TextContent);
            Assert.Empty(after.FindAll("#missing-approvals li"));
            Assert.Contains("Cabinet approved the renewal.", after.Find("#route-table")!.TextContent);
            var saved = await LoadDecisionAsync(Factory, id);
            Assert.True(saved.IsApproved);
            Assert.Equal(StepOutcome.Approved, saved.Step(2).Outcome);
            Assert.Equal(Today.AddDays(7), saved.Step(2).OutcomeRecordedOn);

            var index = await later.GetPageAsync("/Governance/Decisions");
            var row = index.FindAll("#decisions-table tbody tr").Single(r => r.QuerySelector($"a[href='/Governance/Decisions/{id}']") is not null);
            Assert.Equal(("Approved", $"Approved on {meetingDate}"), (Browser.Normalise(row.QuerySelectorAll("td")[4].QuerySelector("strong.govuk-tag--green")!.TextContent),
                Browser.Normalise(row.QuerySelectorAll("td")[4].QuerySelector("span")!.TextContent)));
            Assert.Contains("Decision 17/00030b", row.TextContent);
        }
        finally
        {
            app.Clock.Set(new DateTimeOffset(Today.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero));
        }
    }

    [Fact]
    public async Task Decisions_list_says_what_a_waiting_decision_lacks()
    {
        var (client, id, _, _, meeting) = await RouteAsync();
        var m = await LoadMeetingAsync(Factory, meeting);

        var index = await client.GetPageAsync("/Governance/Decisions");

        var row = index.FindAll("#decisions-table tbody tr").Single(r => r.QuerySelector($"a[href='/Governance/Decisions/{id}']") is not null);
        Assert.Equal("Not approved", Browser.Normalise(row.QuerySelectorAll("td")[4].QuerySelector("strong.govuk-tag--yellow")!.TextContent));
        Assert.Equal($"Waiting for: {m.BodyName} on 10 June 2030 (asked to decide, outcome pending)", Browser.Normalise(row.QuerySelectorAll("td")[4].QuerySelector("span")!.TextContent));
    }

    [Fact]
    public async Task A_step_with_nothing_chosen_is_refused_at_each_field_and_saves_nothing()
    {
        var (client, id, _, _, _) = await RouteAsync();
        var before = await LoadDecisionAsync(Factory, id);

        var page = await PostAsync(client, $"/Governance/Decisions/{id}", "AddStep", new FormFields { { "Step.Date.Day", "31" }, { "Step.Date.Month", "2" }, { "Step.Date.Year", "2030" } });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Choose a scheduled meeting, or a decision-making body and a date", page.FieldError("Step-BodyId"));
        Assert.Equal("The date of the step must be a real date, like 1 4 2021", page.FieldError("Step-Date"));
        Assert.Equal("Choose what the body is asked to do", page.FieldError("Step-Action"));
        Assert.Equal(3, page.ErrorSummary.Count);
        Assert.Equal(["Step-BodyId", "Step-Date-Day", "Step-Action"], page.ErrorSummaryTargets);
        Assert.Equal("31", page.Value("Step.Date.Day")); // kept as typed
        var after = await LoadDecisionAsync(Factory, id);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(2, after.Steps.Count);
    }

    [Fact]
    public async Task An_outcome_needs_a_choice_and_a_minute_of_sensible_length()
    {
        var (client, id, _, _, _) = await RouteAsync();
        var before = await LoadDecisionAsync(Factory, id);

        var page = await PostAsync(client, $"/Governance/Decisions/{id}", "Outcome", new FormFields
        {
            { "Outcome.Position", "1" }, { "Outcome.Outcome", "Pending" }, { "Outcome.Minute", new string('x', ContractDecision.MinuteMaxLength + 1) },
        });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Choose what the body did: recommended, approved, noted, deferred or rejected", page.FieldError("Outcome-Outcome"));
        Assert.Equal("The minute must be 4,000 characters or fewer", page.FieldError("Outcome-Minute"));
        Assert.Equal(before.Version, (await LoadDecisionAsync(Factory, id)).Version);
    }

    [Fact]
    public async Task A_recorded_step_is_history_it_cannot_be_rescheduled_or_removed()
    {
        var (client, id, _, _, _) = await RouteAsync();
        Redirected(await OutcomeAsync(client, id, 1, StepOutcome.Recommended), $"/Governance/Decisions/{id}#route");
        var before = await LoadDecisionAsync(Factory, id);
        var history = $"{before.Step(1)} has its outcome recorded (recommended), so it is part of the history and cannot be moved or removed.";

        var moved = await PostAsync(client, $"/Governance/Decisions/{id}", "Reschedule", Date("Move.Date", Today.AddDays(1)).Also("Move.Position", "1"));
        Assert.Equal(HttpStatusCode.OK, moved.Status);
        Assert.Equal(history, moved.FieldError("Move-Position"));

        var removed = await PostAsync(client, $"/Governance/Decisions/{id}", "RemoveStep", new FormFields { { "Remove.Position", "1" } });
        Assert.Equal(HttpStatusCode.OK, removed.Status);
        Assert.Equal(history, removed.FieldError("Remove-Position"));

        var after = await LoadDecisionAsync(Factory, id);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Step(1).Date, after.Step(1).Date);
        Assert.Equal(2, after.Steps.Count);
    }

    [Fact]
    public async Task A_pending_step_is_rescheduled_into_date_order_leaving_its_meeting_and_can_be_removed()
    {
        var (client, id, _, _, _) = await RouteAsync();

        // The Cabinet step (position 2, linked to its meeting) moves before the team's step.
        var moved = await PostAsync(client, $"/Governance/Decisions/{id}", "Reschedule", Date("Move.Date", Today.AddDays(-5)).Also("Move.Position", "2"));
        Redirected(moved, $"/Governance/Decisions/{id}#route");
        var after = await LoadDecisionAsync(Factory, id);
        Assert.Equal(Today.AddDays(-5), after.Step(1).Date);
        Assert.Equal(GovernanceAction.Decide, after.Step(1).Action);
        Assert.Null(after.Step(1).MeetingId);

        Redirected(await PostAsync(client, $"/Governance/Decisions/{id}", "RemoveStep", new FormFields { { "Remove.Position", "1" } }), $"/Governance/Decisions/{id}#route");
        var left = await LoadDecisionAsync(Factory, id);
        Assert.Equal([GovernanceAction.Recommend], left.Steps.Select(s => s.Action));
        Assert.Equal(1, left.Step(1).Position);
    }

    [Fact]
    public async Task A_change_posted_from_a_stale_page_is_refused_and_saves_nothing()
    {
        var (client, id, team, _, _) = await RouteAsync();
        var stale = (await LoadDecisionAsync(Factory, id)).Version;
        Redirected(await OutcomeAsync(client, id, 1, StepOutcome.Recommended), $"/Governance/Decisions/{id}#route");
        var current = await LoadDecisionAsync(Factory, id);

        var page = await PostAsync(client, $"/Governance/Decisions/{id}", "AddStep",
            Date("Step.Date", Today.AddDays(30)).Also("Step.BodyId", S(team)).Also("Step.Action", "Note"), version: stale);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("This decision was changed by someone else after you opened it. Nothing has been saved", page.ErrorSummary.Single());
        var after = await LoadDecisionAsync(Factory, id);
        Assert.Equal(current.Version, after.Version);
        Assert.Equal(2, after.Steps.Count);
    }

    [Fact]
    public async Task Recording_a_decision_with_bad_details_says_so_at_each_field_and_saves_nothing()
    {
        var client = await Factory.SignedInClientAsync(Secretary);
        var contract = await Factory.ContractIdAsync("SC-2021-0001");
        var before = await CountAsync();

        var page = await client.PostFormAsync($"/Governance/Decisions/Create?contractId={contract}", new FormFields
        {
            { "ContractId", S(contract) }, { "Input.Kind", "7" }, { "Input.Title", "  " }, { "Input.DecisionReference", "17/00030b; DROP" },
            { "Input.ForwardPlanReference", new string('E', 31) },
        });

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Choose what the decision is: award, renewal, extension, variation, continuation or termination", page.FieldError("Input-Kind"));
        Assert.Equal("Enter the decision's title, as the papers give it", page.FieldError("Input-Title"));
        Assert.Equal("The decision reference can only contain letters, numbers, spaces and / . -, like 17/00030b", page.FieldError("Input-DecisionReference"));
        Assert.Equal("The forward plan reference must be 30 characters or fewer", page.FieldError("Input-ForwardPlanReference"));
        Assert.Equal(4, page.ErrorSummary.Count);
        Assert.Equal(before, await CountAsync());

        var noContract = await client.PostFormAsync("/Governance/Decisions/Create", new FormFields { { "ContractId", "999999" }, { "Input.Kind", "Award" }, { "Input.Title", "Award" } });
        Assert.Equal(HttpStatusCode.OK, noContract.Status);
        Assert.Equal("Choose the contract the decision is about", noContract.FieldError("ContractId"));
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Editing_a_decision_over_a_newer_save_shows_both_versions_and_saves_nothing()
    {
        var (client, id, _, _, _) = await RouteAsync();
        var form = (await client.GetPageAsync($"/Governance/Decisions/Edit/{id}")).Form();
        Redirected(await client.PostFormAsync($"/Governance/Decisions/Edit/{id}", (await client.GetPageAsync($"/Governance/Decisions/Edit/{id}")).Form().Set("Input.ForwardPlanReference", "E 3270")),
            $"/Governance/Decisions/{id}");
        var saved = await LoadDecisionAsync(Factory, id);

        var page = await client.PostFormAsync($"/Governance/Decisions/Edit/{id}", form.Set("Input.ForwardPlanReference", "E 9999"));

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.NotNull(page.Find(".app-conflict"));
        Assert.Contains("E 9999", page.Find(".app-conflict")!.TextContent);
        Assert.Contains("E 3270", page.Find(".app-conflict")!.TextContent);
        var after = await LoadDecisionAsync(Factory, id);
        Assert.Equal(saved.Version, after.Version);
        Assert.Equal("E 3270", after.ForwardPlanReference);
    }

    private async Task<int> CountAsync()
    {
        await using var scope = Factory.OpenDb();
        return scope.Db.ContractDecisions.Count();
    }
}

internal static class FormFieldsExtensions
{
    public static FormFields Also(this FormFields fields, string name, string value)
    {
        fields.Add(name, value);
        return fields;
    }
}
