using Commissioning.Domain.Contracts;
using Commissioning.Domain.Finance;
using Commissioning.Domain.Providers;
using Commissioning.Infrastructure.Finance;

namespace Commissioning.Web.Pages.Contracts;

/// <summary>The contract register: search, filter, sort and page, all in the database.</summary>
public sealed class IndexModel(CommissioningDbContext db, IClock clock, ScheduleCache schedules) : PageModel
{
    public const int PageSize = 25;
    public const int MaxEndsWithinMonths = 600;

    [BindProperty(SupportsGet = true)] public Query Filter { get; set; } = new();

    public sealed class Query
    {
        public string? Q { get; set; }
        public CommissioningForm? Form { get; set; }
        public ContractStatus? Status { get; set; }
        public ServiceCategory? Category { get; set; }
        /// <summary>A directorate's id, from the list administrators keep (a name, as older links have it, is looked up).</summary>
        public string? Directorate { get; set; }
        public OrganisationType? ProviderType { get; set; }
        public string? EndsWithin { get; set; }
        public string? Sort { get; set; }
        public string? Dir { get; set; }
        public int PageNumber { get; set; } = 1;
        /// <summary>Administrators only: list contracts withdrawn as entered in error as well.</summary>
        public bool ShowWithdrawn { get; set; }
    }

    /// <summary>A row of the register; <see cref="Value"/> is the contract's value for the current financial year.</summary>
    public sealed record Row(int Id, string Reference, string Title, string? Provider, CommissioningForm Form,
        ContractStatus Status, DateOnly CurrentEndDate, CurrentYearValue Value, int OptionsUsed = 0, int OptionCount = 0, bool Withdrawn = false)
    {
        /// <summary>"extended (1 of 2 options used)" once an option has been exercised, while the contract runs.</summary>
        public string? Extended => OptionsUsed > 0 && Status == ContractStatus.Active ? $"extended ({OptionsUsed} of {OptionCount} options used)" : null;
    }

    /// <summary>Only administrators may list withdrawn contracts.</summary>
    public bool MayShowWithdrawn => User.IsInRole(Infrastructure.Identity.Roles.Administrator);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    /// <summary>The financial year whose values the register shows.</summary>
    public FinancialYear CurrentYear { get; private set; }
    /// <summary>The filter's choices: every directorate, retired ones too (their contracts are still in the register).</summary>
    public IReadOnlyList<(string Value, string Text)> Directorates { get; private set; } = [];
    public int Total { get; private set; }
    public int PageCount => Pagination.PageCountFor(Total, PageSize);
    public bool Descending => Filter.Dir == "desc";
    /// <summary>The pager: links keep the search, filters and sort.</summary>
    public Pagination Pages => new(Filter.PageNumber, PageCount, page => Link(page: page));

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = clock.Today;
        var all = db.Contracts.AsNoTracking();
        var query = await FilterAsync(all, today, ct);

        var currentYear = FinancialYear.Containing(today);
        CurrentYear = currentYear;
        var rows = from v in query.WithCurrentYearValue(db, currentYear.StartYear)
                   let c = v.Contract
                   join p in db.Providers on c.ProviderId equals (int?)p.Id into ps
                   from p in ps.DefaultIfEmpty()
                   select new
                   {
                       c.Id, c.Reference, c.Title, Provider = p == null ? null : p.Name,
                       Form = EF.Property<string>(c, ContractQueries.FormColumn),
                       c.CurrentEndDate, v.ValuePence, v.Year, v.Agreed,
                       OptionsUsed = c.ExtensionOptions.Count(o => o.IsExercised), OptionCount = c.ExtensionOptions.Count(),
                       Withdrawn = c.WithdrawnAtUtc != null,
                       // The domain's status rule, worked out by the database so the register can sort by it (in the order of ContractStatus).
                       Status = ContractQueries.Status.Invoke(c, all, today),
                   };
        rows = rows.Expand(); // puts the status rule into the SQL

        var desc = Descending;
        var ordered = Filter.Sort switch
        {
            "title" => desc ? rows.OrderByDescending(r => r.Title) : rows.OrderBy(r => r.Title),
            "provider" => desc ? rows.OrderByDescending(r => r.Provider) : rows.OrderBy(r => r.Provider),
            "form" => desc ? rows.OrderByDescending(r => r.Form) : rows.OrderBy(r => r.Form),
            "status" => desc ? rows.OrderByDescending(r => r.Status) : rows.OrderBy(r => r.Status),
            "end" => desc ? rows.OrderByDescending(r => r.CurrentEndDate) : rows.OrderBy(r => r.CurrentEndDate),
            // The figure shown: this year's value, agreed or projected (ContractQueries.WithCurrentYearValue).
            "value" => desc ? rows.OrderByDescending(r => r.ValuePence) : rows.OrderBy(r => r.ValuePence),
            _ => desc ? rows.OrderByDescending(r => r.Reference) : rows.OrderBy(r => r.Reference),
        };

