namespace Commissioning.Web.Pages.Admin.Directorates;

/// <summary>The directorates contracts belong to, in use first, each with how many contracts name it.</summary>
[Authorize(Policy = Policies.ManageDirectorates)]
public sealed class IndexModel(CommissioningDbContext db) : PageModel
{
    public sealed record Row(int Id, string Name, int Contracts, bool Retired);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Withdrawn contracts count too: they still name their directorate, which is why it cannot be deleted.
        Rows = await db.Directorates.AsNoTracking()
            .OrderBy(d => d.RetiredAtUtc != null).ThenBy(d => d.Name)
            .Select(d => new Row(d.Id, d.Name, db.Contracts.Count(c => c.DirectorateId == d.Id), d.RetiredAtUtc != null))
            .ToListAsync(ct);
    }
}
