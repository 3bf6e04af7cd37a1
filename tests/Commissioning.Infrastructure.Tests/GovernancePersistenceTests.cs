using System.Reflection;
using System.Text.Json;
using Commissioning.Domain.Common;
using Commissioning.Domain.Governance;
using Commissioning.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Infrastructure.Tests;

/// <summary>
/// The governance aggregates survive a save and a read in a fresh context: bodies, meetings with
/// their agendas, the Persona decision's route, and a cover sheet with an issued and a draft version.
/// </summary>
public sealed class GovernancePersistenceTests : IAsyncLifetime
{
    private static readonly DateOnly Ccmt = new(2021, 2, 2);
    private static readonly DateOnly ExecutiveBoard = new(2021, 2, 15);
    private static readonly DateOnly Scb = new(2021, 3, 1);
    private static readonly DateOnly Scrutiny = new(2021, 3, 2);
    private static readonly DateOnly Cabinet = new(2021, 3, 24);

    private readonly SqliteTestDatabase _database = new();
    private readonly FakeAuditContext _alice = new("Alice Adams", new DateTime(2021, 2, 20, 9, 0, 0, DateTimeKind.Utc));
    private readonly FakeAuditContext _bob = new("Bob Brown", new DateTime(2021, 2, 20, 9, 0, 5, DateTimeKind.Utc));

    public Task InitializeAsync() => _database.MigrateAsync();

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Decision_body_round_trips()
    {
        int id;
        await using (var db = _database.NewContext(_alice))
        {
            var body = new DecisionBody("Cabinet Member for Adult Social Care", DecisionBodyKind.CabinetMember);
            db.DecisionBodies.Add(body);
            await db.SaveChangesAsync();
            id = body.Id;
        }

        await using var check = _database.NewContext();
        var stored = await check.DecisionBodies.SingleAsync(b => b.Id == id);
        Assert.Equal("Cabinet Member for Adult Social Care", stored.Name);
        Assert.Equal(DecisionBodyKind.CabinetMember, stored.Kind);
        Assert.True(stored.IsSinglePerson);
        Assert.Equal(_alice.UserName, stored.CreatedBy);
        Assert.NotEqual(Guid.Empty, stored.Version);
    }

    [Fact]
    public async Task Meeting_details_attendance_declarations_and_minutes_round_trip()
    {
        int id, itemId;
        await using (var db = _database.NewContext(_alice))
        {
            var body = new DecisionBody("Strategic Commissioning Board", DecisionBodyKind.StrategicCommissioningBoard);
            db.DecisionBodies.Add(body);
            await db.SaveChangesAsync();
            var meeting = new Meeting(body, Scb);
            meeting.SetDetails(new TimeOnly(14, 0), "Council Chamber, Town Hall", true, "https://meet.example.gov.uk/scb", "Cllr Andrea Simpson");
            meeting.AddItem("Form and Function of the Local Care Organisation", GovernanceAction.Consider, "17").SetPresenter("Will Blandamer");
            db.Meetings.Add(meeting);
            await db.SaveChangesAsync();
            (id, itemId) = (meeting.Id, meeting.Agenda[0].Id);
            meeting.RecordAttendance(["Cllr Andrea Simpson (Chair)", "Will Blandamer"], ["Dr Jeff Schryer"], Scb);
            meeting.DeclareInterest(itemId, "Cllr Andrea Simpson", "A relative works for a GP practice", Scb);
            meeting.DeclareInterest(itemId, "Dr Jeff Schryer", "GP partner", Scb);
            meeting.RecordMinutes(itemId, "The board agreed the form and function.", StepOutcome.Approved, Scb);
            await db.SaveChangesAsync();
        }

        await using var check = _database.NewContext();
        var stored = await check.Meetings.SingleAsync(m => m.Id == id);
        Assert.Equal((new TimeOnly(14, 0), "Council Chamber, Town Hall", true, "https://meet.example.gov.uk/scb", "Cllr Andrea Simpson"),
            (stored.StartTime, stored.Venue, stored.IsOnline, stored.OnlineLink, stored.Chair));
        Assert.Equal(["Cllr Andrea Simpson (Chair)", "Will Blandamer"], stored.Present);
        Assert.Equal(["Dr Jeff Schryer"], stored.Apologies);
        var item = stored.ItemById(itemId);
        Assert.Equal("Will Blandamer", item.Presenter);
        Assert.Equal([new DeclarationOfInterest("Cllr Andrea Simpson", "A relative works for a GP practice"), new DeclarationOfInterest("Dr Jeff Schryer", "GP partner")], item.Declarations);
        Assert.Equal(("The board agreed the form and function.", StepOutcome.Approved), (item.MinuteText, item.Outcome));
    }

