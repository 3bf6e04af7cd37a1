using System.Globalization;
using System.Net;
using Commissioning.Domain.Governance;
using Commissioning.Web.Tests.Pages.Governance;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;
using static Commissioning.Web.Tests.Pages.Governance.GovernanceSeed;

namespace Commissioning.Web.Tests.Pages.CoverSheets;

/// <summary>
/// One application for every cover sheet test class, so Chromium starts once: PDF renders take
/// seconds each on a small machine. The clock stands at Monday 3 June 2030, 09:00 UTC.
/// </summary>
public sealed class CoverSheetApp : IAsyncLifetime
{
    public static readonly DateOnly Today = new(2030, 6, 3);
    public static readonly DateTimeOffset Start = new(2030, 6, 3, 9, 0, 0, TimeSpan.Zero);

    public CoverSheetApp() => Factory = new CommissioningFactory { Time = Clock };

    public MovableClock Clock { get; } = new(Start);
    public CommissioningFactory Factory { get; }

    /// <summary>Puts the clock back to its start and the database back as seeded; a test class starts each test with it.</summary>
    public CoverSheetApp Fresh()
    {
        Clock.Set(Start);
        Factory.ResetDatabase();
        return this;
    }

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class CoverSheetCollection : ICollectionFixture<CoverSheetApp>
{
    public const string Name = "Cover sheets";
}

/// <summary>A meeting's agenda item about a contract decision, made through the governance pages.</summary>
public sealed record AgendaItemIds(int Meeting, int Item, int Decision, string Title);

/// <summary>Cover sheets made and filled in through their pages, and the PDFs read back with PdfPig.</summary>
public static class CoverSheetSteps
{
    public const string PersonaTitle = "Persona Care and Support Limited - Contract Renewal 1st April 2021 - 31st March 2031";

    /// <summary>
    /// A new decision (on <paramref name="contract"/>) on a new meeting's agenda. Its route has an
    /// earlier management team step, recommended a week before (or before today), so the Governance and Reporting table has a row.
    /// With <paramref name="meeting"/>, the item goes on that meeting, whose date <paramref name="meetingDate"/> must be.
    /// </summary>
    public static async Task<AgendaItemIds> AgendaItemAsync(CommissioningFactory factory, HttpClient secretary, DateOnly meetingDate,
        string? title = null, int? meeting = null, string? number = null, string contract = "SC-2021-0001")
    {
        var meetingId = meeting ?? await MeetingAsync(secretary,
            await BodyAsync(factory, secretary, Unique("Strategic Commissioning Board"), DecisionBodyKind.StrategicCommissioningBoard), meetingDate);
        title ??= Unique("Renewal of the day services contract");
        var decision = await DecisionAsync(secretary, await factory.ContractIdAsync(contract), title, DecisionKind.Renewal, key: true);
        var team = await BodyAsync(factory, secretary, Unique("Management Team"), DecisionBodyKind.ManagementTeam);
        Redirected(await AddStepAsync(secretary, decision, GovernanceAction.Recommend, bodyId: team, date: Earlier(meetingDate, factory.Today)), $"/Governance/Decisions/{decision}#route");
        Redirected(await OutcomeAsync(secretary, decision, 1, StepOutcome.Recommended), $"/Governance/Decisions/{decision}#route");
        Redirected(await AddStepAsync(secretary, decision, GovernanceAction.Approve, meetingId: meetingId), $"/Governance/Decisions/{decision}#route");
        // A past agenda is history (the page refuses it): a past meeting's item is entered as history.
        if (meetingDate < factory.Today) await AddPastItemAsync(factory, meetingId, GovernanceAction.Approve, decisionId: decision, number: number);
        else Redirected(await AddItemAsync(secretary, meetingId, GovernanceAction.Approve, decisionId: decision, number: number), $"/Governance/Meetings/{meetingId}#agenda");
        var saved = await LoadMeetingAsync(factory, meetingId);
        return new AgendaItemIds(meetingId, saved.Agenda.Single(i => i.ContractDecisionId == decision).Id, decision, title);
    }

