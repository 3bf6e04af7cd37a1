using Commissioning.Domain.Common;
using Commissioning.Domain.Governance;
using Commissioning.Infrastructure.Data;
using Commissioning.Infrastructure.Documents;
using Microsoft.Extensions.Options;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Commissioning.Infrastructure.Demo;

/// <summary>
/// A Strategic Commissioning Board meeting 24 days after the demo's today (so it is always ahead), with three items and
/// their issued cover sheets: the carers strategy refresh with its 20-page report attached, the homecare market position
/// statement, and a confidential item on a provider's contingency arrangements. Its agenda pack shows everything issue 18 asks of one.
/// The items and people are illustrative, not from the papers.
/// </summary>
public sealed class BoardPackDemoSeeder(CommissioningDbContext db, IClock clock)
{
    public const string MeetingTitle = "Strategic Commissioning Board";
    public const string ReportFileName = "Carers strategy refresh 2026 to 2029 - full report.pdf";
    public const int ReportPages = 20;

    /// <summary>Seeds the meeting, its sheets and the carers item's report (attached as a secretary would, through the document store).</summary>
    public async Task SeedAsync()
    {
        var board = await db.DecisionBodies.SingleAsync(b => b.Name == "Strategic Commissioning Board");
        var secretary = await db.Users.Where(u => u.Email == "secretary@demo.test").Select(u => new Actor(u.Id, u.DisplayName)).SingleAsync();
        var today = clock.Today;
        var meeting = new Meeting(board, today.AddDays(24), MeetingTitle);
        meeting.SetDetails(new TimeOnly(14, 0), "Council Chamber, Bury Town Hall", isOnline: true, "https://meet.example.org/scb", "Cllr Simpson");
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync();

        var carers = meeting.AddItem("Carers Strategy refresh 2026 to 2029", GovernanceAction.Approve, "5");
        carers.SetPresenter("Julie Gonda, Director of Community Commissioning (DASS)");
        var market = meeting.AddItem("Homecare market position statement", GovernanceAction.Note, "6");
        market.SetPresenter("Will Blandamer, Executive Director of Strategic Commissioning");
        var contingency = meeting.AddItem("Provider contingency arrangements for a homecare contract", GovernanceAction.Decide, "7");
        contingency.SetPresenter("Julie Gonda, Director of Community Commissioning (DASS)");
        await db.SaveChangesAsync();

        Sheet(meeting, carers, secretary, today, "This report asks the Board to approve the refreshed Carers Strategy for 2026 to 2029, written with carers " +
            "over six months of engagement. The full strategy is attached as the report.", ["Approve the Carers Strategy 2026 to 2029.", "Note the action plan in section 6 of the report."]);
        Sheet(meeting, market, secretary, today, "The market position statement tells homecare providers what the council expects to buy over the next three years " +
            "and where it sees gaps.", ["Note the market position statement before it is published."]);
        Sheet(meeting, contingency, secretary, today, "A homecare provider has told the council of financial difficulty. This report sets out the " +
            "contingency arrangements to keep care going for the people it supports.", ["Decide on the contingency arrangements in section 3."],
            confidential: "Information relating to the financial or business affairs of a particular person (Local Government Act 1972, Schedule 12A, paragraph 3).");
        await db.SaveChangesAsync();

        using var report = new MemoryStream(ReportPdf("Carers Strategy 2026 to 2029", "Report", ReportPages));
        await new DocumentStore(db, Options.Create(new DocumentOptions()), clock)
            .AddAsync(new DocumentOwner(DocumentOwnerKind.AgendaItem, carers.Id), ReportFileName, report, secretary);
    }

    private void Sheet(Meeting meeting, AgendaItem item, Actor secretary, DateOnly today, string summary, List<string> recommendations, string? confidential = null)
    {
        var sheet = CoverSheet.Create(meeting, item, new CoverSheetContent
        {
            IsConfidential = confidential is not null,
            ConfidentialReason = confidential,
            PresentedBy = item.Presenter ?? "",
            Author = "Julie Gonda, Director of Community Commissioning (DASS)",
            CouncilLead = "Cllr Simpson, Communities and Wellbeing",
            ExecutiveSummary = summary,
            Recommendations = recommendations,
            AddressesAssuranceFrameworkRisk = false,
            Answers = [.. ImplicationQuestions.All.Where(q => q.AlwaysRequired).Select(q => q.Kind == AnswerKind.YesNoNa
                ? ImplicationAnswer.Tick(q.Key, q.Key == ImplicationQuestions.ImpactAssessmentCompleted ? YesNoNa.NotApplicable : YesNoNa.No)
                : ImplicationAnswer.Write(q.Key, "The paper supports this; see the report."))],
        });
        var issuedOn = today.AddDays(-1);
        sheet.Issue(null, secretary, issuedOn.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc), today);
        db.CoverSheets.Add(sheet);
    }

    /// <summary>
    /// A plain report of <paramref name="pages"/> A4 pages drawn with PDFsharp, the same pages and text every time: a title,
    /// "{kind} page n of N" and a few paragraphs per page, with the report's own footer as a real report would have.
    /// </summary>
    public static byte[] ReportPdf(string title, string kind, int pages)
    {
        Pdf.PackFonts.Install();
        using var doc = new PdfDocument();
        doc.Info.Title = title;
        doc.Info.Author = "Community Commissioning";
        doc.Info.CreationDate = new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);
        var heading = new XFont(Pdf.PackFonts.Family, 16, XFontStyleEx.Bold);
        var body = new XFont(Pdf.PackFonts.Family, 10.5);
        var small = new XFont(Pdf.PackFonts.Family, 8);
        for (var n = 1; n <= pages; n++)
        {
            var page = doc.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            using var g = XGraphics.FromPdfPage(page);
            g.DrawString(n == 1 ? title : $"{title} (continued)", heading, XBrushes.Black, new XPoint(57, 80));
            g.DrawString($"{kind} page {n} of {pages}", body, XBrushes.Black, new XPoint(57, 110));
            for (var line = 0; line < 28; line++)
                g.DrawString($"Section {n}.{line / 7 + 1}: line {line + 1} of this section's text, as the report's authors wrote it.", body, XBrushes.Black, new XPoint(57, 140 + line * 20));
            g.DrawString($"{title} – {n}", small, XBrushes.Gray, new XPoint(57, page.Height.Point - 36));
        }
        using var output = new MemoryStream();
        doc.Save(output, closeStream: false);
        return output.ToArray();
    }
}