    [Fact]
    public async Task Meeting_round_trips_with_its_agenda_in_order()
    {
        var persona = await SeedPersonaAsync();
        await using (var db = _database.NewContext(_alice))
        {
            var meeting = await db.Meetings.SingleAsync(m => m.Id == persona.ScbMeetingId);
            meeting.AddItem("Minutes of the last meeting", GovernanceAction.Approve, "1");
            meeting.MoveItem(2, 1);
            await db.SaveChangesAsync();
        }

        await using var check = _database.NewContext();
        var stored = await check.Meetings.SingleAsync(m => m.Id == persona.ScbMeetingId);
        Assert.Equal("Strategic Commissioning Board", stored.Title);
        Assert.Equal(Scb, stored.Date);
        Assert.Equal(DecisionBodyKind.StrategicCommissioningBoard, stored.BodyKind);
        Assert.Equal(["1", "17"], stored.Agenda.Select(i => i.Number));
        Assert.Equal([1, 2], stored.Agenda.Select(i => i.Position));
        var item = stored.Item(2);
        Assert.Equal(persona.AgendaItemId, item.Id);
        Assert.Equal(persona.DecisionId, item.ContractDecisionId);
        Assert.Equal(GovernanceAction.Receive, item.Action);
        Assert.Equal("Persona – continuation of day services", item.Title);
    }

    [Fact]
    public async Task Persona_route_round_trips_in_date_order_with_outcomes()
    {
        var persona = await SeedPersonaAsync();

        await using var check = _database.NewContext();
        var decision = await check.ContractDecisions.SingleAsync(d => d.Id == persona.DecisionId);
        Assert.Equal(DecisionKind.Continuation, decision.Kind);
        Assert.Equal("E 3270", decision.ForwardPlanReference);
        Assert.True(decision.IsKeyDecision);
        Assert.Equal(
            [
                ("Community Commissioning Management Team (CCMT)", Ccmt, GovernanceAction.Recommend, StepOutcome.Recommended),
                ("Executive Board", ExecutiveBoard, GovernanceAction.Approve, StepOutcome.Approved),
                ("Strategic Commissioning Board", Scb, GovernanceAction.Receive, StepOutcome.Pending),
                ("Health Scrutiny", Scrutiny, GovernanceAction.Consider, StepOutcome.Pending),
                ("Cabinet", Cabinet, GovernanceAction.Decide, StepOutcome.Pending),
            ],
            decision.Steps.Select(s => (s.BodyName, s.Date, s.Action, s.Outcome)));
        Assert.Equal([1, 2, 3, 4, 5], decision.Steps.Select(s => s.Position));
        Assert.Equal(persona.ScbMeetingId, decision.Step(3).MeetingId);
        Assert.Equal("Supported", decision.Step(1).Minute);
        Assert.Equal(Ccmt, decision.Step(1).OutcomeRecordedOn);
        Assert.False(decision.IsApproved);
        Assert.Equal("Cabinet on 24 March 2021", Assert.Single(decision.MissingApprovals()).Step!.ToString());
    }

    [Fact]
    public async Task Rescheduled_step_comes_back_in_its_new_place_in_the_route()
    {
        var persona = await SeedPersonaAsync();
        await using (var db = _database.NewContext(_alice))
        {
            var decision = await db.ContractDecisions.SingleAsync(d => d.Id == persona.DecisionId);
            // Health Scrutiny brought forward to the Executive Board's day: it moves from 4th to 3rd.
            decision.Reschedule(4, ExecutiveBoard);
            await db.SaveChangesAsync();
        }

        await using var check = _database.NewContext();
        var stored = await check.ContractDecisions.SingleAsync(d => d.Id == persona.DecisionId);
        Assert.Equal(["Community Commissioning Management Team (CCMT)", "Executive Board", "Health Scrutiny", "Strategic Commissioning Board", "Cabinet"],
            stored.Steps.Select(s => s.BodyName));
        Assert.Equal([1, 2, 3, 4, 5], stored.Steps.Select(s => s.Position));
    }

