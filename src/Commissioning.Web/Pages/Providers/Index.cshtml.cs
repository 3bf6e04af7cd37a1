using Commissioning.Domain.Providers;

namespace Commissioning.Web.Pages.Providers;

public sealed class IndexModel(CommissioningDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public sealed record Row(int Id, string Name, OrganisationType Type, bool IsSme, bool IsVcse, string? RegistrationNumber, int Contracts);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.Providers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var pattern = SearchPattern.Contains(Q);
            query = query.Where(p => EF.Functions.Like(p.Name, pattern, SearchPattern.Escape) || EF.Functions.Like(p.RegistrationNumber!, pattern, SearchPattern.Escape));
        }
        Rows = await query.OrderBy(p => p.Name)
            .Select(p => new Row(p.Id, p.Name, p.OrganisationType, p.IsSme, p.IsVcse, p.RegistrationNumber,
                db.Contracts.Count(c => c.ProviderId == p.Id)))
            .ToListAsync(ct);
    }
}