    /// <summary>A week before the meeting or today, whichever comes first: an outcome is recorded only once a step's date has come.</summary>
    private static DateOnly Earlier(DateOnly meeting, DateOnly today) => (meeting < today ? meeting : today).AddDays(-7);

    public static string CreateUrl(AgendaItemIds ids) => $"/CoverSheets/Create?meetingId={ids.Meeting}&itemId={ids.Item}";

    /// <summary>Presses "Create cover sheet" and returns the new sheet's id (from the redirect to its edit page).</summary>
    public static async Task<int> CreateSheetAsync(HttpClient secretary, AgendaItemIds ids)
    {
        var page = await secretary.PostFormAsync(CreateUrl(ids), new FormFields());
        Assert.True(page.Status == HttpStatusCode.Redirect, $"Creating the cover sheet answered {(int)page.Status}: {string.Join(" | ", page.ErrorSummary)}");
        Assert.Matches(@"^/CoverSheets/\d+/Edit$", page.Location);
        return int.Parse(page.Location!.Split('/')[2], CultureInfo.InvariantCulture);
    }

    /// <summary>Every field a sheet needs before it can be issued, answered plainly.</summary>
    public static FormFields Complete(FormFields form, string summary = "This report asks the Board to approve the renewal.")
    {
        form.Set("Input.Action", nameof(GovernanceAction.Approve));
        form.Set("Input.Confidential", "No");
        form.Set("Input.PresentedBy", "Will Blandamer, Executive Director of Strategic Commissioning");
        form.Set("Input.Author", "Julie Gonda, Director of Community Commissioning (DASS)");
        form.Set("Input.ExecutiveSummary", summary);
        form.Set("Input.Recommendations", "Approve the renewal.\nNote the report goes to Cabinet next.");
        form.Set("Input.AddressesRisk", "No");
        foreach (var q in ImplicationQuestions.All.Where(q => q.AlwaysRequired))
            form.Set(Answer(q.Key), q.Kind == AnswerKind.YesNoNa ? nameof(YesNoNa.No) : "It aligns with the strategy.");
        form.Set(Answer(ImplicationQuestions.ImpactAssessmentCompleted), nameof(YesNoNa.NotApplicable));
        return form;
    }

    public static string Answer(string key) => $"Input.Answers[{key}]";

    /// <summary>The task list: each section's status, and "Save and issue version N".</summary>
    public static string EditUrl(int sheet) => $"/CoverSheets/{sheet}/Edit";

    /// <summary>The four section pages that hold the sheet's own fields, in task-list order (Governance has rows of its own).</summary>
    public static readonly IReadOnlyList<string> FieldSections = ["About", "Summary", "Links", "Implications"];

    public static string SectionUrl(int sheet, string section) => $"/CoverSheets/{sheet}/Edit/{section}";

    /// <summary>
    /// Every field of the four section pages as they show them now, merged into one form, with the
    /// version token and antiforgery token: what the one-page editor used to show.
    /// </summary>
    public static async Task<FormFields> EditFormAsync(HttpClient client, int sheet)
    {
        var form = new FormFields();
        foreach (var section in FieldSections)
        {
            var page = await client.GetPageAsync(SectionUrl(sheet, section));
            Assert.True(page.Status == HttpStatusCode.OK, $"The {section} page answered {(int)page.Status}");
            foreach (var (name, value) in page.Form()) form.Set(name, value);
        }
        return form;
    }

    /// <summary>"Save and continue" on one section page; the page takes its own fields from <paramref name="form"/> and ignores the rest.</summary>
    public static Task<HtmlPage> SaveSectionAsync(HttpClient client, int sheet, string section, FormFields form) =>
        client.PostFormAsync(SectionUrl(sheet, section), form);