    [Fact]
    public async Task Cover_sheet_round_trips_an_issued_version_and_a_draft_with_answers_recommendations_and_governance()
    {
        var persona = await SeedPersonaAsync();
        var sheetId = await SeedCoverSheetAsync(persona);

        await using var check = _database.NewContext();
        var sheet = await check.CoverSheets.SingleAsync(s => s.Id == sheetId);
        Assert.Equal(persona.AgendaItemId, sheet.AgendaItemId);
        Assert.Equal([1, 2], sheet.Versions.Select(v => v.Number));

        var issued = sheet.GetVersion(1);
        Assert.True(issued.IsIssued);
        Assert.Equal("Sarah Dobson", issued.IssuedBy);
        Assert.Equal(_alice.UtcNow, issued.IssuedAtUtc);
        Assert.Equal("17", issued.ItemNumber);
        Assert.Equal(Scb, issued.MeetingDate);
        Assert.Equal(GovernanceAction.Receive, issued.Action);
        Assert.Equal(["note the continuation of the Persona contract to 31 March 2022"], issued.Recommendations);
        Assert.Empty(issued.StrategicObjectives);
        Assert.Equal(Content().Answers.Count, issued.Answers.Count);
        Assert.Equal(YesNoNa.Yes, issued.Answer(ImplicationQuestions.Financial)!.Choice);
        Assert.Equal("Supports the Locality Plan's home-first aims.", issued.Answer(ImplicationQuestions.LocalityPlan)!.Text);
        Assert.Equal(
            [
                new GovernanceRow("Executive Board", ExecutiveBoard, StepOutcome.Approved),
                new GovernanceRow("Community Commissioning Management Team (CCMT)", Ccmt, StepOutcome.Recommended),
            ],
            issued.Governance);

        var draft = Assert.IsType<CoverSheetVersion>(sheet.Draft);
        Assert.Equal(2, draft.Number);
        Assert.False(draft.IsIssued);
        Assert.Null(draft.IssuedAtUtc);
        Assert.Equal(["note the continuation of the Persona contract to 31 March 2022", "note the consultation with day service users"], draft.Recommendations);
        Assert.Equal(["Corporate Plan: supporting independence"], draft.StrategicObjectives);
        Assert.Equal(YesNoNa.No, draft.Answer(ImplicationQuestions.Financial)!.Choice);
        Assert.Equal(issued.Governance, draft.Governance);
        Assert.Empty(sheet.Problems(new DateOnly(2021, 2, 20)));
    }

