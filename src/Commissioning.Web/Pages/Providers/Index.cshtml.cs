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
    public int First => (Pages.Current - 1) * PageSize + 1;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var query = db.Providers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var pattern = SearchPattern.Contains(Q);
            query = query.Where(p => EF.Functions.Like(p.Name, pattern, SearchPattern.Escape) || EF.Functions.Like(p.RegistrationNumber!, pattern, SearchPattern.Escape));
        }
        Total = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        // "page" is read from the query string itself: Razor Pages keeps a route value of that name for the page's path.
        var asked = int.TryParse(Request.Query["page"], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : 1;
        Pages = Pagination.ForRequest(Request, Math.Clamp(asked, 1, pageCount), pageCount, label: "Pages of providers");
        Rows = await query.OrderBy(x => x.Name).ThenBy(x => x.Id).Skip((Pages.Current - 1) * PageSize).Take(PageSize)
            .Select(x => new Row(x.Id, x.Name, x.OrganisationType, x.IsSme, x.IsVcse, x.RegistrationNumber,
                db.Contracts.Count(c => c.ProviderId == x.Id)))
            .ToListAsync(ct);
    }
}
