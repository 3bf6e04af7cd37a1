using System.Text.RegularExpressions;
using Commissioning.Domain.Governance;
using Commissioning.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Commissioning.BrowserTests;

/// <summary>
/// Issue 18: a board secretary prepares a cover sheet on the task list, as a person clicks: from the
/// meeting page to the issued PDF in at most six pages; the sections' statuses as each is
/// finished; the follow-up questions revealed by their answers (and shown without a script); a
/// section refused for a mistake and then saved with what was typed; hand-entered Governance rows
/// kept through "Add another row"; issuing refused while sections are unfinished, then issued.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CoverSheetEditorTests(AppServer app, ITestOutputHelper output)
{
    private const string Presenter = "Will Blandamer, Executive Director of Strategic Commissioning";

    /// <summary>A new meeting of the Strategic Commissioning Board a few weeks ahead, under a title no other test looks for.</summary>
    private Task<int> NewBoardMeetingAsync(int daysAhead) => NewBoardMeetingAsync(app, daysAhead);

    private static async Task<int> NewBoardMeetingAsync(AppServer app, int daysAhead)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommissioningDbContext>();
        var body = await db.DecisionBodies.FirstAsync(b => b.Kind == DecisionBodyKind.StrategicCommissioningBoard);
        var meeting = new Meeting(body, DateOnly.FromDateTime(DateTime.Today).AddDays(daysAhead), "Board papers " + Guid.NewGuid().ToString("N")[..8]);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();
        return meeting.Id;
    }

    /// <summary>For the form journeys: a paper not about a decision added to a new meeting with its sheet, and its Governance page opened.</summary>
    internal static async Task OpenNewPapersGovernanceAsync(IPage page, AppServer app)
    {
        await page.GotoAsync($"/Governance/Meetings/{await NewBoardMeetingAsync(app, daysAhead: 50)}");
        await AddItemWithSheetAsync(page, decision: null, "Form and Function of the Local Care Organisation", "Consider", "17");
        await OpenSectionAsync(page, "Governance");
    }

    private async Task ShotAsync(IPage page, string name) =>
        output.WriteLine($"Screenshot {name}: {await Browse.ScreenshotAsync(app, page, "cover sheet editor " + name)}");

    private static async Task<string[]> StatusesAsync(IPage page) =>
        (await page.Locator(".govuk-task-list__item").AllInnerTextsAsync()).Select(t => Regex.Replace(t, @"\s+", " ").Trim()).ToArray();

    private static Task OpenSectionAsync(IPage page, string section) =>
        Browse.ClickToNextPageAsync(page, page.Locator(".govuk-task-list").GetByRole(AriaRole.Link, new() { Name = section, Exact = true }));

    /// <summary>Adds an item from the meeting page with "Start a cover sheet" ticked, landing on its task list.</summary>
    private static async Task AddItemWithSheetAsync(IPage page, string? decision, string? title, string action, string number)
    {
        if (decision is not null)
        {
            var select = page.GetByLabel("Contract decision", new() { Exact = true });
            var label = (await select.Locator("option").AllInnerTextsAsync()).First(o => o.Contains(decision, StringComparison.Ordinal));
            await select.SelectOptionAsync(new SelectOptionValue { Label = label });
        }
        if (title is not null) await Fill.FieldAsync(page.Locator("#add-item ~ form").GetByLabel("Title", new() { Exact = true }), title);
        await page.Locator("#add-item ~ form").GetByLabel(action, new() { Exact = true }).CheckAsync();
        await Fill.FieldAsync(page, "Item number (optional)", number);
        await Fill.FieldAsync(page, "Presenter (optional)", Presenter);
        await page.GetByLabel("Start a cover sheet", new() { Exact = true }).CheckAsync();
        await Fill.PressAsync(page, "Add an item");
        Assert.Matches(@"^/CoverSheets/\d+/Edit$", new Uri(page.Url).AbsolutePath);
    }

    private static async Task FillSummaryAsync(IPage page)
    {
        await Fill.FieldAsync(page, "Executive Summary", "The Board is asked to approve the renewal of the contract for ten years.");
        await Fill.FieldAsync(page, "Recommendations", "Approve the renewal.\nNote the equality impact assessment.");
    }

    /// <summary>Every Yes/No/N/A question answered No (the impact assessment's completion N/A), every written one answered.</summary>
    private static async Task FillImplicationsAsync(IPage page)
    {
        foreach (var q in ImplicationQuestions.All.Where(q => q.AlwaysRequired))
        {
            var name = $"Input.Answers[{q.Key}]";
            if (q.Kind == AnswerKind.FreeText)
                await page.Locator($"textarea[name='{name}']").FillAsync("In line with the strategy.");
            else
                await page.Locator($"input[type=radio][name='{name}'][value='{(q.Key == ImplicationQuestions.ImpactAssessmentCompleted ? "NotApplicable" : "No")}']").CheckAsync();
        }
    }

    [Fact]
    public async Task A_new_sheet_goes_from_the_meeting_page_to_an_issued_PDF_in_at_most_six_pages()
    {
        var meeting = await NewBoardMeetingAsync(daysAhead: 40);
        await using var context = await app.NewContextAsync(AppPages.Secretary);
        var page = await context.NewPageAsync();
        var visited = new List<string>();
        page.FrameNavigated += (_, frame) =>
        {
            if (frame == page.MainFrame) visited.Add(new Uri(frame.Url).AbsolutePath);
        };

        await page.GotoAsync($"/Governance/Meetings/{meeting}");
        // The Persona decision: its last sheet gives the author, the meeting page the presenter, the agenda the title, action and number.
        await AddItemWithSheetAsync(page, "Persona Care and Support Limited", title: null, "Approve", "6");
        Assert.Equal(["About the item Completed", "Summary and recommendations Not yet started", "Links and assurance Not yet started",
            "Implications Not yet started", "Governance Completed"], await StatusesAsync(page));
        await ShotAsync(page, "journey 1 task list");

        await OpenSectionAsync(page, "Summary and recommendations");
        await FillSummaryAsync(page);
        await Fill.PressAsync(page, "Save and continue");
        await OpenSectionAsync(page, "Links and assurance");
        await page.GetByRole(AriaRole.Group, new() { Name = CoverSheetLabels.AssuranceFrameworkQuestion }).GetByLabel("No", new() { Exact = true }).CheckAsync();
        await Fill.PressAsync(page, "Save and continue");
        await OpenSectionAsync(page, "Implications");
        await FillImplicationsAsync(page);
        await Fill.PressAsync(page, "Save and continue");
        Assert.All(await StatusesAsync(page), s => Assert.EndsWith(" Completed", s));
        await ShotAsync(page, "journey 2 task list complete");

        await Fill.PressAsync(page, "Save and issue version 1");
        Assert.Matches(@"^/CoverSheets/\d+$", new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Version 1 issued");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download PDF", Exact = true }).ClickAsync());
        var pdf = await File.ReadAllBytesAsync(await download.PathAsync());
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString(pdf, 0, 5));

        var pages = visited.Distinct().ToList();
        output.WriteLine($"Pages from the meeting to the PDF ({pages.Count}): {string.Join(" → ", pages)}");
        Assert.True(pages.Count <= 6, $"{pages.Count} pages: {string.Join(", ", pages)}");
    }

    [Fact]
    public async Task Sections_are_finished_one_by_one_with_reveals_a_corrected_mistake_and_governance_rows_then_issued()
    {
        var meeting = await NewBoardMeetingAsync(daysAhead: 45);
        await using var context = await app.NewContextAsync(AppPages.Secretary);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/Governance/Meetings/{meeting}");
        // A paper not about a contract decision: its Governance rows are entered by hand.
        await AddItemWithSheetAsync(page, decision: null, "Form and Function of the Local Care Organisation", "Consider", "17");
        Assert.Equal(["About the item Incomplete", "Summary and recommendations Not yet started", "Links and assurance Not yet started",
            "Implications Not yet started", "Governance Completed"], await StatusesAsync(page));

        // Issuing now is refused, naming the unfinished sections (not every field), each linking to its section's page.
        await Fill.PressAsync(page, "Save and issue version 1");
        var errors = page.Locator(".govuk-error-summary__list li");
        Assert.Equal(["About the item is incomplete", "Summary and recommendations has not been started", "Links and assurance has not been started",
            "Implications has not been started"], (await errors.AllInnerTextsAsync()).Select(t => t.Trim()).ToArray());
        Assert.EndsWith("/Edit/About", await errors.First.Locator("a").GetAttributeAsync("href"));
        await ShotAsync(page, "task list refused");

        // About the item: "If confidential, why" appears only once Yes is chosen.
        await OpenSectionAsync(page, "About the item");
        var why = page.GetByLabel("If confidential, why", new() { Exact = true });
        await Assertions.Expect(why).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = CoverSheetLabels.ConfidentialStatus }).GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await Assertions.Expect(why).ToBeVisibleAsync();
        await why.FillAsync("Section 43: commercial interests");
        await Fill.FieldAsync(page, "Author", "Julie Gonda, Director of Community Commissioning (DASS)");
        // A mistake: the title too long. The page comes back with the message and everything typed, the reason still shown.
        await Fill.FieldAsync(page, "Title", new string('T', CoverSheetVersion.TitleMaxLength + 1));
        await Fill.PressAsync(page, "Save and continue");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync($"The title must be {CoverSheetVersion.TitleMaxLength} characters or fewer");
        await Assertions.Expect(why).ToBeVisibleAsync();
        await Assertions.Expect(why).ToHaveValueAsync("Section 43: commercial interests");
        await Assertions.Expect(page.GetByLabel("Author", new() { Exact = true })).ToHaveValueAsync("Julie Gonda, Director of Community Commissioning (DASS)");
        await ShotAsync(page, "about the item error");
        await Fill.FieldAsync(page, "Title", "Form and Function of the Local Care Organisation");
        await Fill.PressAsync(page, "Save and continue");
        Assert.Matches(@"^/CoverSheets/\d+/Edit$", new Uri(page.Url).AbsolutePath);
        Assert.Equal("About the item Completed", (await StatusesAsync(page))[0]);

        // Summary and recommendations.
        await OpenSectionAsync(page, "Summary and recommendations");
        await ShotAsync(page, "summary");
        await FillSummaryAsync(page);
        await Fill.PressAsync(page, "Save and continue");
        Assert.Equal("Summary and recommendations Completed", (await StatusesAsync(page))[1]);

        // Links and assurance: "If yes, state which risk" appears only with Yes; Yes with no risk keeps the section Incomplete.
        await OpenSectionAsync(page, "Links and assurance");
        var risk = page.GetByLabel(CoverSheetLabels.AssuranceFrameworkPrompt, new() { Exact = true });
        await Assertions.Expect(risk).ToBeHiddenAsync();
        await page.GetByRole(AriaRole.Group, new() { Name = CoverSheetLabels.AssuranceFrameworkQuestion }).GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        await Assertions.Expect(risk).ToBeVisibleAsync();
        await ShotAsync(page, "links");
        await Fill.PressAsync(page, "Save and continue");
        Assert.Equal("Links and assurance Incomplete", (await StatusesAsync(page))[2]);
        await OpenSectionAsync(page, "Links and assurance");
        await Assertions.Expect(page.Locator("#section-missing")).ToContainTextAsync("State which Assurance Framework risk the report addresses.");
        await risk.FillAsync("Risk 4: the market's sustainability");
        await Fill.PressAsync(page, "Save and continue");
        Assert.Equal("Links and assurance Completed", (await StatusesAsync(page))[2]);

        // Implications: the reason for not completing an impact assessment appears under No.
        await OpenSectionAsync(page, "Implications");
        await FillImplicationsAsync(page);
        var reason = page.GetByLabel(ImplicationQuestions.Get(ImplicationQuestions.ImpactAssessmentNotCompletedReason).Text + " (if it applies)", new() { Exact = true });
        await Assertions.Expect(reason).ToBeHiddenAsync();
        await page.Locator($"input[type=radio][name='Input.Answers[{ImplicationQuestions.ImpactAssessmentCompleted}]'][value='No']").CheckAsync();
        await Assertions.Expect(reason).ToBeVisibleAsync();
        await reason.FillAsync("It is done when the service model is agreed.");
        await ShotAsync(page, "implications");
        await Fill.PressAsync(page, "Save and continue");
        Assert.Equal("Implications Completed", (await StatusesAsync(page))[3]);

        // Governance: rows by hand; "Add another row" keeps the first as typed, and "Save and continue" saves both.
        await OpenSectionAsync(page, "Governance");
        await Fill.FieldAsync(page, "Meeting 1", "Scrutiny Review Panel");
        await Fill.DateAsync(page, "Rows-0-Date", new DateOnly(2015, 6, 2));
        await Fill.FieldAsync(page, "Outcome of meeting 1", "Recommended");
        await Fill.PressAsync(page, "Add another row");
        await Assertions.Expect(page.Locator("#Rows-0-Meeting")).ToHaveValueAsync("Scrutiny Review Panel");
        await Assertions.Expect(page.Locator("#Rows-0-Date-Year")).ToHaveValueAsync("2015");
        await page.Locator("#Rows-1-Meeting").FillAsync("Cabinet");
        await Fill.DateAsync(page, "Rows-1-Date", new DateOnly(2015, 6, 16));
        await page.Locator("#Rows-1-Outcome").SelectOptionAsync(new SelectOptionValue { Label = "Approved" });
        await ShotAsync(page, "governance rows");
        await Fill.PressAsync(page, "Save and continue");
        Assert.Matches(@"^/CoverSheets/\d+/Edit$", new Uri(page.Url).AbsolutePath);
        await OpenSectionAsync(page, "Governance");
        Assert.Equal(["Cabinet", "Scrutiny Review Panel"], await page.Locator("input[name$='.Meeting']").EvaluateAllAsync<string[]>("es => es.map(e => e.value)"));
        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Back to the task list" }));

        // Every section done: issued.
        Assert.All(await StatusesAsync(page), s => Assert.EndsWith(" Completed", s));
        await ShotAsync(page, "task list complete");
        await Fill.PressAsync(page, "Save and issue version 1");
        Assert.Matches(@"^/CoverSheets/\d+$", new Uri(page.Url).AbsolutePath);
        await Assertions.Expect(page.Locator(".govuk-notification-banner")).ToContainTextAsync("Version 1 issued");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Scrutiny Review Panel");
    }

    [Fact]
    public async Task Without_a_script_the_follow_up_questions_simply_show()
    {
        var sheetPath = await app.ResolveAsync("/CoverSheets/{sheet-of-meeting:Strategic Commissioning Board}/Edit");
        await using var signedIn = await app.NewContextAsync(AppPages.Secretary);
        await using var context = await app.Browser.NewContextAsync(new()
        {
            BaseURL = app.BaseAddress.ToString(),
            JavaScriptEnabled = false,
            StorageState = await signedIn.StorageStateAsync(),
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(sheetPath + "/About");
        await Assertions.Expect(page.GetByLabel("If confidential, why", new() { Exact = true })).ToBeVisibleAsync();
        await page.GotoAsync(sheetPath + "/Links");
        await Assertions.Expect(page.GetByLabel(CoverSheetLabels.AssuranceFrameworkPrompt, new() { Exact = true })).ToBeVisibleAsync();
        await page.GotoAsync(sheetPath + "/Implications");
        await Assertions.Expect(page.GetByLabel(ImplicationQuestions.Get(ImplicationQuestions.ImpactAssessmentDetails).Text + " (if it applies)", new() { Exact = true })).ToBeVisibleAsync();
        await ShotAsync(page, "implications without a script");
    }
}