    [Fact]
    public async Task Cover_sheet_versions_whose_rows_are_out_of_order_load_in_number_order()
    {
        var persona = await SeedPersonaAsync();
        var sheetId = await SeedCoverSheetAsync(persona);
        // EF orders the query by the sheet only; the versions come in whatever order the database reads them. SQLite
        // reads them through the (sheet, number) index; without it, in key order, as SQL Server's plan may. Version 1's
        // row then moves after version 2's (decision 0022).
        await using (var db = _database.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync("DROP INDEX IX_CoverSheetVersions_CoverSheetId_Number");
            Assert.Equal(1, await db.Database.ExecuteSqlRawAsync("UPDATE CoverSheetVersions SET Id = Id + 1000 WHERE CoverSheetId = {0} AND Number = 1", sheetId));
        }

        await using var check = _database.NewContext();
        var sheet = await check.CoverSheets.SingleAsync(s => s.Id == sheetId);

        var loaded = (List<CoverSheetVersion>)typeof(CoverSheet).GetField("_versions", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(sheet)!;
        Assert.Equal([1, 2], loaded.Select(v => v.Number));
        Assert.Equal(2, sheet.Draft!.Number);
        Assert.Equal(1, sheet.LatestIssued!.Number);
    }

    [Fact]
    public async Task Stale_cover_sheet_save_is_refused_when_only_the_answers_changed()
    {
        var persona = await SeedPersonaAsync();
        var sheetId = await SeedCoverSheetAsync(persona);
        await using var first = _database.NewContext(_alice);
        await using var second = _database.NewContext(_bob);
        var a = await first.CoverSheets.SingleAsync(s => s.Id == sheetId);
        var b = await second.CoverSheets.SingleAsync(s => s.Id == sheetId);
        var versionBefore = a.Version;

        a.Edit(a.Current.Content with { Answers = WithFinancial(a.Current.Content, YesNoNa.Yes) });
        await first.SaveChangesAsync();
        Assert.NotEqual(versionBefore, a.Version);

        b.Edit(b.Current.Content with { Answers = WithFinancial(b.Current.Content, YesNoNa.NotApplicable) });
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        await using var check = _database.NewContext();
        var stored = await check.CoverSheets.SingleAsync(s => s.Id == sheetId);
        Assert.Equal(YesNoNa.Yes, stored.Current.Answer(ImplicationQuestions.Financial)!.Choice);
        Assert.Equal(_alice.UserName, stored.UpdatedBy);
    }

    [Fact]
    public async Task Changing_a_drafts_recommendations_audits_the_list_contents_not_its_type()
    {
        var persona = await SeedPersonaAsync();
        var sheetId = await SeedCoverSheetAsync(persona);
        await using (var db = _database.NewContext(_bob))
        {
            var sheet = await db.CoverSheets.SingleAsync(s => s.Id == sheetId);
            sheet.Edit(sheet.Current.Content with { Recommendations = ["approve the renewal from 1 April 2021"] });
            await db.SaveChangesAsync();
        }

        await using var check = _database.NewContext();
        var update = await check.AuditEntries.Where(e => e.EntityType == nameof(CoverSheet) && e.EntityId == sheetId)
            .OrderBy(e => e.Id).LastAsync();
        Assert.Contains("approve the renewal from 1 April 2021", update.Changes);
        Assert.DoesNotContain("System.Collections", update.Changes);
    }

    [Fact]
    public async Task Recording_a_route_outcome_writes_an_audit_entry_naming_the_steps()
    {
        var persona = await SeedPersonaAsync();
        await using (var db = _database.NewContext(_bob))
        {
            var decision = await db.ContractDecisions.SingleAsync(d => d.Id == persona.DecisionId);
            decision.RecordOutcome(3, StepOutcome.Noted, "Received and noted", Scb);
            await db.SaveChangesAsync();
        }

        await using var check = _database.NewContext();
        var entries = await check.AuditEntries
            .Where(e => e.EntityType == nameof(ContractDecision) && e.EntityId == persona.DecisionId)
            .OrderBy(e => e.Id).ToListAsync();
        Assert.Equal("Created", entries[0].Action);
        var update = entries[^1];
        Assert.Equal("Updated", update.Action);
        Assert.Equal(_bob.UserName, update.ChangedBy);
        var change = Assert.Single(JsonDocument.Parse(update.Changes).RootElement.EnumerateArray());
        Assert.Equal(nameof(ContractDecision.Steps), change.GetProperty("field").GetString());
        Assert.Contains("Outcome: Noted", change.GetProperty("to").GetString());
        Assert.Contains("Outcome: Pending", change.GetProperty("from").GetString());
        var stored = await check.ContractDecisions.SingleAsync(d => d.Id == persona.DecisionId);
        Assert.Equal(_bob.UserName, stored.UpdatedBy);
    }

    private sealed record Persona(int DecisionId, int ScbMeetingId, int AgendaItemId);

    // The Persona continuation's route, as its Strategic Commissioning Board cover sheet tells it.
    private async Task<Persona> SeedPersonaAsync()
    {
        await using var db = _database.NewContext(_alice);
        var provider = TestData.Provider("Persona Care and Support");
        db.Providers.Add(provider);
        await db.SaveChangesAsync();
        var contract = TestData.Spot(provider.Id, "SC-2021-0001", "Persona – day services");
        db.Contracts.Add(contract);

        var ccmt = new DecisionBody("Community Commissioning Management Team (CCMT)", DecisionBodyKind.ManagementTeam);
        var executive = new DecisionBody("Executive Board", DecisionBodyKind.ExecutiveBoard);
        var scb = new DecisionBody("Strategic Commissioning Board", DecisionBodyKind.StrategicCommissioningBoard);
        var scrutiny = new DecisionBody("Health Scrutiny", DecisionBodyKind.HealthScrutiny);
        var cabinet = new DecisionBody("Cabinet", DecisionBodyKind.Cabinet);
        db.DecisionBodies.AddRange(ccmt, executive, scb, scrutiny, cabinet);
        await db.SaveChangesAsync();

        var meeting = new Meeting(scb, Scb);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();

        var decision = new ContractDecision(contract.Id, new DecisionDetails(DecisionKind.Continuation,
            "Persona – continuation of day services", ForwardPlanReference: "E 3270", IsKeyDecision: true));
        // Added out of order on purpose: the route keeps date order.
        decision.AddStep(cabinet, Cabinet, GovernanceAction.Decide);
        decision.AddStep(ccmt, Ccmt, GovernanceAction.Recommend);
        decision.AddStep(executive, ExecutiveBoard, GovernanceAction.Approve);
        decision.AddStep(meeting, GovernanceAction.Receive);
        decision.AddStep(scrutiny, Scrutiny, GovernanceAction.Consider);
        decision.RecordOutcome(1, StepOutcome.Recommended, "Supported", Ccmt);
        decision.RecordOutcome(2, StepOutcome.Approved, null, ExecutiveBoard);
        db.ContractDecisions.Add(decision);
        await db.SaveChangesAsync();

        var item = meeting.AddItem(decision, GovernanceAction.Receive, "17");
        await db.SaveChangesAsync();
        return new Persona(decision.Id, meeting.Id, item.Id);
    }

    // Version 1 issued on 20/02/2021; version 2 a draft with another recommendation and a changed answer.
    private async Task<int> SeedCoverSheetAsync(Persona persona)
    {
        var today = new DateOnly(2021, 2, 20);
        await using var db = _database.NewContext(_alice);
        var meeting = await db.Meetings.SingleAsync(m => m.Id == persona.ScbMeetingId);
        var decision = await db.ContractDecisions.SingleAsync(d => d.Id == persona.DecisionId);
        var sheet = CoverSheet.Create(meeting, meeting.Agenda.Single(i => i.Id == persona.AgendaItemId), decision, Content());
        db.CoverSheets.Add(sheet);
        await db.SaveChangesAsync();

        sheet.Issue(decision, new Actor("user-1", "Sarah Dobson"), _alice.UtcNow, today);
        await db.SaveChangesAsync();

        var content = sheet.Current.Content;
        sheet.Edit(content with
        {
            Recommendations = [.. content.Recommendations, "note the consultation with day service users"],
            StrategicObjectives = ["Corporate Plan: supporting independence"],
            Answers = WithFinancial(content, YesNoNa.No),
        });
        await db.SaveChangesAsync();
        return sheet.Id;
    }

    private static List<ImplicationAnswer> WithFinancial(CoverSheetContent content, YesNoNa choice) =>
        [.. content.Answers.Where(a => a.QuestionKey != ImplicationQuestions.Financial), ImplicationAnswer.Tick(ImplicationQuestions.Financial, choice)];

    private static CoverSheetContent Content() => new()
    {
        PresentedBy = "Director of Adult Social Care",
        Author = "Commissioning Manager",
        ExecutiveSummary = "Continues the Persona day services contract for a further year.",
        Recommendations = ["note the continuation of the Persona contract to 31 March 2022"],
        AddressesAssuranceFrameworkRisk = false,
        Answers = ImplicationQuestions.All
            .Where(q => q.AlwaysRequired)
            .Select(q => q.Kind == AnswerKind.FreeText
                ? ImplicationAnswer.Write(q.Key, q.Key == ImplicationQuestions.LocalityPlan ? "Supports the Locality Plan's home-first aims." : "Not applicable.")
                : ImplicationAnswer.Tick(q.Key, q.Key switch
                {
                    ImplicationQuestions.Financial => YesNoNa.Yes,
                    ImplicationQuestions.ImpactAssessmentCompleted => YesNoNa.NotApplicable,
                    _ => YesNoNa.No,
                }))
            .ToList(),
    };
}
