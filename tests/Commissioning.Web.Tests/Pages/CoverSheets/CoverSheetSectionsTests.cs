using System.Net;
using Commissioning.Domain.Governance;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Commissioning.Web.Tests.Pages.CoverSheets.CoverSheetSteps;
using static Commissioning.Web.Tests.Pages.Governance.GovernanceSeed;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.CoverSheets;

/// <summary>
/// The task list's section pages: each saves its own fields and nothing else; the follow-up
/// questions sit inside the answer they follow (shown without a script); Governance and Reporting
/// rows are entered by hand for a paper not about a decision ("Add another row", Remove, then
/// "Save and continue" saves all typed), and shown read-only from the route for one that is.
/// </summary>
[Collection(CoverSheetCollection.Name)]
public sealed class CoverSheetSectionsTests(CoverSheetApp app)
{
    private readonly CoverSheetApp app = app.Fresh();

    private CommissioningFactory Factory => app.Factory;
    private static readonly DateOnly Today = CoverSheetApp.Today;

    /// <summary>An agenda item not about a contract decision ("Form and Function of the LCO") and its draft sheet.</summary>
    private async Task<int> PaperSheetAsync(HttpClient secretary)
    {
        var board = await BodyAsync(Factory, secretary, Unique("Strategic Commissioning Board"), DecisionBodyKind.StrategicCommissioningBoard);
        var meeting = await MeetingAsync(secretary, board, Today.AddDays(7));
        var add = await AddItemAsync(secretary, meeting, GovernanceAction.Consider, "Form and Function of the Local Care Organisation", number: "17");
        Assert.True(add.Status == HttpStatusCode.Redirect, $"Adding the item answered {(int)add.Status}: {string.Join(" | ", add.ErrorSummary)}");
        await using var scope = Factory.OpenDb();
        var m = await scope.Db.Meetings.SingleAsync(x => x.Id == meeting);
        var item = m.Agenda.Single();
        // "Add an item" may already have started its sheet; otherwise start it as Create would.
        if (await scope.Db.CoverSheets.FirstOrDefaultAsync(s => s.AgendaItemId == item.Id) is { } existing) return existing.Id;
        var sheet = CoverSheet.Create(m, item);
        scope.Db.CoverSheets.Add(sheet);
        await scope.Db.SaveChangesAsync();
        return sheet.Id;
    }

    private static FormFields Row(FormFields form, int index, string? meeting, DateOnly? date, StepOutcome? outcome)
    {
        form.Set($"Rows[{index}].Meeting", meeting ?? "");
        form.Set($"Rows[{index}].Date.Day", date?.Day.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "");
        form.Set($"Rows[{index}].Date.Month", date?.Month.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "");
        form.Set($"Rows[{index}].Date.Year", date?.Year.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "");
        return form.Set($"Rows[{index}].Outcome", outcome?.ToString() ?? "");
    }

    private static string GovernanceUrl(int sheet) => SectionUrl(sheet, "Governance");

