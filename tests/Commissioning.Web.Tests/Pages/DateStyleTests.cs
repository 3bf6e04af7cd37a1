using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Commissioning.Web.Tests.Pages.Governance;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages;

/// <summary>
/// One date style on every page: "1 April 2021", "1 Apr 2021" in dense tables, times in UK local time
/// and never "UTC". The app runs on a summer clock, 13:05 UTC on Wednesday 15 July 2026 (2:05pm BST),
/// so a time shown unconverted would read 1:05pm.
/// </summary>
public sealed partial class DateStyleTests : IAsyncLifetime
{
    private static readonly DateTimeOffset SummerNow = new(2026, 7, 15, 13, 5, 0, TimeSpan.Zero);
    private readonly CommissioningFactory _factory = new() { Time = new MovableClock(SummerNow) };

    public Task InitializeAsync() => Task.CompletedTask;
    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task No_page_shows_UTC_a_numeric_date_or_a_24_hour_time_and_every_date_is_long_or_GOV_UK_short()
    {
        var pages = await CrawlAsync(await _factory.SignedInClientAsync(Administrator), "/", "/?show=all");
        pages.AddRange(await CrawlAsync(await _factory.SignedInClientAsync(CommissioningFactory.Finance), "/Finance", "/Finance/Reviews"));

        Assert.True(pages.Count > 60, $"only {pages.Count} pages were reached");
        Assert.Contains(pages, p => p.Url.StartsWith("/Contracts/Details/", StringComparison.Ordinal));
        Assert.Contains(pages, p => p.Url.StartsWith("/CoverSheets/", StringComparison.Ordinal));
        Assert.Contains(pages, p => p.Url.StartsWith("/Governance/Meetings/", StringComparison.Ordinal));
        Assert.Contains(pages, p => p.Url.StartsWith("/Finance/Reviews/", StringComparison.Ordinal));
        var problems = pages.SelectMany(p => Problems(p.Text).Select(x => $"{p.Url}: {x}")).Distinct().ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(40)));
    }

    [Fact]
    public async Task Dense_tables_use_short_months_and_summary_lists_long_ones()
    {
        var client = await _factory.SignedInClientAsync(Commissioner);

        var register = await Contracts.RegisterReader.AllRowsAsync(client, "");
        Assert.True(register.Count > 20);
        Assert.All(register, r => Assert.Matches(ShortDate(), r.CurrentEnd));
        // Persona's renewal ends on 31 March 2031.
        Assert.Equal("31 Mar 2031", register.Single(r => r.Reference == "SC-2021-0001").CurrentEnd);

        var home = await client.GetPageAsync("/?show=all");
        // The cells' own text: contract titles (free text such as "renewal 1 April 2021 to …") are in links and spans.
        var cells = home.FindAll("main table td")
            .Select(td => Browser.Normalise(string.Concat(td.ChildNodes.Where(n => n.NodeType == NodeType.Text).Select(n => n.TextContent))))
            .Where(t => AnyDate().IsMatch(t)).ToList();
        Assert.NotEmpty(cells);
        Assert.All(cells, t => Assert.Matches(ShortDate(), AnyDate().Match(t).Value));
        // Headings and the sentence at the top are text, not tables: 15 July 2026 + 3 months.
        Assert.Contains("as on 15 July 2026", home.Text);
        Assert.Contains("to 15 October 2026", home.Text);

        var persona = await client.GetPageAsync($"/Contracts/Details/{await _factory.ContractIdAsync("SC-2021-0001")}");
        var summary = persona.FindAll(".govuk-summary-list__row").ToDictionary(
            r => Browser.Normalise(r.QuerySelector("dt")!.TextContent), r => Browser.Normalise(r.QuerySelector("dd")!.TextContent));
        Assert.Equal("1 April 2021", summary["Start date"]);
        Assert.StartsWith("31 March 2031", summary["Current end date"]);
        Assert.Equal("24 March 2021", summary["Date awarded"]);
    }

    [Fact]
    public async Task Times_are_UK_local_time_in_summer()
    {
        var client = await _factory.SignedInClientAsync(Commissioner);
        var persona = await client.GetPageAsync($"/Contracts/Details/{await _factory.ContractIdAsync("SC-2021-0001")}");

        // Seeded at 13:05 UTC on 15 July 2026, which is 2:05pm BST.
        Assert.Matches(@"Added by .+ on 15 July 2026 at 2:05pm\. Last changed by .+ on 15 July 2026 at 2:05pm\.", persona.Text);
        // The history timeline is dense: short months, the same local time.
        var meta = persona.FindAll(".app-timeline__meta").Select(m => Browser.Normalise(m.TextContent)).ToList();
        Assert.NotEmpty(meta);
        Assert.All(meta, m => Assert.Matches(@"^By .+ on \d{1,2} [A-Z][a-z]{2,3} \d{4} at (\d{1,2}(:\d{2})?[ap]m|midday|midnight)$", m));
        Assert.Contains(meta, m => m.EndsWith(" on 15 Jul 2026 at 2:05pm", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Times_are_UK_local_time_in_winter_too()
    {
        // 14:05 UTC on 6 December 2026 is 2:05pm GMT: in winter UK time is UTC, still not labelled so.
        await using var winter = new CommissioningFactory { Time = new MovableClock(new DateTimeOffset(2026, 12, 6, 14, 5, 0, TimeSpan.Zero)) };
        var client = await winter.SignedInClientAsync(Commissioner);

        var persona = await client.GetPageAsync($"/Contracts/Details/{await winter.ContractIdAsync("SC-2021-0001")}");

        Assert.Equal(HttpStatusCode.OK, persona.Status);
        Assert.Contains("on 6 December 2026 at 2:05pm.", persona.Text);
        Assert.DoesNotContain("UTC", persona.Text);
    }

    [Fact]
    public async Task The_printed_cover_sheet_keeps_the_published_templates_dates()
    {
        int sheet;
        await using (var scope = _factory.OpenDb())
            sheet = await scope.Db.CoverSheets.Join(scope.Db.Meetings, s => s.MeetingId, m => m.Id, (s, m) => new { s.Id, m.Date })
                .Where(x => x.Date == new DateOnly(2021, 3, 1)).Select(x => x.Id).SingleAsync();
        var client = await _factory.SignedInClientAsync(Viewer);

        var preview = await client.GetPageAsync($"/CoverSheets/{sheet}/Versions/1");

        Assert.Equal(HttpStatusCode.OK, preview.Status);
        var text = VisibleText(preview);
        // Paper 000 prints "Meeting Date 01 March 2021" and "Executive Board 15/02/2021 Approved".
        Assert.Contains("Meeting Date 01 March 2021", text);
        Assert.Contains("Executive Board 15/02/2021 Approved", text);
        Assert.Contains("Community Commissioning Management Team (CCMT) 02/02/2021 Recommended", text);
        // The line the app adds is the app's: issued at 10:00 UTC on 22 February 2021 (GMT).
        Assert.Contains("Version 1, issued 22 February 2021.", text);
    }

    private static IEnumerable<string> Problems(string text)
    {
        foreach (Match m in Utc().Matches(text)) yield return $"\"UTC\" near \"{Around(text, m)}\"";
        foreach (Match m in NumericDate().Matches(text)) yield return $"numeric date \"{Around(text, m)}\"";
        foreach (Match m in TwentyFourHour().Matches(text)) yield return $"24-hour time \"{Around(text, m)}\"";
        foreach (Match m in AnyDate().Matches(text))
            if (!LongDate().IsMatch(m.Value) && !ShortDate().IsMatch(m.Value)) yield return $"date not in the house style \"{m.Value}\"";
    }

    private static string Around(string text, Match m) => text.Substring(Math.Max(0, m.Index - 30), Math.Min(text.Length - Math.Max(0, m.Index - 30), m.Length + 60));

    private sealed record Visited(string Url, string Text);

    /// <summary>
    /// Pages reachable by links from the start pages (GET only; downloads and PDFs skipped), at most four of each kind
    /// (a path with its ids taken out). The printed cover sheet's preview follows the published template instead.
    /// </summary>
    private static async Task<List<Visited>> CrawlAsync(HttpClient client, params string[] start)
    {
        var seen = new HashSet<string>(start);
        var perKind = new Dictionary<string, int>();
        var queue = new Queue<string>(start);
        var visited = new List<Visited>();
        while (queue.Count > 0)
        {
            var url = queue.Dequeue();
            var response = await client.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html") continue;
            var page = await HtmlPage.ReadAsync(response);
            visited.Add(new Visited(url, VisibleText(page)));
            foreach (var href in page.FindAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                if (!href.StartsWith('/') || href.StartsWith("//", StringComparison.Ordinal)) continue;
                var link = href.Split('#')[0];
                if (link.Length == 0 || link.Contains("format=", StringComparison.Ordinal) || link.StartsWith("/Calendar/", StringComparison.Ordinal)
                    || link.EndsWith("/Pdf", StringComparison.Ordinal) || link.EndsWith("/Pack", StringComparison.Ordinal) || link.EndsWith("/Pack?public=true", StringComparison.Ordinal) || link.EndsWith("/Agenda", StringComparison.Ordinal) || PrintPreview().IsMatch(link))
                    continue;
                var kind = Digits().Replace(link.Split('?')[0], "N") + "?" + string.Join("&", link.Split('?').Skip(1).SelectMany(q => q.Split('&')).Select(kv => kv.Split('=')[0]));
                if (perKind.GetValueOrDefault(kind) >= 4 || !seen.Add(link)) continue;
                perKind[kind] = perKind.GetValueOrDefault(kind) + 1;
                queue.Enqueue(link);
            }
        }
        return visited;
    }

    /// <summary>
    /// Every text node, each followed by a space: adjacent table cells must not run together ("Board15/02/2021").
    /// Text in <c>code</c> is left out: it is what a user types or a file holds ("2031-03-31"), shown as an example, not a date the page states.
    /// </summary>
    private static string VisibleText(HtmlPage page) => Browser.Normalise(string.Join(" ",
        page.Document.Body!.Descendants<IText>()
            .Where(t => t.ParentElement?.LocalName is not ("script" or "style") && t.ParentElement?.Closest("code") is null)
            .Select(t => t.Data)));

    [GeneratedRegex(@"^/CoverSheets/\d+/Versions/\d+$")]
    private static partial Regex PrintPreview();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex(@"\bUTC\b")]
    private static partial Regex Utc();

    // 01/04/2021, 1-4-21, 2021-04-01 and 01.04.2021; not a WCAG criterion number such as 1.4.10.
    [GeneratedRegex(@"\b(?:\d{1,2}([/-])\d{1,2}\1\d{2,4}|\d{1,2}\.\d{1,2}\.\d{4}|\d{4}[/.-]\d{1,2}[/.-]\d{1,2})\b")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"\b([01]\d|2[0-3]):[0-5]\d\b")]
    private static partial Regex TwentyFourHour();

    /// <summary>Anything that looks like a day, a month word and a year.</summary>
    [GeneratedRegex(@"\b\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{4}\b")]
    private static partial Regex AnyDate();

    [GeneratedRegex(@"^[1-9]\d? (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$")]
    private static partial Regex LongDate();

    [GeneratedRegex(@"^[1-9]\d? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept|Oct|Nov|Dec) \d{4}$")]
    private static partial Regex ShortDate();
}
