using System.Net;
using Commissioning.Domain.Governance;
using Commissioning.Web.Pages.CoverSheets;
using Commissioning.Web.Tests.Pages.CoverSheets;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using UglyToad.PdfPig;
using static Commissioning.Web.Tests.Pages.CoverSheets.CoverSheetSteps;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Demo;

/// <summary>
/// The board papers of issue 18 in the demo data: the LCO "Form and Function" sheet (001) issued
/// as the paper has it, and Leicestershire's Help to Live at Home route (002).
/// </summary>
[Collection(CoverSheetCollection.Name)]
public sealed class BoardPapersDemoTests(CoverSheetApp app)
{
    private readonly CoverSheetApp app = app.Fresh();

    private CommissioningFactory Factory => app.Factory;

    private const string Lco = "Form and Function of the Local Care Organisation";

    private async Task<CoverSheet> LcoSheetAsync()
    {
        await using var scope = Factory.OpenDb();
        return (await scope.Db.CoverSheets.ToListAsync()).Single(s => s.Versions[0].Title == Lco);
    }

    [Fact]
    public async Task The_LCO_sheet_is_issued_for_item_17_at_the_board_of_5_October_2020_as_the_paper_has_it()
    {
        var sheet = await LcoSheetAsync();
        var v1 = Assert.Single(sheet.Versions);
        Assert.Null(sheet.ContractDecisionId);
        Assert.True(v1.IsIssued);
        Assert.True(v1.RecordedFromPaper);
        Assert.Equal(("Strategic Commissioning Board", new DateOnly(2020, 10, 5), "17", GovernanceAction.Consider, false),
            (v1.MeetingTitle, v1.MeetingDate, v1.ItemNumber, v1.Action, v1.IsConfidential));
        Assert.Equal(("Will Blandamer, Executive Director of Strategic Commissioning", "Will Blandamer, Executive Director of Strategic Commissioning"), (v1.PresentedBy, v1.Author));
        Assert.Equal(3, PrintSheet.Paragraphs(v1.ExecutiveSummary).Count());
        Assert.Equal(2, v1.Recommendations.Count);
        Assert.All(v1.Recommendations.Append(v1.ExecutiveSummary), t => Assert.DoesNotContain("<", t));
        Assert.Empty(v1.StrategicObjectives);
        Assert.Null(v1.AddressesAssuranceFrameworkRisk);
        Assert.Empty(v1.Governance);
        Assert.Equal([YesNoNa.Yes, YesNoNa.No, YesNoNa.NotApplicable], v1.Answer(ImplicationQuestions.PublicPatientServiceUser)!.Ticked);
        Assert.Equal([YesNoNa.Yes], v1.Answer(ImplicationQuestions.ScrutinyInterest)!.Ticked);
        Assert.Equal(2, v1.Answers.Count);

        var viewer = await Factory.SignedInClientAsync(Viewer);
        var details = await viewer.GetPageAsync($"/CoverSheets/{sheet.Id}");
        Assert.Equal(HttpStatusCode.OK, details.Status);
        Assert.Contains($"Cover sheet: {Lco}", details.Text);
        Assert.DoesNotContain(details.FindAll("main dt"), dt => dt.TextContent is "Decision" or "Contract");
        Assert.Equal(CoverSheetLabels.NotChosen, Browser.Normalise(details.Find("#strategic-objectives")?.TextContent));
        Assert.Equal(CoverSheetLabels.NotChosen, Browser.Normalise(details.Find("#assurance-framework")?.TextContent));
        Assert.Contains("Are there any Public, Patient and Service User Implications? Yes, No and N/A are all ticked, as the paper has it.",
            Browser.Normalise(details.Find("#several-ticked")?.TextContent));
        Assert.NotNull(details.Find("#recorded-from-paper"));
        Assert.Contains("No earlier meetings entered.", details.Text);

        using var response = await viewer.GetAsync($"/CoverSheets/{sheet.Id}/Versions/1/Pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("cover-sheet-2020-10-05-item-17-v1.pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = Text(pdf);
        Assert.Contains("Meeting: Strategic Commissioning Board", text);
        Assert.Contains("Meeting Date 05 October 2020 Action Consider", text);
        Assert.Contains("Item No 17", text);
        Assert.Contains($"Title {Lco}", text);
        Assert.Contains("The purpose of this paper is to consider the organisational form for the Local Care Organisation (LCO) in Bury.", text);
        Assert.Contains("is invited to note the next steps being taken and to provide comment.", text);
        Assert.Contains($"{CoverSheetLabels.StrategicObjectives} Not chosen", text);
        Assert.Contains($"{CoverSheetLabels.AssuranceFrameworkPrompt} Not chosen", text);
        Assert.Contains("Are there any Public, Patient and Service User Implications? Yes ☒ No ☒ N/A ☒", text);
        Assert.Contains("Is there any scrutiny interest? Yes ☒ No ☐ N/A ☐", text);
        Assert.Contains("Are there any financial implications? Yes ☐ No ☐ N/A ☐", text);
        Assert.Contains("No earlier meetings.", text);
        Assert.DoesNotContain("<p>", text);
        Assert.Equal($"{Lco} – Strategic Commissioning Board cover sheet, 5 October 2020 (version 1)", pdf.Information.Title);
        AssertPageNumbers(pdf);
    }

    [Fact]
    public async Task The_LCO_meeting_shows_item_17_with_its_sheet()
    {
        var sheet = await LcoSheetAsync();
        var viewer = await Factory.SignedInClientAsync(Viewer);

        var meeting = await viewer.GetPageAsync($"/Governance/Meetings/{sheet.MeetingId}");

        Assert.Equal(HttpStatusCode.OK, meeting.Status);
        var row = meeting.FindAll("#agenda-table tbody tr").Single(r => r.TextContent.Contains(Lco, StringComparison.Ordinal));
        Assert.Contains("17", row.TextContent);
        Assert.Equal($"/CoverSheets/{sheet.Id}", row.QuerySelectorAll("a").Single(a => a.TextContent == "View cover sheet").GetAttribute("href"));
    }

    [Fact]
    public async Task Leicestershires_route_runs_from_scrutiny_to_Cabinet_and_back_to_the_committee()
    {
        await using var scope = Factory.OpenDb();
        var lot1 = await scope.Db.Contracts.Where(c => c.Reference == "SC-2016-0001").Select(c => c.Id).SingleAsync();
        var decision = await scope.Db.ContractDecisions.SingleAsync(d => d.ContractId == lot1);

        Assert.Equal(DecisionKind.Award, decision.Kind);
        Assert.Equal(
            [
                ("Adults and Communities Overview and Scrutiny Committee", new DateOnly(2015, 6, 2), GovernanceAction.Consider, StepOutcome.Noted),
                ("Cabinet", new DateOnly(2015, 6, 16), GovernanceAction.Consider, StepOutcome.Noted),
                ("Cabinet", new DateOnly(2015, 10, 7), GovernanceAction.Decide, StepOutcome.Approved),
                ("Adults and Communities Overview and Scrutiny Committee", new DateOnly(2015, 11, 3), GovernanceAction.Note, StepOutcome.Noted),
            ],
            decision.Steps.Select(s => (s.BodyName, s.Date, s.Action, s.Outcome)));
        Assert.Empty(decision.MissingApprovals());
        Assert.All(decision.Steps, s => Assert.NotNull(s.MeetingId));
        Assert.Contains("full business case", decision.Steps[2].Minute);

        // The meetings hold the papers on their agendas.
        var meetings = await scope.Db.Meetings.Where(m => decision.Steps.Select(s => s.MeetingId).Contains(m.Id)).ToListAsync();
        Assert.Equal(4, meetings.Count);
        Assert.All(meetings, m => Assert.Contains(m.Agenda, i => i.ContractDecisionId == decision.Id));

        var viewer = await Factory.SignedInClientAsync(Viewer);
        var page = await viewer.GetPageAsync($"/Governance/Decisions/{decision.Id}");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        var route = Browser.Normalise(page.Find("#route-table")?.TextContent);
        var at = new[] { new DateOnly(2015, 6, 2), new DateOnly(2015, 6, 16), new DateOnly(2015, 10, 7), new DateOnly(2015, 11, 3) }
            .Select(d => route.IndexOf(Domain.Common.Dates.Short(d), StringComparison.Ordinal)).ToList();
        Assert.All(at, i => Assert.True(i >= 0, $"a step's date is missing from the route: {route}"));
        Assert.Equal(at.Order(), at);
    }
}
