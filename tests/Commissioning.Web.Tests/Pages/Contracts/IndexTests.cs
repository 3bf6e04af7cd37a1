using System.Globalization;
using System.Net;
using Commissioning.Domain.Contracts;
using Commissioning.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Contracts;

/// <summary>The contract register: search, filters, sorting and paging over the demo data.</summary>
[Collection(SharedApp.Contracts)]
public sealed class IndexTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    private static readonly string[] PaperContracts =
        ["SC-2015-0001", "SC-2021-0001", "SC-2021-0002", "SC-2016-0001", "SC-2016-0002", "SC-2021-0003", "SC-2014-0001", "SC-2017-0001"];

    private const int PageSize = 25;

    [Fact]
    public async Task Search_by_provider_name_finds_both_Persona_contracts()
    {
        var rows = await AllRowsAsync("Filter.Q=Persona");

        Assert.Contains("SC-2015-0001", rows.Select(r => r.Reference));
        Assert.Contains("SC-2021-0001", rows.Select(r => r.Reference));
        Assert.All(rows, r => Assert.Contains("Persona", r.Title + " " + r.Provider));
    }

    [Fact]
    public async Task Search_finds_a_contract_by_a_sub_contractors_name()
    {
        var rows = await AllRowsAsync("Filter.Q=" + Uri.EscapeDataString("Bury GP Federation"));

        Assert.Contains("SC-2021-0002", rows.Select(r => r.Reference));
    }

    [Fact]
    public async Task Search_treats_percent_and_underscore_as_plain_characters()
    {
        var rows = await AllRowsAsync("Filter.Q=" + Uri.EscapeDataString("%"));

        Assert.Empty(rows);
    }

    [Fact]
    public async Task Consortium_filter_shows_only_the_BANES_consortium_among_the_paper_contracts()
    {
        var rows = await AllRowsAsync("Filter.Form=Consortium");

        Assert.Equal(new[] { "SC-2021-0003" }, rows.Select(r => r.Reference).Intersect(PaperContracts));
        Assert.All(rows, r => Assert.Equal("Consortium", r.Form));
        Assert.Equal(await CountAsync(c => c is ConsortiumContract), rows.Count);
    }

    [Fact]
    public async Task Superseded_filter_holds_the_renewed_Persona_and_Kent_contracts()
    {
        var rows = await AllRowsAsync("Filter.Status=Superseded");

        Assert.Contains("SC-2015-0001", rows.Select(r => r.Reference));
        Assert.Contains("SC-2014-0001", rows.Select(r => r.Reference));
        Assert.All(rows, r => Assert.Equal("Superseded", r.Status));
    }

    [Fact]
    public async Task Active_filter_holds_the_current_Persona_contract()
    {
        var rows = await AllRowsAsync("Filter.Status=Active");

        Assert.Contains("SC-2021-0001", rows.Select(r => r.Reference));
        Assert.DoesNotContain("SC-2015-0001", rows.Select(r => r.Reference));
        // An extended contract's status reads "Active – extended (1 of 2 options used)".
        Assert.All(rows, r => Assert.Equal("Active", r.Status.Split(" – ")[0]));
        Assert.Contains(rows, r => r.Status == "Active – extended (1 of 2 options used)");
    }

    [Fact]
    public async Task Sorting_by_value_descending_puts_the_largest_value_first()
    {
        var rows = await AllRowsAsync("Filter.Sort=value&Filter.Dir=desc");

        var values = rows.Select(r => ParsePence(ValueOf(r))).ToList();
        Assert.Equal(values.Max(), values[0]);
        var known = values.TakeWhile(v => v is not null).ToList();
        Assert.Equal(known.OrderByDescending(v => v), known);
        Assert.All(values.Skip(known.Count), v => Assert.Null(v));
    }

    [Fact]
    public async Task Sorting_by_value_ascending_puts_the_smallest_known_value_first_among_the_known_values()
    {
        var rows = await AllRowsAsync("Filter.Sort=value&Filter.Dir=asc");

        var known = rows.Select(r => ParsePence(ValueOf(r))).Where(v => v is not null).ToList();
        Assert.Equal(known.Order(), known);
    }

    [Fact]
    public async Task Register_is_paged_by_25_and_the_pages_together_hold_every_contract_once()
    {
        var client = await factory.SignedInClientAsync(Viewer);
        List<string> all;
        await using (var scope = factory.OpenDb())
            all = await scope.Db.Contracts.Select(c => c.Reference).ToListAsync();
        Assert.True(all.Count > PageSize, "the demo data should need more than one page");

        var first = await client.GetPageAsync("/Contracts");
        var second = await client.GetPageAsync("/Contracts?Filter.PageNumber=2");

        Assert.Contains($"{all.Count} contracts", first.Text);
        Assert.Equal(PageSize, first.RegisterRows.Count);
        Assert.NotNull(first.Find("a[aria-label='Page 2']"));
        Assert.NotNull(first.Find("a[rel='next']"));
        Assert.Equal(Math.Min(PageSize, all.Count - PageSize), second.RegisterRows.Count);
        Assert.Empty(first.RegisterRows.Select(r => r.Reference).Intersect(second.RegisterRows.Select(r => r.Reference)));
        var everything = await AllRowsAsync("");
        Assert.Equal(all.Order(StringComparer.Ordinal), everything.Select(r => r.Reference).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Register_rows_are_sorted_by_reference_by_default()
    {
        var rows = await AllRowsAsync("");

        var references = rows.Select(r => r.Reference).ToList();
        Assert.Equal(references.Order(StringComparer.Ordinal), references);
    }

    [Fact]
    public async Task Register_shows_this_years_value_and_says_which_year_when_the_contract_is_not_in_force()
    {
        // Kent's continuation ended on 31 May 2019; never reviewed, so its 2019/20 value is projected from the
        // £33,632,993.52 it was let at. (The year-by-year figures are held by RegisterValueTests on a fixed day.)
        var rows = await AllRowsAsync("");

        Assert.Contains(rows, r => r.Reference == "SC-2017-0001" && r.Value == "£33,632,993.52 (estimate) (projected, last year 2019/20)");
        Assert.All(rows, r => Assert.Matches(@"^(Not set|£[0-9,]+\.[0-9]{2}( \(estimate\))?( \((projected|first year|last year)[^)]*\))?)$", r.Value));
    }

    [Fact]
    public async Task Register_with_a_non_numeric_ends_within_filter_shows_a_message_instead_of_failing()
    {
        var client = await factory.SignedInClientAsync(Viewer);

        var page = await client.GetPageAsync("/Contracts?Filter.EndsWithin=abc");

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(page.ErrorSummary, m => m.Contains("whole number of months", StringComparison.Ordinal));
        Assert.Contains("whole number of months", page.FieldError("Filter-EndsWithin"));
        Assert.Equal("abc", page.Value("Filter.EndsWithin"));
    }

    [Theory]
    [InlineData("/Contracts?Filter.Status=Nonsense")]
    [InlineData("/Contracts?Filter.PageNumber=abc")]
    [InlineData("/Contracts?Filter.PageNumber=-4")]
    [InlineData("/Contracts?Filter.PageNumber=99999")]
    [InlineData("/Contracts?Filter.EndsWithin=99999999999999")]
    [InlineData("/Contracts?Filter.Sort=nonsense&Filter.Dir=sideways")]
    public async Task Register_with_a_nonsense_query_still_answers_200(string url)
    {
        var client = await factory.SignedInClientAsync(Viewer);

        var page = await client.GetPageAsync(url);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Contract register", page.Text);
    }

    private async Task<int> CountAsync(Func<Contract, bool> predicate)
    {
        await using var scope = factory.OpenDb();
        return (await scope.Db.Contracts.AsNoTracking().ToListAsync()).Count(predicate);
    }

    /// <summary>Every row of the register for a query, following the pages.</summary>
    private async Task<List<RegisterRow>> AllRowsAsync(string query)
    {
        var client = await factory.SignedInClientAsync(Viewer);
        return await RegisterReader.AllRowsAsync(client, query);
    }

    /// <summary>The figure alone: "£9,893,408.00 (projected)" → "£9,893,408.00".</summary>
    internal static string ValueOf(RegisterRow row) => row.Value.Replace(" (estimate)", "", StringComparison.Ordinal).Split(" (")[0];

    internal static long? ParsePence(string shown) =>
        shown == "Not set" ? null : (long)(decimal.Parse(shown.TrimStart('£'), NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture) * 100m);
}

internal static class RegisterReader
{
    /// <summary>Every row of the register for a query string, page by page until all are read.</summary>
    public static async Task<List<RegisterRow>> AllRowsAsync(HttpClient client, string query)
    {
        var rows = new List<RegisterRow>();
        for (var page = 1; ; page++)
        {
            var separator = query.Length == 0 ? "" : "&";
            var html = await client.GetPageAsync($"/Contracts?{query}{separator}Filter.PageNumber={page}");
            Assert.Equal(HttpStatusCode.OK, html.Status);
            rows.AddRange(html.RegisterRows);
            if (html.Find("a[rel='next']") is null) return rows;
            if (page > 100) throw new InvalidOperationException("The register never reached its last page.");
        }
    }
}
