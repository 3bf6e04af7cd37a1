using System.Net;
using Commissioning.Domain.Governance;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Commissioning.Web.Tests.Pages.Governance.GovernanceSeed;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Governance;

/// <summary>
/// A meeting's details, the same-day confirmation, attendance, declarations and minutes, a past agenda
/// as history, and "Add an item" starting the cover sheet, through the pages on a clock set to 3 June 2030.
/// </summary>
[Collection(GovernanceCollection.Name)]
public sealed class MeetingDetailsTests(GovernanceApp app)
{
    private readonly GovernanceApp app = app.Fresh();

    private CommissioningFactory Factory => app.Factory;
    private static readonly DateOnly Today = GovernanceApp.Start;

    private static FormFields Schedule(int body, DateOnly date, string? title = null) =>
        Date("Input.Date", date).Also("Input.BodyId", S(body)).Also("Input.Title", title ?? "");

    private async Task<int> CountAsync(int body)
    {
        await using var scope = Factory.OpenDb();
        return await scope.Db.Meetings.CountAsync(m => m.BodyId == body);
    }

    [Fact]
    public async Task A_second_meeting_of_a_body_on_one_day_is_saved_only_when_confirmed_keeping_what_was_typed()
    {
        var client = await Factory.SignedInClientAsync(Secretary);
        var board = await BodyAsync(Factory, client, Unique("Strategic Commissioning Board"), DecisionBodyKind.StrategicCommissioningBoard);
        var first = await MeetingAsync(client, board, Today.AddDays(7));
        // Another day is no clash: no confirmation asked.
        await MeetingAsync(client, board, Today.AddDays(8));

        var fields = Schedule(board, Today.AddDays(7), "SCB (extraordinary)").Also("Input.Venue", "Committee Room 1").Also("Input.StartTime", "16:30");
        var warned = await client.PostFormAsync("/Governance/Meetings/Create", fields);

        Assert.Equal(HttpStatusCode.OK, warned.Status);
        Assert.StartsWith("Strategic Commissioning Board", warned.FieldError("Input-ConfirmSecondMeeting"));
        Assert.Contains("already has a meeting on 10 June 2030", warned.FieldError("Input-ConfirmSecondMeeting"));
        Assert.Equal(["Input-ConfirmSecondMeeting"], warned.ErrorSummaryTargets);
        Assert.Equal($"/Governance/Meetings/{first}", warned.Find("#second-meeting a")!.GetAttribute("href"));
        Assert.Equal(("Committee Room 1", "16:30", "SCB (extraordinary)"), (warned.Value("Input.Venue"), warned.Value("Input.StartTime"), warned.Value("Input.Title")));
        Assert.Equal(2, await CountAsync(board));

        var confirmed = await client.PostFormAsync("/Governance/Meetings/Create", warned.Form().Set("Input.ConfirmSecondMeeting", "true"));
        Assert.Equal(HttpStatusCode.Redirect, confirmed.Status);
        var second = await LoadMeetingAsync(Factory, int.Parse(confirmed.Location!.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((Today.AddDays(7), "SCB (extraordinary)", "Committee Room 1", new TimeOnly(16, 30)), (second.Date, second.Title, second.Venue, second.StartTime));

        // Rescheduling the third meeting onto that day asks again; keeping a meeting's own date does not.
        var third = await MeetingAsync(client, board, Today.AddDays(9));
        var edit = $"/Governance/Meetings/Edit/{third}";
        var moved = await client.PostFormAsync(edit, (await client.GetPageAsync(edit)).Form().Set("Input.Date.Day", "10"));
        Assert.Contains("already has 2 meetings on 10 June 2030", moved.FieldError("Input-ConfirmSecondMeeting"));
        Assert.Equal(Today.AddDays(9), (await LoadMeetingAsync(Factory, third)).Date);
        Redirected(await client.PostFormAsync(edit, moved.Form().Set("Input.ConfirmSecondMeeting", "true")), $"/Governance/Meetings/{third}");
        Assert.Equal(Today.AddDays(7), (await LoadMeetingAsync(Factory, third)).Date);
        var retitled = $"/Governance/Meetings/Edit/{first}";
        Redirected(await client.PostFormAsync(retitled, (await client.GetPageAsync(retitled)).Form().Set("Input.Chair", "Cllr Andrea Simpson")), $"/Governance/Meetings/{first}");
    }

    [Fact]
    public async Task Time_venue_online_link_and_chair_are_saved_shown_and_checked_at_each_field()
    {
        var client = await Factory.SignedInClientAsync(Secretary);
        var board = await BodyAsync(Factory, client, Unique("Executive Board"), DecisionBodyKind.ExecutiveBoard);

        var bad = await client.PostFormAsync("/Governance/Meetings/Create", Schedule(board, Today.AddDays(3))
            .Also("Input.StartTime", "25:00").Also("Input.Venue", new string('v', Meeting.VenueMaxLength + 1))
            .Also("Input.IsOnline", "true").Also("Input.OnlineLink", "http://meet.example.gov.uk/eb").Also("Input.Chair", new string('c', Meeting.PersonMaxLength + 1)));
        Assert.Equal(HttpStatusCode.OK, bad.Status);
        Assert.Equal("Enter the start time as a time of day, like 2pm or 9:30am", bad.FieldError("Input-StartTime"));
        Assert.Equal("The venue must be 200 characters or fewer", bad.FieldError("Input-Venue"));
        Assert.Equal("Enter the joining link as a full address starting https://, like https://meet.example.gov.uk/scb", bad.FieldError("Input-OnlineLink"));
        Assert.Equal("The chair's name must be 200 characters or fewer", bad.FieldError("Input-Chair"));
        Assert.Equal(["Input-StartTime", "Input-Venue", "Input-OnlineLink", "Input-Chair"], bad.ErrorSummaryTargets);
        Assert.Equal("http://meet.example.gov.uk/eb", bad.Value("Input.OnlineLink"));
        Assert.Equal(0, await CountAsync(board));

        // At the limits: 23:59, a 200-character venue, a 200-character chair.
        var venue = new string('v', Meeting.VenueMaxLength);
        var done = await client.PostFormAsync("/Governance/Meetings/Create", bad.Form()
            .Set("Input.StartTime", "23:59").Set("Input.Venue", venue).Set("Input.OnlineLink", "https://meet.example.gov.uk/eb").Set("Input.Chair", "Cllr Andrea Simpson"));
        Assert.Equal(HttpStatusCode.Redirect, done.Status);
        var page = await client.GetPageAsync(done.Location!);
        var details = page.FindAll("#meeting-details .govuk-summary-list__row").ToDictionary(
            r => Browser.Normalise(r.QuerySelector("dt")!.TextContent), r => Browser.Normalise(r.QuerySelector("dd")!.TextContent));
        Assert.Equal("11:59pm", details["Start time"]);
        Assert.Equal($"{venue}, and online", details["Venue"]);
        Assert.Equal("https://meet.example.gov.uk/eb (opens in new tab)", details["Joining link"]);
        Assert.Equal("Cllr Andrea Simpson", details["Chair"]);

        // An unticked "online" drops the link; 9.30 is read as 9:30am.
        var id = done.Location!.Split('/').Last();
        var edit = $"/Governance/Meetings/Edit/{id}";
        Redirected(await client.PostFormAsync(edit, (await client.GetPageAsync(edit)).Form().Remove("Input.IsOnline").Set("Input.StartTime", "9.30").Set("Input.Venue", "Town Hall")), $"/Governance/Meetings/{id}");
        var saved = await LoadMeetingAsync(Factory, int.Parse(id, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((new TimeOnly(9, 30), "Town Hall", false, (string?)null), (saved.StartTime, saved.Venue, saved.IsOnline, saved.OnlineLink));
    }

    [Fact]
    public async Task Attendance_declarations_and_minutes_wait_for_the_meetings_day_then_show_on_the_meeting_page()
    {
        var client = await Factory.SignedInClientAsync(Secretary);
        var board = await BodyAsync(Factory, client, Unique("Strategic Commissioning Board"), DecisionBodyKind.StrategicCommissioningBoard);
        var tomorrow = await MeetingAsync(client, board, Today.AddDays(1), "Strategic Commissioning Board");
        Redirected(await AddItemAsync(client, tomorrow, GovernanceAction.Consider, "Form and Function", number: "17"), $"/Governance/Meetings/{tomorrow}#agenda");
        var item = (await LoadMeetingAsync(Factory, tomorrow)).Agenda.Single().Id;
        var itemUrl = $"/Governance/Meetings/{tomorrow}/Items/{item}";

        // The day before: refused by the handlers, not only hidden.
        var early = await client.PostFormAsync($"/Governance/Meetings/{tomorrow}/Attendance",
            new FormFields { { "Input.Present", "Cllr Simpson" }, { "Input.Version", (await LoadMeetingAsync(Factory, tomorrow)).Version.ToString() } }, tokenFrom: "/Account/SignOut");
        Assert.Equal(["Strategic Commissioning Board meets on 4 June 2030: its attendance can be recorded from that day."], early.ErrorSummary);
        var earlyMinutes = await PostAsync(client, itemUrl, "Minutes", new FormFields { { "Minutes.Outcome", "Noted" } });
        Assert.Equal(["Strategic Commissioning Board meets on 4 June 2030: its minutes can be recorded from that day."], earlyMinutes.ErrorSummary);
        Assert.Empty((await client.GetPageAsync(itemUrl)).FindAll("form[action*='handler=Minutes']"));

        // On the day.
        app.Clock.Set(new DateTimeOffset(2030, 6, 4, 9, 0, 0, TimeSpan.Zero));
        client = await Factory.SignedInClientAsync(Secretary);
        var both = await client.PostFormAsync($"/Governance/Meetings/{tomorrow}/Attendance",
            (await client.GetPageAsync($"/Governance/Meetings/{tomorrow}/Attendance")).Form().Set("Input.Present", "Cllr Andrea Simpson (Chair)\nWill Blandamer").Set("Input.Apologies", "will blandamer"));
        Assert.Equal("Will Blandamer is listed as present and as sending apologies: keep them in one list.", both.FieldError("Input-Apologies"));
        Assert.Equal("Cllr Andrea Simpson (Chair)\nWill Blandamer", both.Value("Input.Present"));
        Redirected(await client.PostFormAsync($"/Governance/Meetings/{tomorrow}/Attendance", both.Form().Set("Input.Apologies", "\n Dr Jeff Schryer \n")),
            $"/Governance/Meetings/{tomorrow}#attendance");

        var missing = await PostAsync(client, itemUrl, "Declare", new FormFields { { "Declaration.Member", "" }, { "Declaration.Interest", "" } });
        Assert.Equal("Enter the name of the member declaring an interest", missing.FieldError("Declaration-Member"));
        Assert.Equal("Enter the interest declared, like \"A relative works for the provider\"", missing.FieldError("Declaration-Interest"));
        Redirected(await PostAsync(client, itemUrl, "Declare", new FormFields { { "Declaration.Member", "Cllr Andrea Simpson" }, { "Declaration.Interest", "A relative works for a GP practice" } }), itemUrl + "#declarations");
        Redirected(await PostAsync(client, itemUrl, "Declare", new FormFields { { "Declaration.Member", "Dr Jeff Schryer" }, { "Declaration.Interest", "GP partner" } }), itemUrl + "#declarations");
        Redirected(await PostAsync(client, itemUrl, "Withdraw", new FormFields { { "Number", "2" } }), itemUrl + "#declarations");
        var noOutcome = await PostAsync(client, itemUrl, "Minutes", new FormFields { { "Minutes.Text", "Considered." } });
        Assert.Equal("Choose what the meeting did", noOutcome.FieldError("Minutes-Outcome"));
        Assert.Equal("Considered.", noOutcome.Value("Minutes.Text"));
        Redirected(await PostAsync(client, itemUrl, "Minutes", new FormFields { { "Minutes.Outcome", "Approved" }, { "Minutes.Text", "The board agreed the form and function of the LCO." } }), itemUrl + "#minutes");

        var page = await client.GetPageAsync($"/Governance/Meetings/{tomorrow}");
        Assert.Equal(["Cllr Andrea Simpson (Chair)", "Will Blandamer"], page.FindAll("#attendance-list dd")[0].QuerySelectorAll("li").Select(li => li.TextContent));
        Assert.Equal(["Dr Jeff Schryer"], page.FindAll("#attendance-list dd")[1].QuerySelectorAll("li").Select(li => li.TextContent));
        var minute = Browser.Normalise(page.Find($"#minute-{item}")!.TextContent);
        Assert.Contains("Item 17 – Form and Function", minute);
        Assert.Contains("Cllr Andrea Simpson: A relative works for a GP practice", minute);
        Assert.DoesNotContain("Dr Jeff Schryer: GP partner", minute);
        Assert.Contains("Approved", minute);
        Assert.Contains("The board agreed the form and function of the LCO.", minute);

        // A stale version saves nothing.
        var stale = await PostAsync(client, itemUrl, "Minutes", new FormFields { { "Minutes.Outcome", "Deferred" } }, version: Guid.NewGuid());
        Assert.Equal(["This meeting was changed by someone else after you opened it. Nothing has been saved: check the item and try again."], stale.ErrorSummary);
        Assert.Equal(StepOutcome.Approved, (await LoadMeetingAsync(Factory, tomorrow)).Agenda.Single().Outcome);
    }

    [Fact]
    public async Task A_past_meetings_agenda_has_no_forms_and_its_handlers_refuse_while_todays_still_changes()
    {
        var client = await Factory.SignedInClientAsync(Secretary);
        var board = await BodyAsync(Factory, client, Unique("Executive Board"), DecisionBodyKind.ExecutiveBoard);
        var yesterday = await MeetingAsync(client, board, Today.AddDays(-1), "Executive Board");
        await AddPastItemAsync(Factory, yesterday, GovernanceAction.Note, "Apologies", number: "1");
        await AddPastItemAsync(Factory, yesterday, GovernanceAction.Note, "Minutes of the last meeting");
        var url = $"/Governance/Meetings/{yesterday}";
        var before = await LoadMeetingAsync(Factory, yesterday);

        var page = await client.GetPageAsync(url);
        Assert.Null(page.Find("#add-item"));
        Assert.Null(page.Find("#number-item"));
        Assert.Empty(page.FindAll("#agenda-table form"));
        Assert.NotNull(page.Find("#agenda-history"));
        const string History = "Executive Board met on 2 June 2030, so its agenda is history and cannot be changed. Record attendance, declarations of interest and minutes instead.";
        foreach (var (handler, fields) in new[]
        {
            ("Add", new FormFields { { "Item.Title", "Late paper" }, { "Item.Action", "Note" } }),
            ("Add", new FormFields { { "Item.Title", "Late paper" }, { "Item.Action", "Note" }, { "Item.StartCoverSheet", "true" } }),
            ("Number", new FormFields { { "Renumber.Position", "2" }, { "Renumber.Number", "2" } }),
            ("Move", new FormFields { { "Position", "2" }, { "Direction", "up" } }),
            ("Remove", new FormFields { { "Position", "1" } }),
        })
        {
            // The page has no forms left to read a version from: post the one it showed.
            var refused = await PostAsync(client, url, handler, fields, before.Version);
            Assert.Equal(HttpStatusCode.OK, refused.Status);
            Assert.Equal([History], refused.ErrorSummary);
        }
        var presenter = await PostAsync(client, $"{url}/Items/{before.Agenda[0].Id}", "Presenter", new FormFields { { "Presenter", "Someone" } }, before.Version);
        Assert.Equal([History], presenter.ErrorSummary);
        var after = await LoadMeetingAsync(Factory, yesterday);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(["Apologies", "Minutes of the last meeting"], after.Agenda.Select(i => i.Title));

        // Today's meeting is not past: its agenda still changes.
        var todays = await MeetingAsync(client, board, Today);
        Assert.NotNull((await client.GetPageAsync($"/Governance/Meetings/{todays}")).Find("#add-item"));
        Redirected(await AddItemAsync(client, todays, GovernanceAction.Note, "Late paper"), $"/Governance/Meetings/{todays}#agenda");
    }

    [Fact]
    public async Task Add_an_item_with_start_a_cover_sheet_saves_the_item_and_its_draft_and_opens_the_sheet()
    {
        var client = await Factory.SignedInClientAsync(Secretary);
        var board = await BodyAsync(Factory, client, Unique("Strategic Commissioning Board"), DecisionBodyKind.StrategicCommissioningBoard);
        var meeting = await MeetingAsync(client, board, Today.AddDays(14), "Strategic Commissioning Board");
        var url = $"/Governance/Meetings/{meeting}";
        Assert.Equal("true", (await client.GetPageAsync(url)).Value("Item.StartCoverSheet"));

        var plain = await PostAsync(client, url, "Add", new FormFields
        {
            { "Item.Title", "Form and Function of the Local Care Organisation" }, { "Item.Action", "Consider" }, { "Item.Number", "17" },
            { "Item.Presenter", "Will Blandamer" }, { "Item.StartCoverSheet", "true" },
        });
        Assert.Equal(HttpStatusCode.Redirect, plain.Status);
        Assert.Matches(@"^/CoverSheets/\d+/Edit$", plain.Location);
        var decisionTitle = Unique("Renewal of the day services contract");
        var decision = await DecisionAsync(client, await Factory.ContractIdAsync("SC-2021-0001"), decisionTitle);
        var about = await PostAsync(client, url, "Add", new FormFields
        {
            { "Item.DecisionId", S(decision) }, { "Item.Action", "Approve" }, { "Item.Presenter", "Julie Gonda" }, { "Item.StartCoverSheet", "true" },
        });
        Assert.Matches(@"^/CoverSheets/\d+/Edit$", about.Location);

        var saved = await LoadMeetingAsync(Factory, meeting);
        await using (var scope = Factory.OpenDb())
        {
            var sheets = await scope.Db.CoverSheets.AsNoTracking().Where(s => s.MeetingId == meeting).OrderBy(s => s.Id).ToListAsync();
            Assert.Equal([saved.Agenda[0].Id, saved.Agenda[1].Id], sheets.Select(s => s.AgendaItemId));
            Assert.Equal([(int?)null, decision], sheets.Select(s => s.ContractDecisionId));
            Assert.Equal([("Form and Function of the Local Care Organisation", "17", "Will Blandamer", GovernanceAction.Consider), (decisionTitle, (string?)null, "Julie Gonda", GovernanceAction.Approve)],
                sheets.Select(s => (s.Current.Content.Title, s.Current.ItemNumber, s.Current.PresentedBy, s.Current.Content.Action!.Value)));
            Assert.Equal((plain.Location, about.Location), ($"/CoverSheets/{sheets[0].Id}/Edit", $"/CoverSheets/{sheets[1].Id}/Edit"));
        }
        Assert.Equal(["Will Blandamer", "Julie Gonda"], saved.Agenda.Select(i => i.Presenter));
        var page = await client.GetPageAsync(url);
        Assert.Equal($"/Governance/Decisions/{decision}", page.FindAll("#agenda-table a").Single(a => a.TextContent == decisionTitle).GetAttribute("href"));
        Assert.Contains("Presented by Julie Gonda", page.Find("#agenda-table")!.TextContent);

        // Refused input starts nothing: a taken item number.
        var taken = await PostAsync(client, url, "Add", new FormFields { { "Item.Title", "Another" }, { "Item.Action", "Note" }, { "Item.Number", "17" }, { "Item.StartCoverSheet", "true" } });
        Assert.Equal("Item 17 is already on the agenda for Strategic Commissioning Board on 17 June 2030: choose another item number.", taken.FieldError("Item-Number"));
        Assert.Equal("true", taken.Value("Item.StartCoverSheet"));
        Assert.Equal(2, (await LoadMeetingAsync(Factory, meeting)).Agenda.Count);
    }
}
