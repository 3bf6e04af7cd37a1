using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Commissioning.BrowserTests;

/// <summary>
/// A board secretary's meeting, clicked through as a person would: scheduling a second meeting of a body on one day
/// through the confirmation; "Add an item" starting its cover sheet; attendance, declarations and minutes recorded
/// and read back on the meeting page. Each form is first sent with a mistake: the page comes back with what was
/// typed, and the main button then saves it.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class MeetingJourneyTests(AppServer app, ITestOutputHelper output)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.Today);

    [GeneratedRegex(@"/Governance/Meetings/(\d+)$")]
    private static partial Regex MeetingAddress();

    private async Task ShotAsync(IPage page, string name) =>
        output.WriteLine($"{name}: {await Browse.ScreenshotAsync(app, page, "meetings " + name)}");

    private static ILocator Field(IPage page, string label) => page.GetByLabel(label, new() { Exact = true });

    /// <summary>Schedules a meeting of <paramref name="body"/> through "Schedule a meeting"; returns its id.</summary>
    private static async Task<int> ScheduleAsync(IPage page, string body, DateOnly date, string title)
    {
        await page.GotoAsync("/Governance/Meetings/Create");
        await Fill.FieldAsync(page, "Decision-making body", body);
        await Fill.DateAsync(page, "Input-Date", date);
        await Fill.FieldAsync(page, "Title (optional)", title);
        await Fill.PressAsync(page, "Schedule meeting");
        return int.Parse(MeetingAddress().Match(page.Url).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_second_meeting_of_a_body_on_one_day_is_scheduled_through_the_confirmation()
    {
        await using var context = await app.NewContextAsync(AppPages.Secretary);
        var page = await context.NewPageAsync();
        var date = Today.AddDays(40);
        var marker = "Executive Board " + Guid.NewGuid().ToString("N")[..6];
        await ScheduleAsync(page, "Executive Board", date, marker + " (first)");

        await page.GotoAsync("/Governance/Meetings/Create");
        await Fill.FieldAsync(page, "Decision-making body", "Executive Board");
        await Fill.DateAsync(page, "Input-Date", date);
        await Fill.FieldAsync(page, "Title (optional)", marker + " (extraordinary)");
        await Fill.FieldAsync(page, "Start time (optional)", "25:00");
        await Fill.FieldAsync(page, "Venue (optional)", "Committee Room 2, Town Hall");
        await Field(page, "Members can join online").CheckAsync();
        await Fill.FieldAsync(page, "Joining link (if online)", "https://meet.example.gov.uk/eb-extra");
        await Fill.FieldAsync(page, "Chair (optional)", "Cllr Andrea Simpson");
        await Fill.PressAsync(page, "Schedule meeting");

        // A mistake first: the time. Everything typed is still there.
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the start time as a time of day");
        await Assertions.Expect(Field(page, "Venue (optional)")).ToHaveValueAsync("Committee Room 2, Town Hall");
        await Assertions.Expect(Field(page, "Joining link (if online)")).ToHaveValueAsync("https://meet.example.gov.uk/eb-extra");
        await Assertions.Expect(Field(page, "Members can join online")).ToBeCheckedAsync();
        await Fill.FieldAsync(page, "Start time (optional)", "16:30");
        await Fill.PressAsync(page, "Schedule meeting");

        // The body already meets that day: a warning, nothing saved, and what was typed kept.
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Executive Board already has a meeting on");
        await Assertions.Expect(page.Locator("#second-meeting")).ToContainTextAsync(marker + " (first)");
        await Assertions.Expect(Field(page, "Start time (optional)")).ToHaveValueAsync("16:30");
        await Assertions.Expect(Field(page, "Title (optional)")).ToHaveValueAsync(marker + " (extraordinary)");
        await ShotAsync(page, "second meeting warning");
        Assert.EndsWith("/Governance/Meetings/Create", page.Url);

        await Field(page, "Yes, schedule a second meeting on this day").CheckAsync();
        await Fill.PressAsync(page, "Schedule meeting");
        Assert.Matches(MeetingAddress(), page.Url);
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(marker + " (extraordinary)");
        var details = page.Locator("#meeting-details");
        await Assertions.Expect(details).ToContainTextAsync("4:30pm");
        await Assertions.Expect(details).ToContainTextAsync("Committee Room 2, Town Hall, and online");
        await Assertions.Expect(details).ToContainTextAsync("https://meet.example.gov.uk/eb-extra");
        await Assertions.Expect(details).ToContainTextAsync("Cllr Andrea Simpson");
        await ShotAsync(page, "meeting with details");

        // Both are listed on that day.
        await page.GotoAsync("/Governance/Meetings");
        await Assertions.Expect(page.Locator("#upcoming-table a", new() { HasTextString = marker })).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task Add_an_item_with_start_a_cover_sheet_lands_on_the_sheet_and_the_item_shows_on_the_meeting_page()
    {
        await using var context = await app.NewContextAsync(AppPages.Secretary);
        var page = await context.NewPageAsync();
        var title = "Form and Function " + Guid.NewGuid().ToString("N")[..6];
        var meeting = await ScheduleAsync(page, "Strategic Commissioning Board", Today.AddDays(50), "SCB " + title);

        // Ticked by default; the title is missing the first time.
        await Assertions.Expect(Field(page, "Start a cover sheet")).ToBeCheckedAsync();
        await page.GetByLabel("Consider", new() { Exact = true }).CheckAsync();
        await Fill.FieldAsync(page, "Item number (optional)", "17");
        await Fill.FieldAsync(page, "Presenter (optional)", "Will Blandamer, Executive Director of Strategic Commissioning");
        await Fill.PressAsync(page, "Add an item");
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("Enter the item's title");
        await Assertions.Expect(Field(page, "Presenter (optional)")).ToHaveValueAsync("Will Blandamer, Executive Director of Strategic Commissioning");
        await Assertions.Expect(Field(page, "Item number (optional)")).ToHaveValueAsync("17");
        await Assertions.Expect(Field(page, "Start a cover sheet")).ToBeCheckedAsync();
        await ShotAsync(page, "add an item error");

        await Fill.FieldAsync(page, "Title", title);
        await Fill.PressAsync(page, "Add an item");
        Assert.Matches(@"/CoverSheets/\d+/Edit$", page.Url);
        await ShotAsync(page, "new sheet editor");

        await page.GotoAsync($"/Governance/Meetings/{meeting}");
        var agenda = page.Locator("#agenda-table");
        await Assertions.Expect(agenda).ToContainTextAsync(title);
        await Assertions.Expect(agenda).ToContainTextAsync("Presented by Will Blandamer");
        await Assertions.Expect(agenda.GetByRole(AriaRole.Link, new() { Name = "View cover sheet" })).ToHaveCountAsync(1);
        await ShotAsync(page, "agenda with item");
    }

    [Fact]
    public async Task Attendance_declarations_and_minutes_are_entered_and_read_back_on_the_meeting_page()
    {
        await using var context = await app.NewContextAsync(AppPages.Secretary);
        var page = await context.NewPageAsync();
        var marker = Guid.NewGuid().ToString("N")[..6];
        // Today's meeting: its agenda is still open, and what happened can be recorded.
        var meeting = await ScheduleAsync(page, "Community Commissioning Management Team (CCMT)", Today, "CCMT " + marker);
        await Field(page, "Start a cover sheet").UncheckAsync();
        await Fill.FieldAsync(page, "Title", "Day services review " + marker);
        await page.GetByLabel("Note", new() { Exact = true }).CheckAsync();
        await Fill.PressAsync(page, "Add an item");
        Assert.EndsWith($"/Governance/Meetings/{meeting}#agenda", page.Url);

        // Attendance: one name in both lists first.
        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Record attendance", Exact = true }));
        await Fill.FieldAsync(page, "Members present", "Cllr Andrea Simpson (Chair)\nJulie Gonda");
        await Fill.FieldAsync(page, "Apologies", "Julie Gonda");
        await Fill.PressAsync(page, "Save attendance");
        await Assertions.Expect(page.Locator("#Input-Apologies-error")).ToContainTextAsync("Julie Gonda is listed as present and as sending apologies");
        await Assertions.Expect(Field(page, "Members present")).ToHaveValueAsync("Cllr Andrea Simpson (Chair)\nJulie Gonda");
        await ShotAsync(page, "attendance error");
        await Fill.FieldAsync(page, "Apologies", "Dr Jeff Schryer");
        await Fill.PressAsync(page, "Save attendance");
        Assert.EndsWith($"/Governance/Meetings/{meeting}#attendance", page.Url);
        await Assertions.Expect(page.Locator("#attendance-list")).ToContainTextAsync("Cllr Andrea Simpson (Chair)");
        await Assertions.Expect(page.Locator("#attendance-list")).ToContainTextAsync("Dr Jeff Schryer");

        // Declarations and minutes, from the item's page.
        await Browse.ClickToNextPageAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Record declarations and minutes for Day services review " + marker }));
        await Fill.FieldAsync(page, "Member", "Cllr Andrea Simpson");
        await Fill.PressAsync(page, "Add declaration");
        await Assertions.Expect(page.Locator("#Declaration-Interest-error")).ToContainTextAsync("Enter the interest declared");
        await Assertions.Expect(Field(page, "Member")).ToHaveValueAsync("Cllr Andrea Simpson");
        await ShotAsync(page, "declaration error");
        await Fill.FieldAsync(page, "Interest declared", "A relative uses the day service");
        await Fill.PressAsync(page, "Add declaration");
        await Assertions.Expect(page.Locator("#declarations-table")).ToContainTextAsync("A relative uses the day service");

        await Fill.FieldAsync(page, "Minute (optional)", "The team noted the review and asked for a report in March.");
        await Fill.PressAsync(page, "Save minutes");
        await Assertions.Expect(page.Locator("#Minutes-Outcome-error")).ToContainTextAsync("Choose what the meeting did");
        await Assertions.Expect(Field(page, "Minute (optional)")).ToHaveValueAsync("The team noted the review and asked for a report in March.");
        await page.GetByLabel("Noted", new() { Exact = true }).CheckAsync();
        await Fill.PressAsync(page, "Save minutes");
        await ShotAsync(page, "item after minutes");

        await page.GotoAsync($"/Governance/Meetings/{meeting}");
        var minutes = page.Locator("#minutes ~ .app-minute");
        await Assertions.Expect(minutes).ToContainTextAsync("Cllr Andrea Simpson: A relative uses the day service");
        await Assertions.Expect(minutes).ToContainTextAsync("Noted");
        await Assertions.Expect(minutes).ToContainTextAsync("The team noted the review and asked for a report in March.");
        await ShotAsync(page, "meeting with minutes");
    }
}
