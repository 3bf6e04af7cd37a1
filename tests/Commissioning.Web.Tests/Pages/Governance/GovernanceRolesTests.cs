using System.Net;
using Commissioning.Domain.Governance;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Commissioning.Web.Tests.Pages.Governance.GovernanceSeed;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Governance;

/// <summary>
/// Who may do what on the governance pages: everyone signed in reads them; only board
/// secretaries and administrators see edit controls or may post; anonymous visitors sign in first.
/// </summary>
[Collection(GovernanceCollection.Name)]
public sealed class GovernanceRolesTests(GovernanceApp app)
{
    private readonly GovernanceApp app = app.Fresh();

    private CommissioningFactory Factory => app.Factory;
    private static readonly DateOnly Today = GovernanceApp.Start;

    public static TheoryData<string> NonEditors => [Viewer, Commissioner, CommissioningFactory.Finance];
    public static TheoryData<string> Editors => [Secretary, Administrator];

    private sealed record Ids(int Body, int Meeting, int Decision, int Contract);

    private async Task<Ids> ArrangeAsync()
    {
        var client = await Factory.SignedInClientAsync(Secretary);
        var body = await BodyAsync(Factory, client, Unique("Cabinet"), DecisionBodyKind.Cabinet);
        var meeting = await MeetingAsync(client, body, Today.AddDays(3));
        var contract = await Factory.ContractIdAsync("SC-2021-0002");
        var decision = await DecisionAsync(client, contract, Unique("Award decision"), DecisionKind.Award);
        Redirected(await AddStepAsync(client, decision, GovernanceAction.Decide, meetingId: meeting), $"/Governance/Decisions/{decision}#route");
        Redirected(await AddItemAsync(client, meeting, GovernanceAction.Decide, decisionId: decision), $"/Governance/Meetings/{meeting}#agenda");
        return new Ids(body, meeting, decision, contract);
    }

    private static string[] ReadPages(Ids ids) =>
    [
        "/Governance", "/Governance/Meetings", "/Governance/Decisions", "/Governance/Bodies", $"/Governance/Bodies/Edit/{ids.Body}",
        $"/Governance/Meetings/{ids.Meeting}", $"/Governance/Decisions/{ids.Decision}", $"/Contracts/Details/{ids.Contract}",
    ];

    private static readonly string[] EditTexts =
    [
        "Add a decision-making body", "Schedule a meeting", "Record a decision", "Add step", "Record outcome", "Add an item",
        "Create cover sheet", "Reschedule or retitle", "Change the decision's details", "Save changes", "Remove",
    ];

    private static void AssertRefused(HtmlPage page)
    {
        Assert.True(page.Status == HttpStatusCode.Forbidden
            || (page.Status == HttpStatusCode.Redirect && page.Location!.StartsWith("/Account/AccessDenied", StringComparison.Ordinal)),
            $"Expected 403 or a redirect to AccessDenied, got {(int)page.Status} {page.Location}");
    }

    [Theory]
    [MemberData(nameof(NonEditors))]
    public async Task Others_read_every_governance_page_without_edit_controls(string user)
    {
        var ids = await ArrangeAsync();
        var client = await Factory.SignedInClientAsync(user);
        foreach (var url in ReadPages(ids))
        {
            var page = await client.GetPageAsync(url);
            Assert.True(page.Status == HttpStatusCode.OK, $"{url} answered {(int)page.Status}");
            // On the contract page, only the governance section is ours: commissioners edit the rest.
            var scope = url.StartsWith("/Contracts", StringComparison.Ordinal) ? "#contract-governance" : "main";
            Assert.NotNull(page.Find(scope));
            var controls = page.FindAll($"{scope} a, {scope} button").Select(e => Browser.Normalise(e.TextContent)).ToList();
            foreach (var text in EditTexts)
                Assert.DoesNotContain(controls, c => c.StartsWith(text, StringComparison.Ordinal));
            Assert.Empty(page.FindAll($"{scope} form[method='post']"));
        }
        foreach (var url in new[] { "/Governance/Bodies/Create", "/Governance/Meetings/Create", $"/Governance/Meetings/Edit/{ids.Meeting}",
            $"/Governance/Decisions/Create?contractId={ids.Contract}", $"/Governance/Decisions/Edit/{ids.Decision}" })
            AssertRefused(await client.GetPageAsync(url));
    }

