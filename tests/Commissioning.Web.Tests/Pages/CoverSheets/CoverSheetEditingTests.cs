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

        // Version 1 starts from the agenda: title, action, item number and the route's earlier step.
        var edit = await secretary.GetPageAsync(EditUrl(sheet));
        Assert.Equal(ids.Title, edit.Value("Input.Title"));
        Assert.Equal(nameof(GovernanceAction.Approve), edit.Value("Input.Action"));
        Assert.Contains(edit.FindAll("main form button"), b => Browser.Normalise(b.TextContent) == "Save and issue version 1");
        var started = await LoadSheetAsync(Factory, sheet);
        Assert.Equal("6", started.Current.ItemNumber);
        Assert.Equal([StepOutcome.Recommended], started.Current.Governance.Select(g => g.Outcome));

        // An incomplete draft saves.
        var draft = edit.Form();
        draft.Set("Input.ExecutiveSummary", "First thoughts.");
        Redirected(await SaveAsync(secretary, sheet, draft), $"/CoverSheets/{sheet}");
        var details = await secretary.GetPageAsync($"/CoverSheets/{sheet}");
        Assert.Contains("Draft version 1 saved", details.Text);
        Assert.Contains("Enter who presents the paper (Presented By).", details.Find("#missing")!.TextContent);
        Assert.DoesNotContain(details.FindAll("main a"), a => Browser.Normalise(a.TextContent) == "Download PDF");

        // Issuing with items missing lists each at its field and issues nothing.
        var form = Complete(await EditFormAsync(secretary, sheet), "The full summary.");
        form.Set("Input.Title", "").Set(Answer(ImplicationQuestions.Financial), "").Set(Answer(ImplicationQuestions.LocalityPlan), " ").Set("Input.Recommendations", "\n");
        var before = await LoadSheetAsync(Factory, sheet);
        var refused = await SaveAsync(secretary, sheet, form, issue: true);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal(["Input-Title", "Input-Recommendations", "Input-Answers-financial", "Input-Answers-locality-plan"], refused.ErrorSummaryTargets);
        Assert.Equal("Enter the title.", refused.FieldError("Input-Title"));
        Assert.Equal("Add at least one recommendation.", refused.FieldError("Input-Recommendations"));
        Assert.Equal("Answer 'Are there any financial implications?'", refused.FieldError("Input-Answers-financial"));
        Assert.Equal("Answer 'How do proposals align with Locality Plan?'", refused.FieldError("Input-Answers-locality-plan"));
        // What was typed stays in the form.
        Assert.Equal("The full summary.", refused.Value("Input.ExecutiveSummary"));
        var after = await LoadSheetAsync(Factory, sheet);
        Assert.False(after.HasBeenIssued);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal("First thoughts.", after.Current.ExecutiveSummary);

        // Complete, it issues as version 1.
        await IssueCompleteAsync(secretary, sheet, "Version one summary.");
        details = await secretary.GetPageAsync($"/CoverSheets/{sheet}");
        Assert.Contains("Version 1 issued: it is frozen and can be downloaded as a PDF", details.Text);
        Assert.Equal($"/CoverSheets/{sheet}/Versions/1/Pdf", DownloadLink(details));
        Assert.Contains(details.FindAll("main a"), a => Browser.Normalise(a.TextContent) == "Edit (starts version 2)");
        var one = (await LoadSheetAsync(Factory, sheet)).Versions.Single();
        Assert.True(one.IsIssued);
        Assert.Equal(NameOf(Secretary), one.IssuedBy); // people are named by their display name, never their sign-in address

        // Editing after the issue starts version 2 as a draft; version 1 is left as issued.
        edit = await secretary.GetPageAsync(EditUrl(sheet));
        Assert.Contains("Version 1 has been issued and stays as it is.", edit.Text);
        Assert.Contains(edit.FindAll("main form button"), b => Browser.Normalise(b.TextContent) == "Save and issue version 2");
        Assert.Equal("Version one summary.", edit.Value("Input.ExecutiveSummary"));
        var second = edit.Form().Set("Input.ExecutiveSummary", "Version two summary, after the consultation.");
        Redirected(await SaveAsync(secretary, sheet, second), $"/CoverSheets/{sheet}");
        var saved = await LoadSheetAsync(Factory, sheet);
        Assert.Equal([(1, true, "Version one summary."), (2, false, "Version two summary, after the consultation.")],
            saved.Versions.Select(v => (v.Number, v.IsIssued, v.ExecutiveSummary)));
        details = await secretary.GetPageAsync($"/CoverSheets/{sheet}");
        Assert.Contains("Draft version 2 saved", details.Text);
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

    private static string? DownloadLink(HtmlPage page) =>
        page.FindAll("main .govuk-button-group a").SingleOrDefault(a => Browser.Normalise(a.TextContent) == "Download PDF")?.GetAttribute("href");

    [Fact]
    public async Task A_meeting_in_the_past_or_an_item_without_a_decision_gets_no_new_sheet()
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

        // An agenda item that is not about a contract decision ("Apologies") has no cover sheet.
        await AddPastItemAsync(Factory, past.Meeting, GovernanceAction.Note, "Apologies");
        var apologies = (await LoadMeetingAsync(Factory, past.Meeting)).Agenda.Single(i => i.Title == "Apologies");
        var url = $"/CoverSheets/Create?meetingId={past.Meeting}&itemId={apologies.Id}";
        Assert.StartsWith("This agenda item is not about a contract decision", Browser.Normalise((await secretary.GetPageAsync(url)).Find("#refusal")?.TextContent));
        Assert.Equal(HttpStatusCode.OK, (await secretary.PostFormAsync(url, new FormFields(), tokenFrom: "/Account/SignOut")).Status);

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
        Redirected(await SaveAsync(secretary, sheet, form), $"/CoverSheets/{sheet}");
        var before = await LoadSheetAsync(Factory, sheet);

        app.Clock.Set(CoverSheetApp.Start.AddDays(2));
        try
        {
            // A session lasts 12 hours of the app's clock: sign in again on the new day.
            secretary = await Factory.SignedInClientAsync(Secretary);
            var refused = await SaveAsync(secretary, sheet, await EditFormAsync(secretary, sheet), issue: true);
            Assert.Equal(HttpStatusCode.OK, refused.Status);
            Assert.Equal(["The meeting date must be today or later for a new cover sheet: this meeting was on 4 June 2030."], refused.ErrorSummary);
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

        Redirected(await SaveAsync(admin, sheet, theirs.Set("Input.ExecutiveSummary", "The administrator's summary.")), $"/CoverSheets/{sheet}");
        var saved = await LoadSheetAsync(Factory, sheet);

        foreach (var issue in new[] { false, true })
        {
            var stale = await SaveAsync(secretary, sheet, Complete(mine, "The secretary's summary."), issue);
            Assert.Equal(HttpStatusCode.OK, stale.Status);
            Assert.Equal("This cover sheet was changed by someone else", Browser.Normalise(stale.Find("#conflict-heading")?.TextContent));
            var difference = stale.FindAll(".app-conflict tbody tr")
                .Select(r => string.Join(" | ", r.Children.Select(c => Browser.Normalise(c.TextContent)))).Single(r => r.StartsWith("Executive summary", StringComparison.Ordinal));
            Assert.Equal("Executive summary | The secretary's summary. | The administrator's summary.", difference);
            // The form keeps what the secretary typed, with the version now saved, so saving again is a choice.
            Assert.Equal("The secretary's summary.", stale.Value("Input.ExecutiveSummary"));
            Assert.Equal(saved.Version.ToString(), stale.Value("Input.Version"));
            var now = await LoadSheetAsync(Factory, sheet);
            Assert.Equal(saved.Version, now.Version);
            Assert.Equal("The administrator's summary.", now.Current.ExecutiveSummary);
            Assert.False(now.HasBeenIssued);
        }

        // No version token at all is as stale as an old one.
        var none = await SaveAsync(secretary, sheet, (await EditFormAsync(secretary, sheet)).Remove("Input.Version").Set("Input.Title", "Lost"));
        Assert.NotNull(none.Find("#conflict-heading"));
        Assert.Equal(saved.Version, (await LoadSheetAsync(Factory, sheet)).Version);
    }

    [Fact]
    public async Task Made_up_choices_get_field_messages_never_a_500()
    {
        var secretary = await Factory.SignedInClientAsync(Secretary);
        var sheet = await CreateSheetAsync(secretary, await AgendaItemAsync(Factory, secretary, Today.AddDays(12)));
        var before = await LoadSheetAsync(Factory, sheet);

        foreach (var issue in new[] { false, true })
        {
            var form = Complete(await EditFormAsync(secretary, sheet))
                .Set("Input.Action", "7")
                .Set("Input.Confidential", "Maybe")
                .Set("Input.AddressesRisk", "1")
                .Set(Answer(ImplicationQuestions.Financial), "1")
                .Set(Answer(ImplicationQuestions.Legal), "Perhaps")
                .Set(Answer("no-such-question"), "Yes");
            var page = await SaveAsync(secretary, sheet, form, issue);
            Assert.Equal(HttpStatusCode.OK, page.Status);
            Assert.Equal("Choose the action from the list", page.FieldError("Input-Action"));
            Assert.Equal("Choose Yes or No", page.FieldError("Input-Confidential"));
            Assert.Equal("Choose Yes or No", page.FieldError("Input-AddressesRisk"));
            Assert.Equal("Choose Yes, No or N/A", page.FieldError("Input-Answers-financial"));
            Assert.Equal("Choose Yes, No or N/A", page.FieldError("Input-Answers-legal"));
            Assert.Equal(["Input-Action", "Input-Confidential", "Input-AddressesRisk", "Input-Answers-financial", "Input-Answers-legal"], page.ErrorSummaryTargets);
        }
        // Too long, and a version token that is no version at all.
        var tooLong = Complete(await EditFormAsync(secretary, sheet)).Set("Input.Title", new string('T', CoverSheetVersion.TitleMaxLength + 1));
        Assert.Equal($"The title must be {CoverSheetVersion.TitleMaxLength} characters or fewer", (await SaveAsync(secretary, sheet, tooLong, issue: true)).FieldError("Input-Title"));
        var garbled = await SaveAsync(secretary, sheet, Complete(await EditFormAsync(secretary, sheet)).Set("Input.Version", "not-a-version"));
        Assert.Equal(HttpStatusCode.OK, garbled.Status);

        var after = await LoadSheetAsync(Factory, sheet);
        Assert.Equal(before.Version, after.Version);
        Assert.False(after.HasBeenIssued);
        Assert.Null(after.Current.Answer(ImplicationQuestions.Financial));
    }
}
