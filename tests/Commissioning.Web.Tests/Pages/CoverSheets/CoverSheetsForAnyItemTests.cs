using System.Net;
using Commissioning.Domain.Common;
using Commissioning.Domain.Governance;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using static Commissioning.Web.Tests.Pages.CoverSheets.CoverSheetSteps;
using static Commissioning.Web.Tests.Pages.Governance.GovernanceSeed;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.CoverSheets;

/// <summary>
/// Issue 18: a cover sheet for an agenda item that is not about a contract decision, through its
/// pages: created from the meeting, Governance and Reporting rows entered by hand, "Not chosen" for
/// choices left unanswered, and an answer with several boxes ticked kept by the one-box editor.
/// </summary>
[Collection(CoverSheetCollection.Name)]
public sealed class CoverSheetsForAnyItemTests(CoverSheetApp app)
{
    private readonly CoverSheetApp app = app.Fresh();

    private CommissioningFactory Factory => app.Factory;
    private static DateOnly Today => CoverSheetApp.Today;

    private const string Lco = "Form and Function of the Local Care Organisation";
    private const string Pps = ImplicationQuestions.PublicPatientServiceUser;

    private static readonly GovernanceRow LcoBoard = new("LCO Board", Today.AddDays(-20), StepOutcome.Approved);
    private static readonly GovernanceRow Ccmt = new("Community Commissioning Management Team (CCMT)", Today.AddDays(-27), StepOutcome.Recommended);

    /// <summary>A future board meeting with the LCO paper as item 17: an item about no decision.</summary>
    private async Task<(int Meeting, int Item)> LcoItemAsync(HttpClient secretary)
    {
        var meeting = await MeetingAsync(secretary,
            await BodyAsync(Factory, secretary, Unique("Strategic Commissioning Board"), DecisionBodyKind.StrategicCommissioningBoard), Today.AddDays(14));
        Redirected(await AddItemAsync(secretary, meeting, GovernanceAction.Consider, Lco, number: "17"), $"/Governance/Meetings/{meeting}#agenda");
        var item = (await LoadMeetingAsync(Factory, meeting)).Agenda.Single(i => i.Title == Lco);
        Assert.Null(item.ContractDecisionId);
        return (meeting, item.Id);
    }

    private async Task ChangeSheetAsync(int id, Action<CoverSheet> change)
    {
        await using var scope = Factory.OpenDb();
        var sheet = await scope.Db.CoverSheets.SingleAsync(s => s.Id == id);
        change(sheet);
        await scope.Db.SaveChangesAsync();
    }

    [Fact]
    public async Task An_item_not_about_a_decision_gets_a_sheet_from_the_meeting_page_with_its_rows_entered_by_hand()
    {
        var secretary = await Factory.SignedInClientAsync(Secretary);
        var (meeting, item) = await LcoItemAsync(secretary);

        // The meeting offers a sheet for the item; the create page says it is about no decision.
        var meetingPage = await secretary.GetPageAsync($"/Governance/Meetings/{meeting}");
        var url = $"/CoverSheets/Create?meetingId={meeting}&itemId={item}";
        Assert.Contains(url, meetingPage.FindAll("#agenda-table a").Where(a => a.TextContent == "Create cover sheet").Select(a => a.GetAttribute("href")));
        var create = await secretary.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, create.Status);
        Assert.Null(create.Find("#refusal"));
        Assert.Contains("None: this paper is not about a contract decision", create.Text);
        Assert.Contains("You enter the Governance and Reporting table", create.Text);

        var sheet = await CreateSheetAsync(secretary, new AgendaItemIds(meeting, item, 0, Lco));
        var stored = await LoadSheetAsync(Factory, sheet);
        Assert.Null(stored.ContractDecisionId);
        Assert.Equal((Lco, GovernanceAction.Consider, "17"), (stored.Current.Title, stored.Current.Action, stored.Current.ItemNumber));
        Assert.Empty(stored.Current.Governance);

