using System.Net;
using Commissioning.Domain.Governance;
using Commissioning.Web.Tests.Support;
using UglyToad.PdfPig;
using static Commissioning.Web.Tests.Pages.CoverSheets.CoverSheetSteps;
using static Commissioning.Web.Tests.Pages.Governance.GovernanceSeed;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.CoverSheets;

/// <summary>
/// A board secretary's cover sheet from start to second version, through the pages: create,
/// save drafts, issue (refused while anything is missing, each item at its field), edit again
/// into version 2 with version 1 kept as issued; and the refusals: a past meeting, an item that
/// is not about a decision, a stale form, made-up choices.
/// </summary>
[Collection(CoverSheetCollection.Name)]
public sealed class CoverSheetEditingTests(CoverSheetApp app)
{
    private readonly CoverSheetApp app = app.Fresh();

    private CommissioningFactory Factory => app.Factory;
    private static readonly DateOnly Today = CoverSheetApp.Today;

    [Fact]
    public async Task Create_save_draft_issue_then_edit_again_makes_version_2_and_keeps_version_1()
    {
        var secretary = await Factory.SignedInClientAsync(Secretary);
        var ids = await AgendaItemAsync(Factory, secretary, Today.AddDays(14), number: "6");

        // The Create page shows what the sheet will start with.
        var create = await secretary.GetPageAsync(CreateUrl(ids));
        Assert.Equal(HttpStatusCode.OK, create.Status);
        Assert.Contains($"Item 6: {ids.Title}", create.Text);
        Assert.Contains("Recommended", create.Text);
        Assert.Equal(["Create cover sheet"], create.FindAll("main form button").Select(b => Browser.Normalise(b.TextContent)));
        var sheet = await CreateSheetAsync(secretary, ids);
        // Asking again goes to the sheet there is, rather than making a second.
        var again = await secretary.PostFormAsync(CreateUrl(ids), new FormFields(), tokenFrom: "/Account/SignOut");
        Redirected(again, $"/CoverSheets/{sheet}");

        // The task list: the sheet's title and version, each section with its status, the one button.
        var taskList = await secretary.GetPageAsync(EditUrl(sheet));
        Assert.Equal(ids.Title, Browser.Normalise(taskList.Find("main h1")?.TextContent));
        Assert.Contains("Cover sheet version 1, draft", Browser.Normalise(taskList.Find("main .govuk-caption-l")?.TextContent));
        Assert.Equal(["About the item: Incomplete", "Summary and recommendations: Not yet started", "Links and assurance: Not yet started",
            "Implications: Not yet started", "Governance: Completed"], Statuses(taskList));
        Assert.Equal(["Save and issue version 1"], taskList.FindAll("main form button").Select(b => Browser.Normalise(b.TextContent)));
        // "Before it can be issued" names the unfinished sections, each linking to its page, not every missing field.
        Assert.Equal([SectionUrl(sheet, "About"), SectionUrl(sheet, "Summary"), SectionUrl(sheet, "Links"), SectionUrl(sheet, "Implications")],
            taskList.FindAll("#missing a").Select(a => a.GetAttribute("href")));

        // Version 1 starts from the agenda: title, action, item number and the route's earlier step.
        var about = await secretary.GetPageAsync(SectionUrl(sheet, "About"));
        Assert.Equal(ids.Title, about.Value("Input.Title"));
        Assert.Equal(nameof(GovernanceAction.Approve), about.Value("Input.Action"));
        // Its page says what it still lacks, saved as it is.
        Assert.Contains("Enter who presents the paper (Presented By).", about.Find("#section-missing")!.TextContent);
        Assert.Equal(["Save and continue"], about.FindAll("main form button").Select(b => Browser.Normalise(b.TextContent)));
        var started = await LoadSheetAsync(Factory, sheet);
        Assert.Equal("6", started.Current.ItemNumber);
        Assert.Equal([StepOutcome.Recommended], started.Current.Governance.Select(g => g.Outcome));

        // An incomplete section saves, back to the task list, leaving the other sections as they were.
        var draft = await EditFormAsync(secretary, sheet);
        draft.Set("Input.ExecutiveSummary", "First thoughts.").Set("Input.Title", "Typed on another page, never posted here");
        Redirected(await SaveSectionAsync(secretary, sheet, "Summary", draft), EditUrl(sheet));
        taskList = await secretary.GetPageAsync(EditUrl(sheet));
        Assert.Contains("Summary and recommendations saved in draft version 1", taskList.Text);
        Assert.Contains("Summary and recommendations: Incomplete", Statuses(taskList));
        Assert.Equal(ids.Title, (await LoadSheetAsync(Factory, sheet)).Current.Title);
        var details = await secretary.GetPageAsync($"/CoverSheets/{sheet}");
        Assert.Contains("Enter who presents the paper (Presented By).", details.Find("#missing")!.TextContent);
        Assert.DoesNotContain(details.FindAll("main a"), a => Browser.Normalise(a.TextContent) == "Download PDF");

        // Sections saved with items missing are kept as drafts; issuing then is refused, naming each
        // unfinished section (linked to the task list's link to it), and issues nothing.
        var form = Complete(await EditFormAsync(secretary, sheet), "The full summary.");
        form.Set("Input.Title", "").Set(Answer(ImplicationQuestions.Financial), "").Set(Answer(ImplicationQuestions.LocalityPlan), " ").Set("Input.Recommendations", "\n");
        Redirected(await SaveAsync(secretary, sheet, form), EditUrl(sheet));
        var before = await LoadSheetAsync(Factory, sheet);
        var refused = await IssueAsync(secretary, sheet);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal(["About the item is incomplete", "Summary and recommendations is incomplete", "Implications is incomplete"], refused.ErrorSummary);
        // Each links to its section's own page, where the missing fields are (and so does the task list's row).
        Assert.Equal([SectionUrl(sheet, "About"), SectionUrl(sheet, "Summary"), SectionUrl(sheet, "Implications")], refused.ErrorSummaryTargets);
        Assert.All(refused.ErrorSummaryTargets, href => Assert.NotNull(refused.Find($".govuk-task-list__link[href='{href}']")));
        var after = await LoadSheetAsync(Factory, sheet);
        Assert.False(after.HasBeenIssued);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal("The full summary.", after.Current.ExecutiveSummary);
        // Each section's page names what it lacks, at the field the domain names.
        Assert.Equal(["Enter the title."], (await secretary.GetPageAsync(SectionUrl(sheet, "About"))).FindAll("#section-missing li").Select(li => li.TextContent));
        Assert.Equal(["Add at least one recommendation."], (await secretary.GetPageAsync(SectionUrl(sheet, "Summary"))).FindAll("#section-missing li").Select(li => li.TextContent));
        Assert.Equal(["Answer 'Are there any financial implications?'", "Answer 'How do proposals align with Locality Plan?'"],
            (await secretary.GetPageAsync(SectionUrl(sheet, "Implications"))).FindAll("#section-missing li").Select(li => li.TextContent));

        // Complete, it issues as version 1.
        await IssueCompleteAsync(secretary, sheet, "Version one summary.", f => f.Set("Input.Title", ids.Title));
        details = await secretary.GetPageAsync($"/CoverSheets/{sheet}");
        Assert.Contains("Version 1 issued: it is frozen and can be downloaded as a PDF", details.Text);
        Assert.Equal($"/CoverSheets/{sheet}/Versions/1/Pdf", DownloadLink(details));
        Assert.Contains(details.FindAll("main a"), a => Browser.Normalise(a.TextContent) == "Edit (starts version 2)");
        var one = (await LoadSheetAsync(Factory, sheet)).Versions.Single();
        Assert.True(one.IsIssued);
        Assert.Equal(NameOf(Secretary), one.IssuedBy); // people are named by their display name, never their sign-in address

        // Editing after the issue starts version 2 as a draft; version 1 is left as issued.
        taskList = await secretary.GetPageAsync(EditUrl(sheet));
        Assert.Contains("Version 1 has been issued and stays as it is.", taskList.Text);
        Assert.Equal(["Save and issue version 2"], taskList.FindAll("main form button").Select(b => Browser.Normalise(b.TextContent)));
        Assert.All(Statuses(taskList), s => Assert.EndsWith(": Completed", s));
        var summary = await secretary.GetPageAsync(SectionUrl(sheet, "Summary"));
        Assert.Contains("Version 1 has been issued and stays as it is. Saving starts version 2", summary.Text);
        Assert.Equal("Version one summary.", summary.Value("Input.ExecutiveSummary"));
        var second = summary.Form().Set("Input.ExecutiveSummary", "Version two summary, after the consultation.");
        Redirected(await SaveSectionAsync(secretary, sheet, "Summary", second), EditUrl(sheet));
        var saved = await LoadSheetAsync(Factory, sheet);
        Assert.Equal([(1, true, "Version one summary."), (2, false, "Version two summary, after the consultation.")],
            saved.Versions.Select(v => (v.Number, v.IsIssued, v.ExecutiveSummary)));
        // Version 2 is a copy of version 1 with the change: nothing from the other sections is lost.
        Assert.Equal(saved.Versions[0].Content with { ExecutiveSummary = "" }, saved.Versions[1].Content with { ExecutiveSummary = "" }, new ContentComparer());
        taskList = await secretary.GetPageAsync(EditUrl(sheet));
        Assert.Contains("Summary and recommendations saved in draft version 2", taskList.Text);
        details = await secretary.GetPageAsync($"/CoverSheets/{sheet}");
        Assert.Equal($"/CoverSheets/{sheet}/Versions/1/Pdf", DownloadLink(details));

        // Version 1 still downloads, as it was issued.
        var viewer = await Factory.SignedInClientAsync(Viewer);
        using (var pdf = PdfDocument.Open(await PdfAsync(viewer, $"/CoverSheets/{sheet}/Versions/1/Pdf")))
        {
            var text = Text(pdf);
            Assert.Contains("Version one summary.", text);
            Assert.DoesNotContain("Version two summary", text);
            Assert.Contains("Item No 6", text);
        }
        Assert.Contains("Version two summary, after the consultation.", (await secretary.GetPageAsync($"/CoverSheets/{sheet}/Versions/2")).Text);

        // Issuing version 2 makes it the one the sheet offers; both stay in the versions table.
        await IssueCompleteAsync(secretary, sheet, "Version two summary, after the consultation.");
        details = await viewer.GetPageAsync($"/CoverSheets/{sheet}");
        Assert.Equal($"/CoverSheets/{sheet}/Versions/2/Pdf", DownloadLink(details));
        var versionLinks = details.FindAll("main table a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/CoverSheets/{sheet}/Versions/2/Pdf", $"/CoverSheets/{sheet}/Versions/1/Pdf"], versionLinks);
        Assert.Contains("Version one summary.", (await viewer.GetPageAsync($"/CoverSheets/{sheet}/Versions/1")).Text);
    }

    /// <summary>Two sheets' contents alike field by field (the records hold lists, which compare by reference).</summary>
    private sealed class ContentComparer : IEqualityComparer<CoverSheetContent>
    {
        public bool Equals(CoverSheetContent? x, CoverSheetContent? y) =>
            System.Text.Json.JsonSerializer.Serialize(x) == System.Text.Json.JsonSerializer.Serialize(y);

        public int GetHashCode(CoverSheetContent obj) => 0;
    }

    private static string? DownloadLink(HtmlPage page) =>
        page.FindAll("main .govuk-button-group a").SingleOrDefault(a => Browser.Normalise(a.TextContent) == "Download PDF")?.GetAttribute("href");

    [Fact]
    public async Task A_meeting_in_the_past_gets_no_new_sheet_for_any_item()
    {
        var secretary = await Factory.SignedInClientAsync(Secretary);
        var past = await AgendaItemAsync(Factory, secretary, Today.AddDays(-3));
        var count = await SheetCountAsync(Factory);

        var page = await secretary.GetPageAsync(CreateUrl(past));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        const string Refusal = "The meeting was on 31 May 2030: a new cover sheet is only for a meeting today or later.";
        Assert.Equal(Refusal, Browser.Normalise(page.Find("#refusal")?.TextContent));
        Assert.Empty(page.FindAll("main form"));
        var posted = await secretary.PostFormAsync(CreateUrl(past), new FormFields(), tokenFrom: "/Account/SignOut");
        Assert.Equal(HttpStatusCode.OK, posted.Status);
        Assert.Equal([Refusal], posted.ErrorSummary);

        // An agenda item that is not about a contract decision ("Apologies") may have a sheet (issue 18), but not for a past meeting either.
        await AddPastItemAsync(Factory, past.Meeting, GovernanceAction.Note, "Apologies");
        var apologies = (await LoadMeetingAsync(Factory, past.Meeting)).Agenda.Single(i => i.Title == "Apologies");
        var url = $"/CoverSheets/Create?meetingId={past.Meeting}&itemId={apologies.Id}";
        Assert.Equal(Refusal, Browser.Normalise((await secretary.GetPageAsync(url)).Find("#refusal")?.TextContent));
        Assert.Equal([Refusal], (await secretary.PostFormAsync(url, new FormFields(), tokenFrom: "/Account/SignOut")).ErrorSummary);

        // An item of another meeting, or none at all: not found.
        var other = await AgendaItemAsync(Factory, secretary, Today.AddDays(30));
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetPageAsync($"/CoverSheets/Create?meetingId={past.Meeting}&itemId={other.Item}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetPageAsync("/CoverSheets/Create?meetingId=999999&itemId=1")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await secretary.GetPageAsync("/CoverSheets/Create")).Status);
        Assert.Equal(count, await SheetCountAsync(Factory));
    }

    [Fact]
    public async Task A_draft_whose_meeting_has_passed_cannot_be_issued()
    {
        var secretary = await Factory.SignedInClientAsync(Secretary);
        var ids = await AgendaItemAsync(Factory, secretary, Today.AddDays(1));
        var sheet = await CreateSheetAsync(secretary, ids);
        var form = Complete(await EditFormAsync(secretary, sheet));
        Redirected(await SaveAsync(secretary, sheet, form), EditUrl(sheet));
        var before = await LoadSheetAsync(Factory, sheet);

        app.Clock.Set(CoverSheetApp.Start.AddDays(2));
        try
        {
            // A session lasts 12 hours of the app's clock: sign in again on the new day.
            secretary = await Factory.SignedInClientAsync(Secretary);
            // The meeting date belongs to About the item, whose fields are all filled in: the task list says why it is not complete.
            var taskList = await secretary.GetPageAsync(EditUrl(sheet));
            Assert.Equal(["About the item: Incomplete", "Summary and recommendations: Completed", "Links and assurance: Completed",
                "Implications: Completed", "Governance: Completed"], Statuses(taskList));
            const string Past = "The meeting date must be today or later for a new cover sheet: this meeting was on 4 June 2030.";
            Assert.Contains(Past, Browser.Normalise(taskList.Find("#missing")?.TextContent));
            Assert.Contains(Past, Browser.Normalise((await secretary.GetPageAsync(SectionUrl(sheet, "About"))).Find("#section-missing")?.TextContent));
            var refused = await IssueAsync(secretary, sheet);
            Assert.Equal(HttpStatusCode.OK, refused.Status);
            Assert.Equal([Past, "About the item is incomplete"], refused.ErrorSummary);
            var after = await LoadSheetAsync(Factory, sheet);
            Assert.False(after.HasBeenIssued);
            Assert.Equal(before.Version, after.Version);
        }
        finally
        {
            app.Clock.Set(CoverSheetApp.Start);
        }
    }

    [Fact]
    public async Task A_stale_form_shows_the_conflict_and_overwrites_nothing()
    {
        var secretary = await Factory.SignedInClientAsync(Secretary);
        var admin = await Factory.SignedInClientAsync(Administrator);
        var sheet = await CreateSheetAsync(secretary, await AgendaItemAsync(Factory, secretary, Today.AddDays(10)));
        var mine = await EditFormAsync(secretary, sheet);
        var theirs = await EditFormAsync(admin, sheet);

        Redirected(await SaveSectionAsync(admin, sheet, "Summary", theirs.Set("Input.ExecutiveSummary", "The administrator's summary.")), EditUrl(sheet));
        var saved = await LoadSheetAsync(Factory, sheet);

        // The same section, or another one, saved from a page opened before theirs: refused with the differences in that section.
        foreach (var (section, field, row) in new[]
        {
            ("Summary", "Input.ExecutiveSummary", "Executive summary | The secretary's summary. | The administrator's summary."),
            ("About", "Input.Author", $"Author | The secretary's author |"),
        })
        {
            var stale = await SaveSectionAsync(secretary, sheet, section, Complete(mine, "The secretary's summary.").Set("Input.Author", "The secretary's author"));
            Assert.Equal(HttpStatusCode.OK, stale.Status);
            Assert.Equal("This cover sheet was changed by someone else", Browser.Normalise(stale.Find("#conflict-heading")?.TextContent));
            var differences = stale.FindAll(".app-conflict tbody tr").Select(r => string.Join(" | ", r.Children.Select(c => Browser.Normalise(c.TextContent))).Trim()).ToList();
            Assert.Contains(row, differences);
            // The form keeps what the secretary typed, with the version now saved, so saving again is a choice.
            Assert.Equal(mine[field], stale.Value(field));
            Assert.Equal(saved.Version.ToString(), stale.Value("Input.Version"));
            var now = await LoadSheetAsync(Factory, sheet);
            Assert.Equal(saved.Version, now.Version);
            Assert.Equal("The administrator's summary.", now.Current.ExecutiveSummary);
            Assert.Equal("", now.Current.Author);
        }

        // Issuing from a task list opened before someone else's save is refused too: what is issued must be what was seen.
        Redirected(await SaveAsync(secretary, sheet, Complete(await EditFormAsync(secretary, sheet))), EditUrl(sheet));
        var taskList = (await secretary.GetPageAsync(EditUrl(sheet))).Form();
        Redirected(await SaveSectionAsync(admin, sheet, "Summary", (await EditFormAsync(admin, sheet)).Set("Input.ExecutiveSummary", "Changed again.")), EditUrl(sheet));
        var staleIssue = await secretary.PostFormAsync($"{EditUrl(sheet)}?handler=Issue", taskList);
        Assert.Equal(HttpStatusCode.OK, staleIssue.Status);
        Assert.StartsWith($"This cover sheet was changed by {NameOf(Administrator)} after you opened this page. Nothing has been issued", staleIssue.ErrorSummary.Single());
        Assert.False((await LoadSheetAsync(Factory, sheet)).HasBeenIssued);
        // The page now carries the version saved: issuing again is a deliberate choice, and works.
        Redirected(await secretary.PostFormAsync($"{EditUrl(sheet)}?handler=Issue", staleIssue.Form()), $"/CoverSheets/{sheet}");
        Assert.Equal("Changed again.", (await LoadSheetAsync(Factory, sheet)).LatestIssued!.ExecutiveSummary);

        // No version token at all is as stale as an old one.
        var issued = await LoadSheetAsync(Factory, sheet);
        var none = await SaveSectionAsync(secretary, sheet, "About", (await EditFormAsync(secretary, sheet)).Remove("Input.Version").Set("Input.Title", "Lost"));
        Assert.NotNull(none.Find("#conflict-heading"));
        Assert.Equal(issued.Version, (await LoadSheetAsync(Factory, sheet)).Version);
    }

    [Fact]
    public async Task Made_up_choices_get_field_messages_never_a_500()
    {
        var secretary = await Factory.SignedInClientAsync(Secretary);
        var sheet = await CreateSheetAsync(secretary, await AgendaItemAsync(Factory, secretary, Today.AddDays(12)));
        var before = await LoadSheetAsync(Factory, sheet);

        var form = Complete(await EditFormAsync(secretary, sheet))
            .Set("Input.Action", "7")
            .Set("Input.Confidential", "Maybe")
            .Set("Input.AddressesRisk", "1")
            .Set(Answer(ImplicationQuestions.Financial), "1")
            .Set(Answer(ImplicationQuestions.Legal), "Perhaps")
            .Set(Answer("no-such-question"), "Yes");
        // Each section page reports its own fields' mistakes, and only those.
        var about = await SaveSectionAsync(secretary, sheet, "About", form);
        Assert.Equal(HttpStatusCode.OK, about.Status);
        Assert.Equal("Choose the action from the list", about.FieldError("Input-Action"));
        Assert.Equal("Choose Yes or No", about.FieldError("Input-Confidential"));
        Assert.Equal(["Input-Action", "Input-Confidential"], about.ErrorSummaryTargets);
        var links = await SaveSectionAsync(secretary, sheet, "Links", form);
        Assert.Equal("Choose Yes or No", links.FieldError("Input-AddressesRisk"));
        Assert.Equal(["Input-AddressesRisk"], links.ErrorSummaryTargets);
        var implications = await SaveSectionAsync(secretary, sheet, "Implications", form);
        Assert.Equal("Choose Yes, No or N/A", implications.FieldError("Input-Answers-financial"));
        Assert.Equal("Choose Yes, No or N/A", implications.FieldError("Input-Answers-legal"));
        Assert.Equal(["Input-Answers-financial", "Input-Answers-legal"], implications.ErrorSummaryTargets);
        // The Summary page takes none of them, so it saves.
        Redirected(await SaveSectionAsync(secretary, sheet, "Summary", form), EditUrl(sheet));
        var afterSummary = await LoadSheetAsync(Factory, sheet);
        Assert.Equal(GovernanceAction.Approve, afterSummary.Current.Action);

        // Too long, and a version token that is no version at all.
        var tooLong = Complete(await EditFormAsync(secretary, sheet)).Set("Input.Title", new string('T', CoverSheetVersion.TitleMaxLength + 1));
        var refused = await SaveSectionAsync(secretary, sheet, "About", tooLong);
        Assert.Equal($"The title must be {CoverSheetVersion.TitleMaxLength} characters or fewer", refused.FieldError("Input-Title"));
        // What was typed comes back in the form.
        Assert.Equal(new string('T', CoverSheetVersion.TitleMaxLength + 1), refused.Value("Input.Title"));
        var garbled = await SaveSectionAsync(secretary, sheet, "About", Complete(await EditFormAsync(secretary, sheet)).Set("Input.Version", "not-a-version"));
        Assert.Equal(HttpStatusCode.OK, garbled.Status);

        var after = await LoadSheetAsync(Factory, sheet);
        Assert.Equal(afterSummary.Version, after.Version);
        Assert.NotEqual(before.Version, after.Version);
        Assert.False(after.HasBeenIssued);
        Assert.Null(after.Current.Answer(ImplicationQuestions.Financial));
        Assert.NotEqual(new string('T', CoverSheetVersion.TitleMaxLength + 1), after.Current.Title);
    }
}
