namespace Commissioning.Web.Pages.Governance.Meetings;

/// <summary>Meetings to come, soonest first, then past meetings, latest first; optionally one body's.</summary>
public sealed class IndexModel(CommissioningDbContext db, IClock clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "body")] public int? Body { get; set; }

    public sealed record Row(int Id, string Title, string BodyName, DateOnly Date, int Items);

    public IReadOnlyList<Row> Upcoming { get; private set; } = [];
    public IReadOnlyList<Row> Past { get; private set; } = [];
    public IReadOnlyList<(string Value, string Text)> Bodies { get; private set; } = [];
    public string? BodyName { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = clock.Today;
        var bodies = await db.DecisionBodies.AsNoTracking().OrderBy(b => b.Name).Select(b => new { b.Id, b.Name }).ToListAsync(ct);
        Bodies = bodies.Select(b => (b.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), b.Name)).ToList();
        BodyName = bodies.FirstOrDefault(b => b.Id == Body)?.Name;

        var query = db.Meetings.AsNoTracking();
        if (Body is { } id) query = query.Where(m => m.BodyId == id);
        var rows = await query.Select(m => new Row(m.Id, m.Title, m.BodyName, m.Date, m.Agenda.Count)).ToListAsync(ct);
        Upcoming = rows.Where(r => r.Date >= today).OrderBy(r => r.Date).ThenBy(r => r.Title).ToList();
        Past = rows.Where(r => r.Date < today).OrderByDescending(r => r.Date).ThenBy(r => r.Title).ToList();
    }
}