        // The edit page works for it (it has no decision to take a route from).
        var edit = await secretary.GetPageAsync(EditUrl(sheet));
        Assert.Equal(HttpStatusCode.OK, edit.Status);
        Assert.DoesNotContain("decision's route", edit.Text);

        // The draft's page: no decision or contract, rows entered by hand (none yet), unfinished sections named.
        var details = await secretary.GetPageAsync($"/CoverSheets/{sheet}");
        Assert.Equal(HttpStatusCode.OK, details.Status);
        Assert.DoesNotContain(details.FindAll("main a"), a => a.GetAttribute("href")!.StartsWith("/Governance/Decisions", StringComparison.Ordinal)
                                                              || a.GetAttribute("href")!.StartsWith("/Contracts", StringComparison.Ordinal));
        Assert.DoesNotContain(details.FindAll("main dt"), dt => dt.TextContent is "Decision" or "Contract");
        Assert.Contains("Earlier meetings on version 1, entered by hand", details.Text);
        Assert.Contains("No earlier meetings entered.", details.Text);
        Assert.Equal(CoverSheetLabels.NotChosen, Browser.Normalise(details.Find("#strategic-objectives")?.TextContent));
        Assert.Equal(CoverSheetLabels.NotChosen, Browser.Normalise(details.Find("#assurance-framework")?.TextContent));
        var unfinished = details.FindAll("#missing > li > a").Select(a => Browser.Normalise(a.TextContent)).ToList();
        Assert.Equal(["About the item", "Summary and recommendations", "Links and assurance", "Implications"], unfinished);
        Assert.Contains("Enter who presents the paper (Presented By).", details.Find("#missing")!.TextContent);

        // Rows entered by hand (the task list's Governance page does this), then the sheet issued through the edit page.
        await ChangeSheetAsync(sheet, s => s.SetGovernanceRows([Ccmt, LcoBoard]));
        await IssueCompleteAsync(secretary, sheet, "The purpose of this paper is to consider the organisational form for the LCO.",
            f => f.Set("Input.Action", nameof(GovernanceAction.Consider)));

        var issued = await LoadSheetAsync(Factory, sheet);
        Assert.True(issued.Current.IsIssued);
        Assert.Equal([LcoBoard, Ccmt], issued.Current.Governance);

        details = await secretary.GetPageAsync($"/CoverSheets/{sheet}");
        Assert.Contains("Earlier meetings on version 1, entered by hand", details.Text);
        var rows = details.FindAll("main table").First(t => t.TextContent.Contains("entered by hand", StringComparison.Ordinal))
            .QuerySelectorAll("tbody tr").Select(r => string.Join(" | ", r.QuerySelectorAll("td").Select(c => Browser.Normalise(c.TextContent))));
        Assert.Equal([$"LCO Board | {Dates.Short(LcoBoard.Date)} | Approved", $"{Ccmt.Meeting} | {Dates.Short(Ccmt.Date)} | Recommended"], rows);
        Assert.Null(details.Find("#missing"));