    [Theory]
    [MemberData(nameof(NonEditors))]
    public async Task Others_posting_governance_forms_are_refused_and_change_nothing(string user)
    {
        var ids = await ArrangeAsync();
        var before = await StateAsync(ids);
        var secretary = await Factory.SignedInClientAsync(Secretary);
        var meetingVersion = (await LoadMeetingAsync(Factory, ids.Meeting)).Version.ToString();
        var decisionVersion = (await LoadDecisionAsync(Factory, ids.Decision)).Version.ToString();
        var bodyForm = (await secretary.GetPageAsync($"/Governance/Bodies/Edit/{ids.Body}")).Form().Remove(Browser.TokenName).Set("Input.Name", "Renamed");
        var meetingForm = (await secretary.GetPageAsync($"/Governance/Meetings/Edit/{ids.Meeting}")).Form().Remove(Browser.TokenName).Set("Input.Title", "Retitled");
        var decisionForm = (await secretary.GetPageAsync($"/Governance/Decisions/Edit/{ids.Decision}")).Form().Remove(Browser.TokenName).Set("Input.Title", "Retitled");
        var client = await Factory.SignedInClientAsync(user);

        var posts = new (string Url, FormFields Fields)[]
        {
            ("/Governance/Bodies/Create", new FormFields { { "Input.Name", Unique("Body by " + user) }, { "Input.Kind", "Cabinet" } }),
            ($"/Governance/Bodies/Edit/{ids.Body}", bodyForm),
            ("/Governance/Meetings/Create", Date("Input.Date", Today).Also("Input.BodyId", S(ids.Body))),
            ($"/Governance/Meetings/Edit/{ids.Meeting}", meetingForm),
            ($"/Governance/Meetings/{ids.Meeting}?handler=Add", new FormFields { { "Version", meetingVersion }, { "Item.Title", "Item" }, { "Item.Action", "Note" } }),
            ($"/Governance/Meetings/{ids.Meeting}?handler=Remove", new FormFields { { "Version", meetingVersion }, { "Position", "1" } }),
            ($"/Governance/Meetings/{ids.Meeting}?handler=Number", new FormFields { { "Version", meetingVersion }, { "Renumber.Position", "1" }, { "Renumber.Number", "9" } }),
            ($"/Governance/Decisions/Create?contractId={ids.Contract}", new FormFields { { "ContractId", S(ids.Contract) }, { "Input.Kind", "Award" }, { "Input.Title", "By " + user } }),
            ($"/Governance/Decisions/Edit/{ids.Decision}", decisionForm),
            ($"/Governance/Decisions/{ids.Decision}?handler=AddStep", Date("Step.Date", Today).Also("Step.BodyId", S(ids.Body)).Also("Step.Action", "Note").Also("Version", decisionVersion)),
            ($"/Governance/Decisions/{ids.Decision}?handler=Reschedule", Date("Move.Date", Today.AddDays(9)).Also("Move.Position", "1").Also("Version", decisionVersion)),
            ($"/Governance/Decisions/{ids.Decision}?handler=RemoveStep", new FormFields { { "Version", decisionVersion }, { "Remove.Position", "1" } }),
        };
        foreach (var (url, fields) in posts)
        {
            var page = await client.PostFormAsync(url, fields, tokenFrom: "/Governance");
            AssertRefused(page);
        }
        Assert.Equal(before, await StateAsync(ids));
    }

    [Theory]
    [MemberData(nameof(Editors))]
    public async Task Board_secretaries_and_administrators_see_the_controls_and_may_post(string user)
    {
        var ids = await ArrangeAsync();
        var client = await Factory.SignedInClientAsync(user);
        var meeting = await client.GetPageAsync($"/Governance/Meetings/{ids.Meeting}");
        Assert.NotNull(meeting.FindAll("#agenda-table a").SingleOrDefault(a => a.TextContent == "Create cover sheet"));
        var contract = await client.GetPageAsync($"/Contracts/Details/{ids.Contract}");
        Assert.Equal($"/Governance/Decisions/Create?contractId={ids.Contract}", contract.FindAll("#contract-governance a").Single(a => Browser.Normalise(a.TextContent) == "Record a decision").GetAttribute("href"));

        var body = await BodyAsync(Factory, client, Unique("Body by " + user), DecisionBodyKind.Other);
        var added = await MeetingAsync(client, body, Today.AddDays(1));
        Redirected(await AddItemAsync(client, added, GovernanceAction.Note, "Item by " + user), $"/Governance/Meetings/{added}#agenda");
        Redirected(await AddStepAsync(client, ids.Decision, GovernanceAction.Note, bodyId: body, date: Today.AddDays(1)), $"/Governance/Decisions/{ids.Decision}#route");
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        var ids = await ArrangeAsync();
        var client = Factory.NewClient();
        foreach (var url in ReadPages(ids).Append("/Governance/Bodies/Create").Append($"/Governance/Decisions/Create?contractId={ids.Contract}"))
        {
            var page = await client.GetPageAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, page.Status);
            Assert.StartsWith("/Account/SignIn", page.Location);
        }
    }

    private async Task<string> StateAsync(Ids ids)
    {
        await using var scope = Factory.OpenDb();
        var db = scope.Db;
        var body = await db.DecisionBodies.SingleAsync(b => b.Id == ids.Body);
        var meeting = await db.Meetings.SingleAsync(m => m.Id == ids.Meeting);
        var decision = await db.ContractDecisions.SingleAsync(d => d.Id == ids.Decision);
        return string.Join("|", await db.DecisionBodies.CountAsync(), await db.Meetings.CountAsync(), await db.ContractDecisions.CountAsync(),
            body.Version, meeting.Version, decision.Version, meeting.Agenda.Count, decision.Steps.Count);
    }
}
