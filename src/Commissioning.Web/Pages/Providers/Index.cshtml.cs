using Commissioning.Domain.Providers;

namespace Commissioning.Web.Pages.Providers;

/// <summary>Every provider, by name, 50 a page (a large council has about 800); searchable by name or registration number.</summary>
public sealed class IndexModel(CommissioningDbContext db) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public sealed record Row(int Id, string Name, OrganisationType Type, bool IsSme, bool IsVcse, string? RegistrationNumber, int Contracts);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    /// <summary>How many providers the search finds in all, on every page.</summary>
    public int Total { get; private set; }
    public Pagination Pages { get; private set; } = null!;
    /// <summary>The position of the first row shown, counted from 1.</summary>
    public int First => Pages.Skip(PageSize) + 1;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.Providers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var pattern = SearchPattern.Contains(Q);
            query = query.Where(p => EF.Functions.Like(p.Name, pattern, SearchPattern.Escape) || EF.Functions.Like(p.RegistrationNumber!, pattern, SearchPattern.Escape));
        }
        Total = await query.CountAsync(ct);
        Pages = Pagination.ForList(Request, Total, PageSize, label: "Pages of providers");
        Rows = await query.OrderBy(x => x.Name).ThenBy(x => x.Id).Skip(Pages.Skip(PageSize)).Take(PageSize)
            .Select(x => new Row(x.Id, x.Name, x.OrganisationType, x.IsSme, x.IsVcse, x.RegistrationNumber,
                db.Contracts.Count(c => c.ProviderId == x.Id)))
            .ToListAsync(ct);
    }
}