        var viewer = await Factory.SignedInClientAsync(Viewer);
        using var pdf = PdfDocument.Open(await PdfAsync(viewer, $"/CoverSheets/{sheet}/Versions/1/Pdf"));
        var text = Text(pdf);
        Assert.Contains(Lco, text);
        Assert.Contains("Item No 17", text);
        Assert.Contains("Consider", text);
        Assert.Contains($"{CoverSheetLabels.StrategicObjectives} Not chosen", text);
        Assert.Contains($"LCO Board {LcoBoard.Date:dd/MM/yyyy} Approved", text);
        Assert.Contains($"Community Commissioning Management Team (CCMT) {Ccmt.Date:dd/MM/yyyy} Recommended", text);
        Assert.True(text.IndexOf("LCO Board", StringComparison.Ordinal) < text.IndexOf("(CCMT)", StringComparison.Ordinal), "most recent first");
        AssertPageNumbers(pdf);
    }

    [Fact]
    public async Task An_answer_with_several_boxes_ticked_survives_the_one_box_editor_and_prints_every_tick()
    {
        var secretary = await Factory.SignedInClientAsync(Secretary);
        var (meeting, item) = await LcoItemAsync(secretary);
        var sheet = await CreateSheetAsync(secretary, new AgendaItemIds(meeting, item, 0, Lco));
        await ChangeSheetAsync(sheet, s => s.Edit(s.Current.Content with
        {
            Answers = [ImplicationAnswer.TickAsThePaperHasIt(Pps, YesNoNa.Yes, YesNoNa.No, YesNoNa.NotApplicable)],
        }));

        // The editor offers one box per question, so none of the three is checked and the browser posts nothing for it.
        var form = Complete(await EditFormAsync(secretary, sheet)).Remove(Answer(Pps));
        Redirected(await SaveAsync(secretary, sheet, form), EditUrl(sheet));
        Assert.True((await LoadSheetAsync(Factory, sheet)).Current.Answer(Pps)!.IsSeveralTicked);

        // It counts as answered: the sheet issues with it, as the paper has it.
        form = Complete(await EditFormAsync(secretary, sheet)).Remove(Answer(Pps));
        Redirected(await SaveAsync(secretary, sheet, form, issue: true), $"/CoverSheets/{sheet}");
        var issued = (await LoadSheetAsync(Factory, sheet)).Current;
        Assert.True(issued.IsIssued);
        Assert.Equal([YesNoNa.Yes, YesNoNa.No, YesNoNa.NotApplicable], issued.Answer(Pps)!.Ticked);

        var details = await secretary.GetPageAsync($"/CoverSheets/{sheet}");
        Assert.Contains("Are there any Public, Patient and Service User Implications? Yes, No and N/A are all ticked, as the paper has it.",
            Browser.Normalise(details.Find("#several-ticked")?.TextContent));

        using var pdf = PdfDocument.Open(await PdfAsync(secretary, $"/CoverSheets/{sheet}/Versions/1/Pdf"));
        var text = Text(pdf);
        Assert.Contains("Are there any Public, Patient and Service User Implications? Yes ☒ No ☒ N/A ☒", text);
        Assert.Contains("Are there any financial implications? Yes ☐ No ☒ N/A ☐", text);

        // Choosing one box replaces the ticks, in the next version; version 1 keeps them.
        form = Complete(await EditFormAsync(secretary, sheet)).Set(Answer(Pps), nameof(YesNoNa.Yes));
        Redirected(await SaveAsync(secretary, sheet, form), EditUrl(sheet));
        var after = await LoadSheetAsync(Factory, sheet);
        Assert.Equal(ImplicationAnswer.Tick(Pps, YesNoNa.Yes), after.Current.Answer(Pps));
        Assert.True(after.GetVersion(1).Answer(Pps)!.IsSeveralTicked);
        Assert.Null((await secretary.GetPageAsync($"/CoverSheets/{sheet}")).Find("#several-ticked"));
    }

    [Fact]
    public async Task A_sheet_without_a_decision_shows_no_decision_to_a_viewer_before_it_is_issued()
    {
        var secretary = await Factory.SignedInClientAsync(Secretary);
        var (meeting, item) = await LcoItemAsync(secretary);
        var sheet = await CreateSheetAsync(secretary, new AgendaItemIds(meeting, item, 0, Lco));

        var viewer = await Factory.SignedInClientAsync(Viewer);
        var page = await viewer.GetPageAsync($"/CoverSheets/{sheet}");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Cover sheet not issued yet", page.Text);
        Assert.DoesNotContain(page.FindAll("main dt"), dt => dt.TextContent is "Decision" or "Contract");
        Assert.Equal(HttpStatusCode.OK, (await secretary.GetPageAsync($"/CoverSheets/{sheet}/Versions/1")).Status);
    }
}
