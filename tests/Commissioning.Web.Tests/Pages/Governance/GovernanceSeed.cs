using System.Globalization;
using System.Net;
using Commissioning.Domain.Governance;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Web.Tests.Pages.Governance;

/// <summary>
/// The application on a clock the test sets: Monday 3 June 2030, 09:00 UTC, unless moved. A
/// session lasts 12 hours of that clock, so a test that moves it by days signs in again.
/// One for all the governance test classes (<see cref="GovernanceCollection"/>); each test starts
/// from <see cref="Fresh"/>: the seeded database and the clock at its start.
/// </summary>
public sealed class GovernanceApp : IDisposable
{
    public static readonly DateOnly Start = new(2030, 6, 3);
    private static readonly DateTimeOffset StartTime = new(2030, 6, 3, 9, 0, 0, TimeSpan.Zero);

    public GovernanceApp() => Factory = new CommissioningFactory { Time = Clock };

    public MovableClock Clock { get; } = new(StartTime);

    /// <summary>Puts the clock back to its start and the database back as seeded; a test class starts each test with it.</summary>
    public GovernanceApp Fresh()
    {
        Clock.Set(StartTime);
        Factory.ResetDatabase();
        return this;
    }
    public CommissioningFactory Factory { get; }

    public void Dispose() => Factory.Dispose();
}

[CollectionDefinition(Name)]
public sealed class GovernanceCollection : ICollectionFixture<GovernanceApp>
{
    public const string Name = "Governance";
}

public sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;
    public override DateTimeOffset GetUtcNow() => _now;
    public void Set(DateTimeOffset now) => _now = now;
}