    [Fact]
    public async Task Rows_entered_by_hand_survive_add_another_row_and_remove_and_all_save_together()
    {
        var secretary = await Factory.SignedInClientAsync(Secretary);
        var sheet = await PaperSheetAsync(secretary);

        // An empty sheet's Governance page offers one empty row; the task list counts it as complete (a first paper has no earlier meeting).
        var page = await secretary.GetPageAsync(GovernanceUrl(sheet));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(["Remove earlier meeting 1", "Add another row", "Save and continue"], page.FindAll("main form button").Select(b => Browser.Normalise(b.TextContent)));
        Assert.Contains("Governance: Completed", Statuses(await secretary.GetPageAsync(EditUrl(sheet))));

        // Row 1 typed, then "Add another row": the page comes back with row 1 as typed and an empty row 2.
        var form = Row(page.Form(), 0, "Scrutiny Review Panel", new DateOnly(2015, 6, 2), StepOutcome.Recommended);
        var added = await secretary.PostFormAsync($"{GovernanceUrl(sheet)}?handler=AddRow", form);
        Assert.Equal(HttpStatusCode.OK, added.Status);
        Assert.Empty(added.ErrorSummary);
        Assert.Equal(("Scrutiny Review Panel", "2", "Recommended"), (added.Value("Rows[0].Meeting"), added.Value("Rows[0].Date.Day"), added.Value("Rows[0].Outcome")));
        Assert.Equal("", added.Value("Rows[1].Meeting"));
        Assert.Empty((await LoadSheetAsync(Factory, sheet)).Current.Governance); // nothing saved yet

        // Row 2 and a third, then row 2 removed: rows 1 and 3 stay as typed.
        form = Row(Row(added.Form(), 1, "A row to remove", new DateOnly(2015, 6, 10), StepOutcome.Noted), 2, "Cabinet", new DateOnly(2015, 6, 16), StepOutcome.Approved);
        var removed = await secretary.PostFormAsync($"{GovernanceUrl(sheet)}?handler=RemoveRow", form.Set("index", "1"));
        Assert.Equal(HttpStatusCode.OK, removed.Status);
        Assert.Equal(["Scrutiny Review Panel", "Cabinet"], removed.FindAll("input[name$='.Meeting']").Select(i => i.GetAttribute("value")));

        // "Save and continue" saves every row typed, most recent first, and goes back to the task list.
        Redirected(await secretary.PostFormAsync(GovernanceUrl(sheet), removed.Form()), EditUrl(sheet));
        var saved = await LoadSheetAsync(Factory, sheet);
        Assert.Equal([("Cabinet", new DateOnly(2015, 6, 16), StepOutcome.Approved), ("Scrutiny Review Panel", new DateOnly(2015, 6, 2), StepOutcome.Recommended)],
            saved.Current.Governance.Select(g => (g.Meeting, g.Date, g.Outcome)));
        Assert.Contains("Governance saved in draft version 1", (await secretary.GetPageAsync(EditUrl(sheet))).Text);

        // Another section's save leaves the rows alone, and the rows' save leaves the other sections alone.
        Redirected(await SaveSectionAsync(secretary, sheet, "Summary", (await EditFormAsync(secretary, sheet)).Set("Input.ExecutiveSummary", "The LCO's form and function.")), EditUrl(sheet));
        Redirected(await secretary.PostFormAsync(GovernanceUrl(sheet), (await secretary.GetPageAsync(GovernanceUrl(sheet))).Form()), EditUrl(sheet));
        saved = await LoadSheetAsync(Factory, sheet);
        Assert.Equal(2, saved.Current.Governance.Count);
        Assert.Equal("The LCO's form and function.", saved.Current.ExecutiveSummary);
    }

    [Fact]
    public async Task A_row_with_a_mistake_comes_back_with_what_was_typed_and_saves_once_put_right()
    {
        var secretary = await Factory.SignedInClientAsync(Secretary);
        var sheet = await PaperSheetAsync(secretary);
        var form = Row((await secretary.GetPageAsync(GovernanceUrl(sheet))).Form(), 0, "Cabinet", null, StepOutcome.Approved);
        form.Set("Rows[0].Date.Day", "31").Set("Rows[0].Date.Month", "2").Set("Rows[0].Date.Year", "2015");
        Row(form, 1, "", null, null); // a row left blank is ignored
        Row(form, 2, "", new DateOnly(2015, 10, 7), StepOutcome.Approved);

        var refused = await secretary.PostFormAsync(GovernanceUrl(sheet), form);
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal(["The date in row 1 must be a real date", "Enter the meeting in row 3"], refused.ErrorSummary);
        Assert.Equal(["Rows-0-Date-Day", "Rows-2-Meeting"], refused.ErrorSummaryTargets);
        Assert.Equal(("Cabinet", "31"), (refused.Value("Rows[0].Meeting"), refused.Value("Rows[0].Date.Day")));
        Assert.Empty((await LoadSheetAsync(Factory, sheet)).Current.Governance);

        // A made-up outcome is a message too, never a 500.
        var madeUp = await secretary.PostFormAsync(GovernanceUrl(sheet), Row(refused.Form(), 0, "Cabinet", new DateOnly(2015, 6, 16), null).Set("Rows[0].Outcome", "9"));
        Assert.Contains("Choose the outcome in row 1", madeUp.ErrorSummary);

        var fixedUp = Row(Row(madeUp.Form(), 0, "Cabinet", new DateOnly(2015, 6, 16), StepOutcome.Approved), 2, "Cabinet (full business case)", new DateOnly(2015, 10, 7), StepOutcome.Approved);
        Redirected(await secretary.PostFormAsync(GovernanceUrl(sheet), fixedUp), EditUrl(sheet));
        Assert.Equal(["Cabinet (full business case)", "Cabinet"], (await LoadSheetAsync(Factory, sheet)).Current.Governance.Select(g => g.Meeting));
    }