        // The search, filters and sort give the same contracts in the same order until the register changes, so their ids
        // are kept with the register's version (decision 0040) and each page reads only its own 25 rows: counting and
        // ordering 10,000 contracts (4 to 15 ms of SQL, the status rule worked out for each) is done once per version.
        // Sorted by value, the contracts are put in order by the figures held for this version of the register (the domain's
        // value schedules, ScheduleCache): the same figure worked out in SQL for every contract took 200 ms at 10,000
        // contracts (decision 0038). Withdrawn contracts are not held, so an administrator's list that includes them sorts
        // in the database.
        var byValue = Filter.Sort == "value" && !Filter.ShowWithdrawn;
        var order = await schedules.KeptAsync(db, KeptKey(today), async c => new KeptOrder(byValue
            ? await SortByValueAsync(query, currentYear, c)
            : await ordered.ThenBy(r => r.Id).Select(r => r.Id).ToListAsync(c)), ct);
        Total = order.Ids.Count;
        Filter.PageNumber = Math.Clamp(Filter.PageNumber, 1, PageCount);
        // A page's rows are kept with the order they come from: this year's value worked out in SQL for 25 contracts is
        // 1.4 ms, most of what is left of the page. Kept in the order, not beside it, so a page is never chosen from one
        // version's order and kept as another's.
        if (!order.Pages.TryGetValue(Filter.PageNumber, out var kept))
        {
            var pageIds = order.Ids.Skip((Filter.PageNumber - 1) * PageSize).Take(PageSize).ToList();
            kept = (await rows.Where(r => pageIds.Contains(r.Id)).ToListAsync(ct)).OrderBy(r => pageIds.IndexOf(r.Id))
                .Select(r => new Row(r.Id, r.Reference, r.Title, r.Provider, Enum.Parse<CommissioningForm>(r.Form), r.Status,
                    r.CurrentEndDate, ValueOf(currentYear, r.Year, r.Agreed, r.ValuePence), r.OptionsUsed, r.OptionCount, r.Withdrawn))
                .ToList();
            if (order.Pages.Count < KeptOrder.MaxPages) order.Pages.TryAdd(Filter.PageNumber, kept);
        }
        Rows = kept;
        Directorates = (await db.Directorates.AsNoTracking().OrderBy(d => d.Name).Select(d => new { d.Id, d.Name, Retired = d.RetiredAtUtc != null }).ToListAsync(ct))
            .Select(d => (d.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), d.Retired ? $"{d.Name} (retired)" : d.Name)).ToList();
    }

    /// <summary>The contracts a search, its filters and its sort select, in order, and the pages of them already read.</summary>
    private sealed class KeptOrder(List<int> ids)
    {
        /// <summary>The pages kept of one order; the rest are read each time (a crawler walking all 400 keeps 20).</summary>
        public const int MaxPages = 20;

        public List<int> Ids { get; } = ids;
        public System.Collections.Concurrent.ConcurrentDictionary<int, IReadOnlyList<Row>> Pages { get; } = new();
    }

    /// <summary>What the kept order depends on besides the register: the day (the status rule) and everything but the page asked for.</summary>
    private string KeptKey(DateOnly today)
    {
        var filter = new
        {
            Filter.Q, Filter.Form, Filter.Status, Filter.Category, Filter.Directorate, Filter.ProviderType,
            Filter.EndsWithin, Filter.Sort, Filter.Dir, Filter.ShowWithdrawn,
        };
        return $"register|{today:O}|{System.Text.Json.JsonSerializer.Serialize(filter)}";
    }

    /// <summary>
    /// The ids of the contracts <paramref name="query"/> selects, by this year's value (<see cref="ScheduledContract.RegisterPence"/>)
    /// then id, as the database orders them: an unknown value is lowest, first going up and last going down. A contract
    /// saved after the held figures were read has none yet and sorts as unknown until the next request.
    /// </summary>
    private async Task<List<int>> SortByValueAsync(IQueryable<Contract> query, FinancialYear currentYear, CancellationToken ct)
    {
        var held = await schedules.ByIdAsync(db, ct);
        var ids = await query.Select(c => c.Id).ToListAsync(ct);
        var valued = ids.Select(id => (Id: id, Pence: held.TryGetValue(id, out var s) ? s.RegisterPence(currentYear) : null));
        return (Descending ? valued.OrderByDescending(v => v.Pence) : valued.OrderBy(v => v.Pence)).ThenBy(v => v.Id).Select(v => v.Id).ToList();
    }

    /// <summary>
    /// "Download register (CSV)" and "(Excel)": every contract the filters select (all pages, in reference order),
    /// one row each, in the layout the import reads back (<see cref="RegisterExport"/>).
    /// </summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        if (!Downloads.IsFormat(format)) return NotFound();
        var query = await FilterAsync(db.Contracts, clock.Today, ct);
        if (!ModelState.IsValid) return Redirect(Link());
        return this.Download(await RegisterExport.BuildAsync(db, query, ct), format);
    }

    /// <summary>The contracts the search and filters select; a filter that cannot be read is said (ModelState) and not applied.</summary>
    private async Task<IQueryable<Contract>> FilterAsync(IQueryable<Contract> all, DateOnly today, CancellationToken ct)
    {
        // Withdrawn contracts (entered in error) leave the register and its search; administrators can ask for them.
        if (!MayShowWithdrawn) Filter.ShowWithdrawn = false;
        var query = Filter.ShowWithdrawn ? all : all.WhereNotWithdrawn();

        if (!string.IsNullOrWhiteSpace(Filter.Q))
        {
            var pattern = SearchPattern.Contains(Filter.Q);
            var providerIds = db.Providers.Where(p => EF.Functions.Like(p.Name, pattern, SearchPattern.Escape)).Select(p => p.Id);
            query = query.Where(c => EF.Functions.Like(c.Reference, pattern, SearchPattern.Escape) || EF.Functions.Like(c.Title, pattern, SearchPattern.Escape)
                || (c.ProviderId != null && providerIds.Contains(c.ProviderId.Value))
                || db.Set<ConsortiumContract>().Any(k => k.Id == c.Id && k.Members.Any(m => providerIds.Contains(m.ProviderId)))
                || db.Set<LeadProviderContract>().Any(k => k.Id == c.Id && k.SubContracts.Any(s => providerIds.Contains(s.ProviderId))));
        }
        if (Filter.Form is { } form) query = query.WhereForm(form);
        if (Filter.Status is { } status) query = query.WhereStatus(all, status, today);
        if (Filter.Category is { } category) query = query.Where(c => c.ServiceCategory == category);
        if (!string.IsNullOrWhiteSpace(Filter.Directorate))
        {
            var wanted = Filter.Directorate.Trim();
            var directorate = await db.Directorates
                .Where(d => d.Id.ToString() == wanted || d.Name == wanted).Select(d => (int?)d.Id).FirstOrDefaultAsync(ct);
            if (directorate is { } found)
            {
                Filter.Directorate = found.ToString(System.Globalization.CultureInfo.InvariantCulture);
                query = query.Where(c => c.DirectorateId == found);
            }
            else
                ModelState.AddModelError("Filter.Directorate", "Choose a directorate from the list");
        }
        if (Filter.ProviderType is { } type)
            query = query.Where(c => db.Providers.Any(p => p.Id == c.ProviderId && p.OrganisationType == type));
        if (!string.IsNullOrWhiteSpace(Filter.EndsWithin))
        {
            if (int.TryParse(Filter.EndsWithin.Trim(), out var months) && months is >= 0 and <= MaxEndsWithinMonths)
            {
                var until = today.AddMonths(months);
                query = query.Where(c => c.CurrentEndDate >= today && c.CurrentEndDate <= until);
            }
            else
                ModelState.AddModelError("Filter.EndsWithin", $"Enter a whole number of months from 0 to {MaxEndsWithinMonths}, like 6");
        }
        return query;
    }

    /// <summary>The figure the database worked out, as the domain names it: a year before this one is the contract's last, a later one its first.</summary>
    private static CurrentYearValue ValueOf(FinancialYear current, int year, bool agreed, long? pence)
    {
        var when = year < current.StartYear ? YearInForce.Last : year > current.StartYear ? YearInForce.First : YearInForce.Current;
        var source = pence is null ? ValueSource.Unknown : agreed ? ValueSource.Agreed : ValueSource.Projected;
        return new CurrentYearValue(new FinancialYear(year), when, pence is { } p ? Money.FromPence(p) : null, source);
    }

    /// <summary>A link to this register with the same filters and one thing changed.</summary>
    public string Link(string? sort = null, string? dir = null, int? page = null)
    {
        var values = new Dictionary<string, string?>
        {
            ["Filter.Q"] = Filter.Q, ["Filter.Form"] = Filter.Form?.ToString(), ["Filter.Status"] = Filter.Status?.ToString(),
            ["Filter.Category"] = Filter.Category?.ToString(), ["Filter.Directorate"] = Filter.Directorate,
            ["Filter.ProviderType"] = Filter.ProviderType?.ToString(), ["Filter.EndsWithin"] = Filter.EndsWithin,
            ["Filter.Sort"] = sort ?? Filter.Sort, ["Filter.Dir"] = dir ?? Filter.Dir,
            ["Filter.PageNumber"] = (page ?? 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Filter.ShowWithdrawn"] = Filter.ShowWithdrawn ? "true" : null,
        };
        return "/Contracts" + Microsoft.AspNetCore.Http.QueryString.Create(values.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }

    /// <summary>The register's download with the same search and filters (not the sort or page: the file has every contract, by reference).</summary>
    public string ExportLink(string format)
    {
        var link = Link();
        return link + (link.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "handler=Export&format=" + format;
    }

    public string SortLink(string column) =>
        Link(column, (Filter.Sort ?? "reference") == column && !Descending ? "desc" : "asc");

    public string AriaSort(string column) =>
        (Filter.Sort ?? "reference") != column ? "none" : Descending ? "descending" : "ascending";
}
