using Commissioning.Web.Pdf;

namespace Commissioning.Web.Pages.Governance.Meetings;

/// <summary>"Download agenda": the meeting's agenda alone as a PDF (body, date, time, venue, chair, items with presenters and actions).</summary>
public sealed class AgendaModel(CommissioningDbContext db, IConfiguration configuration, PdfPrinter printer) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var loaded = await AgendaLoader.LoadAsync(db, configuration, Id, forPublic: false, title: "", ct);
        if (loaded is null) return NotFound();
        var agenda = loaded.Agenda with { Title = $"Agenda – {loaded.Agenda.MeetingName}" };
        return await printer.PrintAsync(this, AgendaDocument.ViewPath, agenda, $"agenda-{loaded.Meeting.Date:yyyy-MM-dd}-meeting-{loaded.Meeting.Id}.pdf", p => Problem = p, ct);
    }
}