    /// <summary>
    /// Saves <paramref name="form"/> through every section page in turn, as a secretary would: the
    /// first with the form's own version token (so a stale form is refused there), the rest with the
    /// version the task list shows after the one before. With <paramref name="issue"/>, then presses
    /// "Save and issue" on the task list. Returns the first answer that is not a redirect, else the last.
    /// </summary>
    public static async Task<HtmlPage> SaveAsync(HttpClient client, int sheet, FormFields form, bool issue = false)
    {
        HtmlPage? answer = null;
        var version = form["Input.Version"];
        foreach (var section in FieldSections)
        {
            var posted = new FormFields();
            foreach (var (name, value) in form.Where(f => f.Key != "Input.Version")) posted.Add(name, value);
            if (version is not null) posted.Set("Input.Version", version);
            answer = await SaveSectionAsync(client, sheet, section, posted);
            if (answer.Status != HttpStatusCode.Redirect) return answer;
            version = (await client.GetPageAsync(EditUrl(sheet))).Value("Input.Version");
        }
        return issue ? await IssueAsync(client, sheet) : answer!;
    }

    /// <summary>"Save and issue version N" on the task list, as it stands now.</summary>
    public static async Task<HtmlPage> IssueAsync(HttpClient client, int sheet)
    {
        var taskList = await client.GetPageAsync(EditUrl(sheet));
        Assert.True(taskList.Status == HttpStatusCode.OK, $"The task list answered {(int)taskList.Status}");
        return await client.PostFormAsync($"{EditUrl(sheet)}?handler=Issue", taskList.Form());
    }

    /// <summary>The task list's sections and their statuses, as shown: "About the item: Completed".</summary>
    public static IReadOnlyList<string> Statuses(HtmlPage taskList) =>
        taskList.FindAll(".govuk-task-list__item").Select(li =>
            $"{Browser.Normalise(li.QuerySelector(".govuk-task-list__link")?.TextContent)}: {Browser.Normalise(li.QuerySelector(".govuk-task-list__status")?.TextContent)}").ToList();

    /// <summary>Fills in everything, saves each section, then "Save and issue"; asserts the redirect to the sheet.</summary>
    public static async Task IssueCompleteAsync(HttpClient secretary, int sheet, string summary = "This report asks the Board to approve the renewal.", Action<FormFields>? change = null)
    {
        var form = Complete(await EditFormAsync(secretary, sheet), summary);
        change?.Invoke(form);
        var done = await SaveAsync(secretary, sheet, form, issue: true);
        Assert.True(done.Status == HttpStatusCode.Redirect, $"Issuing answered {(int)done.Status}: {string.Join(" | ", done.ErrorSummary)}");
        Redirected(done, $"/CoverSheets/{sheet}");
    }

    public static async Task<CoverSheet> LoadSheetAsync(CommissioningFactory factory, int id)
    {
        await using var scope = factory.OpenDb();
        return await scope.Db.CoverSheets.SingleAsync(s => s.Id == id);
    }

    public static async Task<int> SheetCountAsync(CommissioningFactory factory)
    {
        await using var scope = factory.OpenDb();
        return await scope.Db.CoverSheets.CountAsync();
    }

    /// <summary>The demo data's issued Persona sheet for the Strategic Commissioning Board of 1 March 2021.</summary>
    public static async Task<CoverSheet> PersonaSheetAsync(CommissioningFactory factory)
    {
        await using var scope = factory.OpenDb();
        var sheets = await scope.Db.CoverSheets.ToListAsync();
        return sheets.Single(s => s.Versions[0].Title == PersonaTitle);
    }

