using Commissioning.Web.Pages.CoverSheets;
using Commissioning.Web.Pdf;

namespace Commissioning.Web.Pages.Governance.Meetings;

/// <summary>
/// The agenda pack: every issued cover sheet for the meeting (the latest issued version of each)
/// in one PDF, in agenda order, each sheet starting on a new page. Drafts are left out.
/// </summary>
public sealed class PackModel(CommissioningDbContext db, IConfiguration configuration, PdfPrinter printer) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }

    public string? Problem { get; private set; }
    public string MeetingTitle { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Id == Id, ct);
        if (meeting is null) return NotFound();
        MeetingTitle = $"{meeting.Title}, {Dates.Long(meeting.Date)}";
        var sheets = await db.CoverSheets.AsNoTracking().Where(s => s.MeetingId == Id).ToListAsync(ct);
        var order = meeting.Agenda.ToDictionary(i => i.Id, i => i.Position);
        var issued = sheets
            .Where(s => s.LatestIssued is not null && order.ContainsKey(s.AgendaItemId))
            .OrderBy(s => order[s.AgendaItemId])
            .Select(s => new PrintSheet(s.LatestIssued!))
            .ToList();
        if (issued.Count == 0)
        {
            Problem = "No cover sheet for this meeting has been issued yet, so there is no agenda pack to download. Issue the cover sheets first.";
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        var doc = new PrintDocument($"Agenda pack – {MeetingTitle}", configuration["Council:Name"] ?? "Council", issued);
        return await printer.PrintAsync(this, PrintDocument.ViewPath, doc, $"agenda-pack-{meeting.Date:yyyy-MM-dd}-meeting-{meeting.Id}.pdf", p => Problem = p, ct);
    }
}