    [Fact]
    public async Task A_decisions_sheet_shows_its_routes_rows_read_only_with_a_link_to_change_the_route()
    {
        var secretary = await Factory.SignedInClientAsync(Secretary);
        var ids = await AgendaItemAsync(Factory, secretary, Today.AddDays(14));
        var sheet = await CreateSheetAsync(secretary, ids);

        var page = await secretary.GetPageAsync(GovernanceUrl(sheet));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Empty(page.FindAll("main form"));
        Assert.Single(page.FindAll("#governance-rows tbody tr"));
        Assert.Contains("Recommended", page.Find("#governance-rows")!.TextContent);
        Assert.Contains(page.FindAll("main a"), a => a.GetAttribute("href") == $"/Governance/Decisions/{ids.Decision}#route");
        // Rows posted to it anyway change nothing: the route is the one source.
        var before = await LoadSheetAsync(Factory, sheet);
        var posted = await secretary.PostFormAsync(GovernanceUrl(sheet), Row(new FormFields(), 0, "Made up", new DateOnly(2015, 1, 1), StepOutcome.Approved),
            tokenFrom: "/Account/SignOut");
        Redirected(posted, EditUrl(sheet));
        Assert.Equal(before.Version, (await LoadSheetAsync(Factory, sheet)).Version);
    }

    [Fact]
    public async Task Follow_up_questions_sit_inside_the_answer_they_follow_and_show_without_a_script()
    {
        var secretary = await Factory.SignedInClientAsync(Secretary);
        var sheet = await CreateSheetAsync(secretary, await AgendaItemAsync(Factory, secretary, Today.AddDays(14)));

        // Each follow-up is in the conditional block of its answer, hidden only by the script's class while that answer is not chosen.
        var about = await secretary.GetPageAsync(SectionUrl(sheet, "About"));
        AssertRevealed(about, "Input.Confidential", "Yes", "Input.ConfidentialReason", shown: false);
        var links = await secretary.GetPageAsync(SectionUrl(sheet, "Links"));
        AssertRevealed(links, "Input.AddressesRisk", "Yes", "Input.Risk", shown: false);
        var implications = await secretary.GetPageAsync(SectionUrl(sheet, "Implications"));
        AssertRevealed(implications, Answer(ImplicationQuestions.ImpactAssessmentCompleted), "Yes", Answer(ImplicationQuestions.ImpactAssessmentDetails), shown: false);
        AssertRevealed(implications, Answer(ImplicationQuestions.ImpactAssessmentCompleted), "No", Answer(ImplicationQuestions.ImpactAssessmentNotCompletedReason), shown: false);

        // Answered so, the follow-ups are open when the page comes back, and kept.
        var form = (await EditFormAsync(secretary, sheet))
            .Set("Input.Confidential", "Yes").Set("Input.ConfidentialReason", "Section 43: commercial interests")
            .Set("Input.AddressesRisk", "Yes").Set("Input.Risk", "Risk 4: market sustainability")
            .Set(Answer(ImplicationQuestions.ImpactAssessmentCompleted), nameof(YesNoNa.No))
            .Set(Answer(ImplicationQuestions.ImpactAssessmentNotCompletedReason), "To be done before the contract starts.");
        Redirected(await SaveAsync(secretary, sheet, form), EditUrl(sheet));
        AssertRevealed(await secretary.GetPageAsync(SectionUrl(sheet, "About")), "Input.Confidential", "Yes", "Input.ConfidentialReason", shown: true);
        AssertRevealed(await secretary.GetPageAsync(SectionUrl(sheet, "Links")), "Input.AddressesRisk", "Yes", "Input.Risk", shown: true);
        implications = await secretary.GetPageAsync(SectionUrl(sheet, "Implications"));
        AssertRevealed(implications, Answer(ImplicationQuestions.ImpactAssessmentCompleted), "No", Answer(ImplicationQuestions.ImpactAssessmentNotCompletedReason), shown: true);
        var saved = (await LoadSheetAsync(Factory, sheet)).Current;
        Assert.Equal(("Section 43: commercial interests", "Risk 4: market sustainability", "To be done before the contract starts."),
            (saved.ConfidentialReason, saved.AssuranceFrameworkRisk, saved.Answer(ImplicationQuestions.ImpactAssessmentNotCompletedReason)?.Text));

        // Confidential: Yes with no reason keeps the section Incomplete (a draft may be), and the page says why.
        Redirected(await SaveSectionAsync(secretary, sheet, "About", (await EditFormAsync(secretary, sheet)).Set("Input.ConfidentialReason", "")), EditUrl(sheet));
        Assert.Contains("About the item: Incomplete", Statuses(await secretary.GetPageAsync(EditUrl(sheet))));
        Assert.Contains("Say why the paper is confidential", (await secretary.GetPageAsync(SectionUrl(sheet, "About"))).Find("#section-missing")!.TextContent);
    }

