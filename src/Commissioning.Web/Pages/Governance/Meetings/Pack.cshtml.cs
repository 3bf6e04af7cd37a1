using Commissioning.Infrastructure.Documents;
using Commissioning.Infrastructure.Pdf;
using Commissioning.Web.Pages.CoverSheets;
using Commissioning.Web.Pdf;

namespace Commissioning.Web.Pages.Governance.Meetings;

/// <summary>
/// The agenda pack: one PDF with the agenda first, then for each item in agenda order its latest issued cover sheet
/// followed by its report PDFs; bookmarks per item, a footer on every page ("Page n of N" for the whole pack),
/// confidential items bannered on every page. With <c>?public=true</c>, the public pack: confidential items' papers
/// left out, the agenda listing them only as exempt. Items without an issued sheet have nothing in the pack; drafts never do.
/// </summary>
public sealed class PackModel(CommissioningDbContext db, IConfiguration configuration, PdfPrinter printer, ViewRenderer views, IDocumentStore documents, ILogger<PackModel> logger) : PageModel
{
    public const string Creator = "Commissioning register";

    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty(SupportsGet = true, Name = "public")] public bool Public { get; set; }

    public string? Problem { get; private set; }
    public string MeetingTitle { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var loaded = await AgendaLoader.LoadAsync(db, configuration, Id, Public, "", ct);
        if (loaded is null) return NotFound();
        var (meeting, agenda, issued) = loaded;
        MeetingTitle = agenda.MeetingName;
        if (issued.Count == 0 || !meeting.Agenda.Any(i => issued.ContainsKey(i.Id)))
        {
            Problem = "No cover sheet for this meeting has been issued yet, so there is no agenda pack to download. Issue the cover sheets first.";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        var title = $"{(Public ? "Public agenda pack" : "Agenda pack")} – {MeetingTitle}";
        var inPack = agenda.Items.Where(l => issued.ContainsKey(l.ItemId) && !(Public && l.Confidential)).ToList();
        var reports = await AgendaLoader.ReportsAsync(documents, inPack, ct);
        agenda = agenda with { Title = title };

        // One print of the agenda and the sheets keeps their tagging whole; the agenda is put in front of the sheets' own document.
        var sheets = new PrintDocument(title, agenda.Council, inPack.Select(l => new PrintSheet(issued[l.ItemId])).ToList());
        var html = WithAgendaFirst(
            await views.RenderAsync(PageContext, PrintDocument.ViewPath, sheets),
            await views.RenderAsync(PageContext, AgendaDocument.ArticlePath, agenda));
        var details = new PackDetails(title, agenda.Council, Creator, MeetingTitle);
        var items = inPack.Select(l => new PackItem(l.Label, l.Confidential, reports[l.ItemId])).ToList();
        var name = $"agenda-pack-{meeting.Date:yyyy-MM-dd}-meeting-{meeting.Id}{(Public ? "-public" : "")}.pdf";
        var clock = System.Diagnostics.Stopwatch.StartNew();
        return await printer.PrintAsync(this, html, PdfFooter.None, pdf =>
        {
            var printed = clock.ElapsedMilliseconds;
            var pack = AgendaPack.Assemble(pdf, details, items);
            logger.LogInformation("Agenda pack for meeting {Meeting}: printed in {Printed} ms, assembled in {Assembled} ms ({Reports} reports).",
                meeting.Id, printed, clock.ElapsedMilliseconds - printed, items.Sum(i => i.Reports.Count));
            return pack;
        }, name, p => Problem = p, ct);
    }

    /// <summary>The agenda's article inserted as the first thing in the sheets' body.</summary>
    internal static string WithAgendaFirst(string sheetsHtml, string agendaArticle)
    {
        const string body = "<body>";
        var at = sheetsHtml.IndexOf(body, StringComparison.Ordinal);
        if (at < 0) throw new InvalidOperationException("The cover sheet print view has no <body> to put the agenda in.");
        return sheetsHtml.Insert(at + body.Length, agendaArticle);
    }
}
