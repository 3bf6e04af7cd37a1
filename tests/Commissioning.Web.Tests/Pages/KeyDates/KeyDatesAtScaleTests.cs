using System.Data.Common;
using System.Net;
using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Commissioning.Web.Tests.Pages.KeyDates;

/// <summary>Counts the rows the application's queries read, whatever they are, between two <see cref="Reset"/>s.</summary>
public sealed class RowsRead : DbCommandInterceptor
{
    private int _rows;

    public int Rows => _rows;

    public void Reset() => Interlocked.Exchange(ref _rows, 0);

    public override InterceptionResult DataReaderClosing(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        Interlocked.Add(ref _rows, eventData.ReadCount);
        return result;
    }

    public override ValueTask<InterceptionResult> DataReaderClosingAsync(DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
    {
        Interlocked.Add(ref _rows, eventData.ReadCount);
        return ValueTask.FromResult(result);
    }
}

/// <summary>
/// The demo register plus <see cref="Extra"/> contracts ending in the next three months with no value agreed: every
/// one of them is in the "ending", "decisions to make" and "reviews due" lists.
/// </summary>
public sealed class KeyDatesAtScaleApp : IAsyncLifetime
{
    public const int Extra = 300;
    public const string Prefix = "SCALE-";

    public RowsRead Reads { get; } = new();
    public CommissioningFactory Factory { get; }

    public KeyDatesAtScaleApp() => Factory = new CommissioningFactory { Interceptors = [Reads] };

    public async Task InitializeAsync()
    {
        await using var scope = Factory.OpenDb();
        var db = scope.Db;
        var provider = await db.Providers.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        var directorate = await db.DirectorateIdAsync("Adult Social Care");
        var today = Factory.Today;
        for (var i = 0; i < Extra; i++)
        {
            var c = new BlockContract(provider, Money.Pounds(10_000m));
            c.Describe(new ContractDescription($"{Prefix}{i:D4}", $"Scale test contract {i}", null, ServiceCategory.DomiciliaryCare, directorate,
                ResponsibleCommissioner.Historic("Someone Else"), ProcurementRoute.OpenTender, false, Confidentiality.Open));
            c.SetTerm(new ContractTerm(today.AddYears(-2), today.AddDays(1 + i % 85), [], 3));
            c.RecordAward(today.AddYears(-2).AddDays(-30), lettingDecision: null);
            db.Contracts.Add(c);
        }
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}

/// <summary>
/// Issue 15: "all contracts" at a large council read every contract in force and every review, ran the rules in memory
/// and printed every row. Now each list is chosen and paged by the database: the rows read do not grow with the register,
/// the page shows each list's first rows and its total, and the whole list is a link away, a page at a time.
/// </summary>
public sealed class KeyDatesAtScaleTests(KeyDatesAtScaleApp app) : IClassFixture<KeyDatesAtScaleApp>
{
    private async Task<(HtmlPage Page, int Rows)> ReadAsync(string url)
    {
        var client = await app.Factory.SignedInClientAsync(CommissioningFactory.Commissioner);
        app.Reads.Reset();
        var page = await client.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return (page, app.Reads.Rows);
    }

    [Fact]
    public async Task All_contracts_reads_a_few_rows_per_list_not_every_contract()
    {
        var (page, rows) = await ReadAsync("/?show=all");

        // The old page read each contract at least twice (the dates, then the reviews due): over 600 rows here.
        Assert.True(rows < KeyDatesAtScaleApp.Extra / 2, $"{rows} rows were read for the page");
        Assert.Equal(20, page.FindAll("#decisions-table tbody tr").Count);
        Assert.Equal(20, page.FindAll("#ending-3-table tbody tr").Count);
        Assert.Equal(20, page.FindAll("#reviews-table tbody tr").Count);
    }

    [Fact]
    public async Task Each_long_list_shows_its_total_and_links_to_the_whole_list()
    {
        var (page, _) = await ReadAsync("/?show=all");
        await using var scope = app.Factory.OpenDb();
        var total = await Infrastructure.KeyDates.KeyDatesQuery.LoadAsync(scope.Db, app.Factory.Today, Infrastructure.KeyDates.KeyDatesScope.All, 6, default);

        var more = page.Find("#decisions-more a")!;
        Assert.Equal($"See all {total.Decisions.Count:N0} decisions to make", Browser.Normalise(more.TextContent));
        Assert.Equal("/?show=all&list=decisions", more.GetAttribute("href"));
        Assert.Contains($"({total.InBucket(Infrastructure.KeyDates.EndingBucket.ThreeMonths).Count()})",
            page.Find("#ending-3")!.TextContent);
        Assert.Equal(total.InBucket(Infrastructure.KeyDates.EndingBucket.ThreeMonths).Count().ToString(System.Globalization.CultureInfo.InvariantCulture),
            Browser.Normalise(page.Find("#ending-counts [data-bucket='ending-3']")!.TextContent).Split(' ')[0]);
        Assert.Equal($"{total.Decisions.Count(d => d.KeyDate.IsOverdue)} decisions are overdue",
            Browser.Normalise(page.Find(".govuk-warning-text a")!.TextContent));
    }

    [Fact]
    public async Task A_whole_list_comes_a_page_at_a_time_in_order_with_no_row_twice()
    {
        await using var scope = app.Factory.OpenDb();
        var whole = await Infrastructure.KeyDates.KeyDatesQuery.LoadAsync(scope.Db, app.Factory.Today, Infrastructure.KeyDates.KeyDatesScope.All, 6, default);
        var expected = whole.Decisions.Select(d => d.Reference).ToList();
        var pages = (expected.Count + 49) / 50;
        Assert.True(pages >= 3);

        var seen = new List<string>();
        for (var n = 1; n <= pages; n++)
        {
            var (page, rows) = await ReadAsync(n == 1 ? "/?show=all&list=decisions" : $"/?show=all&list=decisions&page={n}");
            Assert.True(rows < 150, $"{rows} rows were read for page {n}");
            Assert.Null(page.Find("#ending-3-table"));
            Assert.Null(page.Find("#reviews-table"));
            seen.AddRange(page.FindAll("#decisions-table tbody tr td:first-child a").Select(a => Browser.Normalise(a.TextContent)));
            Assert.Equal($"Page {n}", page.Find(".govuk-pagination__item--current a")!.GetAttribute("aria-label"));
        }
        Assert.Equal(expected, seen);

        // A page past the end (the list got shorter) shows the last page, not an empty one.
        var (past, _) = await ReadAsync($"/?show=all&list=decisions&page={pages + 5}");
        Assert.Equal(expected.TakeLast(expected.Count - (pages - 1) * 50), past.FindAll("#decisions-table tbody tr td:first-child a").Select(a => Browser.Normalise(a.TextContent)));
    }
}