    [Fact]
    public async Task An_answer_with_several_boxes_ticked_is_kept_by_a_save_that_leaves_it_alone_and_replaced_by_one_box()
    {
        var secretary = await Factory.SignedInClientAsync(Secretary);
        var sheet = await PaperSheetAsync(secretary);
        const string Key = ImplicationQuestions.PublicPatientServiceUser;
        // The LCO paper ticks Yes, No and N/A for this question.
        await using (var scope = Factory.OpenDb())
        {
            var s = await scope.Db.CoverSheets.SingleAsync(x => x.Id == sheet);
            s.Edit(s.Current.Content with { Answers = [ImplicationAnswer.TickAsThePaperHasIt(Key, YesNoNa.Yes, YesNoNa.No, YesNoNa.NotApplicable)] });
            await scope.Db.SaveChangesAsync();
        }

        // The page says so at the question, with no box chosen; saving the section without touching it keeps all three.
        var page = await secretary.GetPageAsync(SectionUrl(sheet, "Implications"));
        Assert.Contains("Yes, No and N/A are all ticked, as the paper has it", page.Find($"#{Govuk(Answer(Key))}-hint")?.TextContent);
        Assert.Null(page.Value(Answer(Key)));
        var form = page.Form().Set(Answer(ImplicationQuestions.Financial), nameof(YesNoNa.No));
        Redirected(await SaveSectionAsync(secretary, sheet, "Implications", form), EditUrl(sheet));
        var saved = (await LoadSheetAsync(Factory, sheet)).Current;
        Assert.Equal([YesNoNa.Yes, YesNoNa.No, YesNoNa.NotApplicable], saved.Answer(Key)!.Ticked);
        Assert.Equal(YesNoNa.No, saved.Answer(ImplicationQuestions.Financial)!.Choice);
        // Other sections' saves keep it too.
        Redirected(await SaveAsync(secretary, sheet, await EditFormAsync(secretary, sheet)), EditUrl(sheet));
        Assert.Equal(3, (await LoadSheetAsync(Factory, sheet)).Current.Answer(Key)!.Ticked.Count);

        // Choosing one box replaces the three.
        form = (await secretary.GetPageAsync(SectionUrl(sheet, "Implications"))).Form().Set(Answer(Key), nameof(YesNoNa.Yes));
        Redirected(await SaveSectionAsync(secretary, sheet, "Implications", form), EditUrl(sheet));
        var replaced = (await LoadSheetAsync(Factory, sheet)).Current.Answer(Key)!;
        Assert.Equal((YesNoNa?)YesNoNa.Yes, replaced.Choice);
        Assert.False(replaced.IsSeveralTicked);
    }

    private static string Govuk(string name) => Web.Forms.Govuk.Id(name);

    /// <summary>The follow-up field sits in the conditional block the answer's radio controls; that block is hidden (by the script's class) unless the answer is chosen.</summary>
    private static void AssertRevealed(HtmlPage page, string radioName, string answer, string followUp, bool shown)
    {
        var radio = page.FindAll($"input[type=radio][name='{radioName}']").Single(r => r.GetAttribute("value") == answer);
        var block = page.Find($"#{radio.GetAttribute("data-aria-controls")}");
        Assert.NotNull(block);
        Assert.Contains("govuk-radios__conditional", block!.ClassList);
        Assert.NotNull(block.QuerySelector($"[name='{followUp}']"));
        Assert.Equal(!shown, block.ClassList.Contains("govuk-radios__conditional--hidden"));
        Assert.Equal(shown, radio.HasAttribute("checked"));
    }
}