/// <summary>Builds bodies, meetings and decisions through the pages, as a board secretary would.</summary>
public static class GovernanceSeed
{
    public static string S(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>A name no demo body and no other test uses.</summary>
    public static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..6]}";

    public static async Task<int> BodyAsync(CommissioningFactory factory, HttpClient client, string name, DecisionBodyKind kind)
    {
        var done = await client.PostFormAsync("/Governance/Bodies/Create", new FormFields { { "Input.Name", name }, { "Input.Kind", kind.ToString() } });
        Assert.True(done.Status == HttpStatusCode.Redirect, $"Adding the body answered {(int)done.Status}: {string.Join(" | ", done.ErrorSummary)}");
        await using var scope = factory.OpenDb();
        return await scope.Db.DecisionBodies.Where(b => b.Name == name).Select(b => b.Id).SingleAsync();
    }

    public static FormFields Date(string prefix, DateOnly d) => new()
    {
        { prefix + ".Day", S(d.Day) }, { prefix + ".Month", S(d.Month) }, { prefix + ".Year", S(d.Year) },
    };

    public static async Task<int> MeetingAsync(HttpClient client, int bodyId, DateOnly date, string? title = null)
    {
        var fields = Date("Input.Date", date);
        fields.Add("Input.BodyId", S(bodyId));
        if (title is not null) fields.Add("Input.Title", title);
        var done = await client.PostFormAsync("/Governance/Meetings/Create", fields);
        Assert.True(done.Status == HttpStatusCode.Redirect, $"Scheduling answered {(int)done.Status}: {string.Join(" | ", done.ErrorSummary)}");
        Assert.Matches(@"^/Governance/Meetings/\d+$", done.Location);
        return int.Parse(done.Location!.Split('/').Last(), CultureInfo.InvariantCulture);
    }

    public static async Task<int> DecisionAsync(HttpClient client, int contractId, string title, DecisionKind kind = DecisionKind.Renewal,
        bool key = false, string? forwardPlan = null, string? reference = null)
    {
        var fields = new FormFields { { "ContractId", S(contractId) }, { "Input.Kind", kind.ToString() }, { "Input.Title", title } };
        if (key) fields.Add("Input.IsKeyDecision", "true");
        if (forwardPlan is not null) fields.Add("Input.ForwardPlanReference", forwardPlan);
        if (reference is not null) fields.Add("Input.DecisionReference", reference);
        var done = await client.PostFormAsync($"/Governance/Decisions/Create?contractId={contractId}", fields);
        Assert.True(done.Status == HttpStatusCode.Redirect, $"Recording the decision answered {(int)done.Status}: {string.Join(" | ", done.ErrorSummary)}");
        Assert.Matches(@"^/Governance/Decisions/\d+$", done.Location);
        return int.Parse(done.Location!.Split('/').Last(), CultureInfo.InvariantCulture);
    }

    /// <summary>Posts one of a page's forms with the version the page shows now, as a browser would.</summary>
    public static async Task<HtmlPage> PostAsync(HttpClient client, string url, string handler, FormFields fields, Guid? version = null)
    {
        var page = await client.GetPageAsync(url);
        fields.Set("Version", (version ?? Guid.Parse(page.Value("Version")!)).ToString());
        fields.Set(Browser.TokenName, page.Token ?? await client.TokenAsync("/Account/SignOut"));
        return await client.PostFormAsync($"{url}?handler={handler}", fields);
    }

    public static async Task<HtmlPage> AddStepAsync(HttpClient client, int decisionId, GovernanceAction action, int? meetingId = null, int? bodyId = null, DateOnly? date = null)
    {
        var fields = date is { } d ? Date("Step.Date", d) : new FormFields();
        fields.Add("Step.Action", action.ToString());
        if (meetingId is { } m) fields.Add("Step.MeetingId", S(m));
        if (bodyId is { } b) fields.Add("Step.BodyId", S(b));
        return await PostAsync(client, $"/Governance/Decisions/{decisionId}", "AddStep", fields);
    }

    public static async Task<HtmlPage> OutcomeAsync(HttpClient client, int decisionId, int position, StepOutcome outcome, string? minute = null) =>
        await PostAsync(client, $"/Governance/Decisions/{decisionId}", "Outcome", new FormFields
        {
            { "Outcome.Position", S(position) }, { "Outcome.Outcome", outcome.ToString() }, { "Outcome.Minute", minute ?? "" },
        });

    public static async Task<HtmlPage> AddItemAsync(HttpClient client, int meetingId, GovernanceAction action, string? title = null, int? decisionId = null, string? number = null) =>
        await PostAsync(client, $"/Governance/Meetings/{meetingId}", "Add", new FormFields
        {
            { "Item.DecisionId", decisionId is { } d ? S(d) : "" }, { "Item.Title", title ?? "" }, { "Item.Action", action.ToString() }, { "Item.Number", number ?? "" },
        });

    /// <summary>
    /// An item on the agenda of a meeting already held, entered as history straight into the database: the
    /// meeting page refuses to change a past agenda.
    /// </summary>
    public static async Task AddPastItemAsync(CommissioningFactory factory, int meetingId, GovernanceAction action, string? title = null, int? decisionId = null, string? number = null)
    {
        await using var scope = factory.OpenDb();
        var meeting = await scope.Db.Meetings.SingleAsync(m => m.Id == meetingId);
        Assert.True(meeting.Date < factory.Today, "Only a past meeting's agenda is entered this way; add to the others through the page.");
        if (decisionId is { } d) meeting.AddItem(await scope.Db.ContractDecisions.SingleAsync(x => x.Id == d), action, number);
        else meeting.AddItem(title!, action, number);
        await scope.Db.SaveChangesAsync();
    }

    public static void Redirected(HtmlPage page, string to)
    {
        Assert.True(page.Status == HttpStatusCode.Redirect, $"Expected a redirect, got {(int)page.Status}: {string.Join(" | ", page.ErrorSummary)}");
        Assert.Equal(to, page.Location);
    }

    // Tracking queries: owned rows come back in position order only when tracked (OwnedCollectionOrder).
    public static async Task<ContractDecision> LoadDecisionAsync(CommissioningFactory factory, int id)
    {
        await using var scope = factory.OpenDb();
        return await scope.Db.ContractDecisions.SingleAsync(d => d.Id == id);
    }

    public static async Task<Meeting> LoadMeetingAsync(CommissioningFactory factory, int id)
    {
        await using var scope = factory.OpenDb();
        return await scope.Db.Meetings.SingleAsync(m => m.Id == id);
    }
}
