using Commissioning.Domain.Governance;

namespace Commissioning.Web.Pages.Governance.Bodies;

public sealed class IndexModel(CommissioningDbContext db) : PageModel
{
    public sealed record Row(int Id, string Name, DecisionBodyKind Kind, int Meetings);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Rows = await db.DecisionBodies.AsNoTracking().OrderBy(b => b.Name)
            .Select(b => new Row(b.Id, b.Name, b.Kind, db.Meetings.Count(m => m.BodyId == b.Id)))
            .ToListAsync(ct);
}
