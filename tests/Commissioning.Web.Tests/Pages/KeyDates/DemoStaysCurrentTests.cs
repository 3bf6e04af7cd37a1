using System.Globalization;
using System.Net;
using Commissioning.Web.Tests.Pages.Governance;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.KeyDates;

/// <summary>
/// The generated demo contracts' dates count from the day the demo database is created, so whenever a newcomer
/// starts the demo the key dates page is full; the five papers' contracts keep the papers' dates.
/// </summary>
public sealed class DemoStaysCurrentTests
{
    /// <summary>The generated references, the same whatever the day (SC-{2019 + i % 6}-{100 + i}).</summary>
    private static readonly string[] Generated = Enumerable.Range(0, 21)
        .Select(i => $"SC-{2019 + i % 6}-{100 + i:0000}").Order(StringComparer.Ordinal).ToArray();

    [Theory]
    [InlineData(2026, 12, 6)]
    [InlineData(2031, 6, 15)] // after Persona's renewal has run out
    [InlineData(2028, 1, 31)] // a month end: 31 January + 3 months is 30 April
    public async Task A_demo_created_on_any_day_has_contracts_in_every_bucket_decisions_due_and_reviews_due(int year, int month, int day)
    {
        await using var factory = new CommissioningFactory { Time = new MovableClock(new DateTimeOffset(year, month, day, 10, 0, 0, TimeSpan.Zero)) };
        var client = await factory.SignedInClientAsync(Viewer);

        var page = await client.GetPageAsync("/?show=all");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        foreach (var bucket in new[] { "ending-3", "ending-6", "ending-12", "ending-18" })
            Assert.True(GeneratedRows(page, bucket + "-table").Count >= 2, $"{bucket}: {string.Join(", ", GeneratedRows(page, bucket + "-table"))}");
        Assert.NotEmpty(GeneratedRows(page, "ended-table"));
        // Notice deadlines: some already overdue, some still to come.
        var decisions = page.FindAll("#decisions-table tbody tr").Where(IsGenerated).ToList();
        Assert.Contains(decisions, tr => tr.QuerySelector(".govuk-tag--red") is not null);
        Assert.Contains(decisions, tr => tr.QuerySelector(".govuk-tag--red") is null);
        Assert.NotEmpty(GeneratedRows(page, "reviews-table"));
        // The extension going to the board in 17 days, from the governance demo.
        Assert.NotEmpty(GeneratedRows(page, "governance-table"));

        var finance = await factory.SignedInClientAsync(CommissioningFactory.Finance);
        var reviews = await finance.GetPageAsync("/Finance/Reviews");
        Assert.NotEmpty(GeneratedRows(reviews, "waiting-table"));
        Assert.NotEmpty(GeneratedRows(reviews, "due-table"));

        await using var scope = factory.OpenDb();
        var references = await scope.Db.Contracts.Select(c => c.Reference).ToListAsync();
        Assert.Equal(Generated, references.Where(IsGenerated).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(2026, 12, 6)]
    [InlineData(2031, 6, 15)]
    public async Task The_papers_contracts_meetings_and_cover_sheet_keep_the_papers_dates(int year, int month, int day)
    {
        await using var factory = new CommissioningFactory { Time = new MovableClock(new DateTimeOffset(year, month, day, 10, 0, 0, TimeSpan.Zero)) };
        await using var scope = factory.OpenDb();

        var terms = await scope.Db.Contracts.Where(c => !c.Reference.Contains("-01"))
            .ToDictionaryAsync(c => c.Reference, c => (c.StartDate, c.CurrentEndDate));
        Assert.Equal((new DateOnly(2015, 10, 1), new DateOnly(2021, 3, 31)), terms["SC-2015-0001"]);
        Assert.Equal((new DateOnly(2021, 4, 1), new DateOnly(2031, 3, 31)), terms["SC-2021-0001"]);
        // The LCO's first 12-month option is used: 31 March 2026 + 12 months.
        Assert.Equal((new DateOnly(2021, 4, 1), new DateOnly(2027, 3, 31)), terms["SC-2021-0002"]);
        Assert.Equal((new DateOnly(2021, 8, 1), new DateOnly(2028, 7, 31)), terms["SC-2021-0003"]);
        Assert.Equal((new DateOnly(2017, 10, 1), new DateOnly(2019, 5, 31)), terms["SC-2017-0001"]);
        // Persona's issued cover sheet is for the Strategic Commissioning Board of 1 March 2021.
        var sheetMeetings = await scope.Db.CoverSheets.Join(scope.Db.Meetings, s => s.MeetingId, m => m.Id, (s, m) => m.Date).ToListAsync();
        Assert.Contains(new DateOnly(2021, 3, 1), sheetMeetings);
    }

    private static bool IsGenerated(string reference) =>
        reference.Length == 12 && int.TryParse(reference[8..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 100;

    private static bool IsGenerated(AngleSharp.Dom.IElement row) =>
        row.QuerySelectorAll("a").Any(a => IsGenerated(Browser.Normalise(a.TextContent).Split(' ')[0]));

    private static List<string> GeneratedRows(HtmlPage page, string table) =>
        page.FindAll($"#{table} tbody tr").Where(IsGenerated)
            .Select(tr => Browser.Normalise(tr.QuerySelector("a")!.TextContent)).ToList();
}
