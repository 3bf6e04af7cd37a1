using System.Net;
using Commissioning.Infrastructure.KeyDates;
using Commissioning.Web.Tests.Support;
using static Commissioning.Web.Tests.Pages.KeyDates.KeyDatesFixture;

namespace Commissioning.Web.Tests.Pages.KeyDates;

/// <summary>The key dates home page on 31 March 2027 over the fixture's seeded contracts (see <see cref="KeyDatesFixture"/>).</summary>
[Collection(KeyDatesCollection.Name)]
public sealed class DashboardTests(KeyDatesFixture fixture)
{
    private async Task<HtmlPage> DashboardAsync(string url = "/")
    {
        var client = await fixture.SignedInAsync();
        var page = await client.GetPageAsync(url);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        return page;
    }

    private static List<string> References(HtmlPage page, string tableId) =>
        page.FindAll($"#{tableId} tbody tr td:first-child a").Select(a => Browser.Normalise(a.TextContent)).ToList();

    /// <summary>Each row's cells, a line break read as a space, joined by " | ".</summary>
    private static List<string> Rows(HtmlPage page, string tableId) =>
        page.FindAll($"#{tableId} tbody tr")
            .Select(tr => string.Join(" | ", tr.QuerySelectorAll("td").Select(td => Browser.Normalise(string.Join(" ", td.ChildNodes.Select(n => n.TextContent))))))
            .ToList();

    /// <summary>The references in the ending, ended and decisions tables (the review and governance lists follow their own rules).</summary>
    private static List<string> DateLists(HtmlPage page) =>
        new[] { "ending-3-table", "ending-6-table", "ending-12-table", "ending-18-table", "ended-table", "decisions-table" }
            .SelectMany(t => References(page, t)).ToList();

