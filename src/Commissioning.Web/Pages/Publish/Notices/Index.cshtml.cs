using Commissioning.Domain.Publishing.Notices;
using Commissioning.Infrastructure.Publishing.Notices;
using Microsoft.Extensions.Options;

namespace Commissioning.Web.Pages.Publish.Notices;

/// <summary>
/// <c>/Publish/Notices</c>: the Procurement Act notices the register's contracts owe, most pressing first, filtered by status
/// (<c>?status=overdue</c>; by default everything not yet published) and paged, 50 a page.
/// </summary>
[Authorize(Policy = Policies.PublishData)]
public sealed class IndexModel(CommissioningDbContext db, IClock clock, IOptions<ProcurementActOptions> options) : PageModel
{
    public const int PageSize = 50;
    public const string Outstanding = "outstanding", Every = "all";

    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    public IReadOnlyList<RegisterNotice> Rows { get; private set; } = [];
    public IReadOnlyDictionary<NoticeStatus, int> Counts { get; private set; } = new Dictionary<NoticeStatus, int>();
    public int Total { get; private set; }
    public Pagination? Pages { get; private set; }
    public DateOnly Today => clock.Today;
    public string Filter => NoticeLabels.FromSlug(Status) is { } s ? NoticeLabels.Slug(s) : string.Equals(Status, Every, StringComparison.OrdinalIgnoreCase) ? Every : Outstanding;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var all = await NoticeQueries.ForRegisterAsync(db, clock.Today, options.Value.ToSettings(), ct);
        Counts = all.GroupBy(n => n.Notice.Status).ToDictionary(g => g.Key, g => g.Count());
        var chosen = NoticeLabels.FromSlug(Status) is { } status ? all.Where(n => n.Notice.Status == status)
            : Filter == Every ? all : all.Where(n => n.Notice.Status != NoticeStatus.Published);
        var list = chosen.ToList();
        Total = list.Count;
        Pages = Pagination.ForList(Request, Total, PageSize, label: "Pages of notices");
        Rows = list.Skip(Pages.Skip(PageSize)).Take(PageSize).ToList();
    }

    public int Count(NoticeStatus status) => Counts.TryGetValue(status, out var n) ? n : 0;
}