    /// <summary>Downloads a PDF, asserting it is one.</summary>
    public static async Task<byte[]> PdfAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK,
            $"{url} answered {(int)response.StatusCode}: {Browser.Normalise(Browser.Parse(System.Text.Encoding.UTF8.GetString(bytes)).Body?.TextContent)}");
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(bytes, 0, 5));
        return bytes;
    }

    /// <summary>
    /// The text of every page in the order Chromium drew it (so a table comes out cell by cell,
    /// where PdfPig's word extractor reads a wrapped cell's lines across the row), whitespace
    /// collapsed. A space goes wherever the PDF has one, the line changes, or letters stand apart.
    /// </summary>
    public static string Text(PdfDocument pdf) => string.Join(' ', pdf.GetPages().Select(p => PageText(pdf, p.Number)));

    public static string PageText(PdfDocument pdf, int page)
    {
        var text = new System.Text.StringBuilder();
        UglyToad.PdfPig.Content.Letter? previous = null;
        foreach (var letter in pdf.GetPage(page).Letters)
        {
            if (previous is not null
                && (Math.Abs(letter.StartBaseLine.Y - previous.StartBaseLine.Y) > 1
                    || letter.StartBaseLine.X - previous.EndBaseLine.X > 0.15 * letter.PointSize
                    || letter.StartBaseLine.X < previous.StartBaseLine.X))
                text.Append(' ');
            text.Append(letter.Value);
            previous = letter;
        }
        return Browser.Normalise(text.ToString());
    }

    /// <summary>Every word PdfPig's own word extractor finds, on every page.</summary>
    public static HashSet<string> Words(PdfDocument pdf) =>
        pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToHashSet();

    /// <summary>The bottom page margin the renderer sets (20 mm), where only the footer is.</summary>
    public const double FooterMargin = 20 * 72 / 25.4;

    /// <summary>What the footer of one page says, word by word.</summary>
    public static string Footer(PdfDocument pdf, int page) =>
        string.Join(' ', pdf.GetPage(page).GetWords().Where(w => w.BoundingBox.Top < FooterMargin).Select(w => w.Text));

    public static void AssertA4Portrait(PdfDocument pdf)
    {
        foreach (var page in pdf.GetPages())
        {
            Assert.InRange(page.Width, 594, 596);
            Assert.InRange(page.Height, 841, 843);
        }
    }

    /// <summary>Every page's footer says "Page n of N", and no body text reaches into the footer margin.</summary>
    public static void AssertPageNumbers(PdfDocument pdf)
    {
        foreach (var page in pdf.GetPages())
        {
            Assert.Equal($"Page {page.Number} of {pdf.NumberOfPages}", Footer(pdf, page.Number));
            Assert.All(page.GetWords().Where(w => w.BoundingBox.Top >= FooterMargin),
                w => Assert.True(w.BoundingBox.Bottom >= FooterMargin, $"'{w.Text}' on page {page.Number} runs into the footer"));
        }
    }

    public static IToken Resolve(PdfDocument pdf, IToken token) =>
        token is IndirectReferenceToken reference ? pdf.Structure.GetObject(reference.Data).Data : token;

    /// <summary>Every structure type (/S) in the tagged tree: H1, Table, TH, P, …</summary>
    public static HashSet<string> StructureRoles(PdfDocument pdf, IToken root)
    {
        var roles = new HashSet<string>();
        var pending = new Stack<IToken>([root]);
        while (pending.TryPop(out var token))
        {
            switch (Resolve(pdf, token))
            {
                case DictionaryToken element:
                    if (element.Data.TryGetValue("S", out var role) && Resolve(pdf, role) is NameToken name) roles.Add(name.Data);
                    if (element.Data.TryGetValue("K", out var kids)) pending.Push(kids);
                    break;
                case ArrayToken array:
                    foreach (var kid in array.Data) pending.Push(kid);
                    break;
            }
        }
        return roles;
    }

    /// <summary>403, or the sign-in system's redirect to its access denied page.</summary>
    public static void AssertRefused(HtmlPage page, string what)
    {
        Assert.True(page.Status == HttpStatusCode.Forbidden
            || (page.Status == HttpStatusCode.Redirect && page.Location!.StartsWith("/Account/AccessDenied", StringComparison.Ordinal)),
            $"{what}: expected 403 or a redirect to AccessDenied, got {(int)page.Status} {page.Location}");
    }
}