    private static int Count(HtmlPage page, string bucket) =>
        int.Parse(Browser.Normalise(page.Find($"#ending-counts [data-bucket='{bucket}']")!.TextContent).Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task My_contracts_fall_into_one_bucket_each_with_the_boundary_day_in_the_nearer_bucket()
    {
        var page = await DashboardAsync();

        Assert.Equal("Key dates", Browser.Normalise(page.Find("h1")!.TextContent));
        // From 31 March 2027 the buckets end on 30 June 2027, 30 September 2027, 31 March 2028 and 30 September 2028.
        Assert.Equal(["KD-01", "KD-12", "KD-17", "KD-18", "KD-02"], References(page, "ending-3-table"));
        Assert.Equal(["KD-03", "KD-04"], References(page, "ending-6-table"));
        Assert.Equal(["KD-05", "KD-06", "KD-07"], References(page, "ending-12-table"));
        Assert.Equal(["KD-08", "KD-09"], References(page, "ending-18-table"));
        Assert.Equal([5, 2, 3, 2], new[] { "ending-3", "ending-6", "ending-12", "ending-18" }.Select(b => Count(page, b)));
        Assert.Contains("Ending in the next 3 months (5), to 30 June 2027", page.Text);
        Assert.Contains("Ending in 12 to 18 months (2), to 30 September 2028", page.Text);

        // Terminated from 30 April shows on its last day, tagged; the renewed one says so.
        var terminated = page.FindAll("#ending-3-table tbody tr").Single(tr => tr.TextContent.Contains("KD-12", StringComparison.Ordinal));
        Assert.Contains("30 Apr 2027 Terminated", Browser.Normalise(terminated.TextContent));
        var renewed = page.FindAll("#ending-3-table tbody tr").Single(tr => tr.TextContent.Contains("KD-18", StringComparison.Ordinal));
        Assert.Contains("Renewal recorded", renewed.TextContent);

        // Ended yesterday with nothing recorded; terminated in January, not awarded, withdrawn and someone else's: nowhere.
        Assert.Equal(["KD-11"], References(page, "ended-table"));
        var listed = DateLists(page);
        foreach (var hidden in new[] { "KD-13", "KD-14", "KD-15", "KD-16", "KD-19" })
            Assert.DoesNotContain(hidden, listed);
        Assert.Equal($"/Contracts/Details/{fixture.Id("KD-01")}", page.Find("#ending-3-table tbody a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Decisions_to_make_list_overdue_first_most_overdue_at_the_top_then_soonest()
    {
        var page = await DashboardAsync();

        // Deadlines (end + 1 day − notice − 6 months): KD-01 1 Sep 2026, KD-02 1 Oct 2026, KD-17 3 Oct 2026,
        // KD-03 2 Jan 2027 (all overdue); KD-06 31 Mar 2027 (today: not overdue); KD-04 and KD-07 1 Apr 2027;
        // KD-05 and KD-08 2 Apr 2027; KD-09 1 Oct 2027; KD-10 2 Oct 2027. Terminated and renewed ones have none.
        Assert.Equal(["KD-01", "KD-02", "KD-17", "KD-03", "KD-06", "KD-04", "KD-07", "KD-05", "KD-08", "KD-09", "KD-10"],
            References(page, "decisions-table"));
        var rows = Rows(page, "decisions-table");
        Assert.All(rows.Take(4), r => Assert.Contains("Overdue", r));
        Assert.All(rows.Skip(4), r => Assert.DoesNotContain("Overdue", r));
        Assert.Contains("| 1 Sept 2026 Overdue | Serve notice or re-procure", rows[0]);
        Assert.Contains("| 1 Oct 2026 Overdue | Extend, or serve notice | 1 Apr 2027 3 months' notice | 30 Jun 2027", rows[1]);
        Assert.Contains("| 31 Mar 2027 | Serve notice", rows[4]);
        Assert.Contains("4 decisions are overdue", page.Text);
    }

    [Fact]
    public async Task Reviews_and_governance_show_only_my_contracts_and_decisions_still_waiting()
    {
        var page = await DashboardAsync();

        var reviews = References(page, "reviews-table");
        Assert.Contains("KD-04", reviews);
        Assert.DoesNotContain("KD-16", reviews);
        Assert.DoesNotContain("KD-15", reviews);
        Assert.Contains("2026/27, from 1 Apr 2026 Overdue", Browser.Normalise(page.Find("#reviews-table tbody tr")!.TextContent));

        // KD-02's extension waits for Test Board's approval on 15 April 2027; KD-03's decision is approved.
        var row = Assert.Single(Rows(page, "governance-table"));
        Assert.StartsWith("Extend KD-02 by its option Extension | KD-02 " + AwkwardTitle + " | Test Board asked to approve | 15 Apr 2027", row);
        Assert.StartsWith("/Governance/Decisions/", page.Find("#governance-table tbody a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task All_contracts_is_one_click_away_and_adds_other_commissioners_contracts()
    {
        var mine = await DashboardAsync();
        var link = mine.FindAll("#scope a").Single(a => a.TextContent.Trim() == "All contracts");
        Assert.Equal("page", mine.FindAll("#scope a").Single(a => a.TextContent.Trim() == "My contracts").GetAttribute("aria-current"));

        var all = await DashboardAsync(link.GetAttribute("href")!);

        Assert.Equal("/?show=all", link.GetAttribute("href"));
        Assert.Equal("page", all.FindAll("#scope a").Single(a => a.TextContent.Trim() == "All contracts").GetAttribute("aria-current"));
        Assert.Contains("KD-16", References(all, "ending-3-table"));
        Assert.Contains("KD-16", References(all, "decisions-table"));
        Assert.Contains(OtherCommissioner, all.Find("#ending-3-table")!.TextContent);
        Assert.Equal(2, all.FindAll("#governance-table tbody tr").Count(tr => tr.TextContent.Contains("KD-", StringComparison.Ordinal)));
        // Still not the unawarded or withdrawn ones anywhere, nor the one terminated in January among the dates.
        foreach (var hidden in new[] { "KD-14", "KD-15" })
            Assert.DoesNotContain(hidden, all.Text);
        Assert.DoesNotContain("KD-13", DateLists(all));
    }

    [Fact]
    public async Task A_user_named_on_no_contract_is_told_so_and_offered_all_contracts()
    {
        var client = await fixture.SignedInAsync(CommissioningFactory.Viewer);

        var page = await client.GetPageAsync("/");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("No contract in the register names you, Tom Whitfield, as its responsible commissioner.", page.Text);
        Assert.Equal("/?show=all", page.Find("#no-contracts a")!.GetAttribute("href"));
        Assert.Null(page.Find("#decisions-table"));
    }

    [Fact]
    public async Task My_contracts_are_the_ones_naming_me_as_a_user_not_ones_that_spell_my_name()
    {
        var mine = await DashboardAsync();
        var all = await DashboardAsync("/?show=all");

        // KD-20 names "Priya Shah" as text from before commissioners were users: it reads the same, but it is not hers.
        Assert.DoesNotContain("KD-20", DateLists(mine));
        Assert.Contains("KD-20", References(all, "ending-3-table"));
        var historic = Rows(all, "ending-3-table").Single(r => r.Contains("KD-20", StringComparison.Ordinal));
        Assert.Contains($"{DisplayName} (not a user of the register)", historic);
        var hers = Rows(all, "ending-3-table").Single(r => r.Contains("KD-17", StringComparison.Ordinal));
        Assert.Contains($"| {DisplayName} |", hers + " |");
        Assert.DoesNotContain("not a user", hers);
    }

    [Theory]
    // 31 March: 3 months on is 30 June, 6 months 30 September, 12 months the next 31 March.
    [InlineData("2027-03-31", "2027-06-30", EndingBucket.ThreeMonths)]
    [InlineData("2027-03-31", "2027-07-01", EndingBucket.SixMonths)]
    [InlineData("2027-03-31", "2028-03-31", EndingBucket.TwelveMonths)]
    [InlineData("2027-03-31", "2028-04-01", EndingBucket.EighteenMonths)]
    // Month ends: 30 November + 3 months is the last day of February, 28th or (leap year) 29th.
    [InlineData("2026-11-30", "2027-02-28", EndingBucket.ThreeMonths)]
    [InlineData("2026-11-30", "2027-03-01", EndingBucket.SixMonths)]
    [InlineData("2027-11-30", "2028-02-29", EndingBucket.ThreeMonths)]
    [InlineData("2027-11-30", "2028-03-01", EndingBucket.SixMonths)]
    // Leap day: 29 February 2028 + 12 months is 28 February 2029.
    [InlineData("2028-02-29", "2029-02-28", EndingBucket.TwelveMonths)]
    [InlineData("2028-02-29", "2029-03-01", EndingBucket.EighteenMonths)]
    [InlineData("2027-08-31", "2028-02-29", EndingBucket.SixMonths)]
    [InlineData("2027-08-31", "2028-03-01", EndingBucket.TwelveMonths)]
    [InlineData("2027-03-31", "2027-03-31", EndingBucket.ThreeMonths)]
    public void Buckets_end_on_the_same_date_months_ahead_or_that_months_last_day(string today, string lastDay, EndingBucket expected) =>
        Assert.Equal(expected, KeyDatesQuery.BucketOf(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2027-03-30")]
    [InlineData("2028-10-01")]
    public void Outside_today_to_eighteen_months_is_no_bucket(string lastDay) =>
        Assert.Null(KeyDatesQuery.BucketOf(Today, DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture)));
}
