using Commissioning.Web.Forms;
using Microsoft.AspNetCore.Http;

namespace Commissioning.Web.Tests.Forms;

/// <summary>The GOV.UK pager's page numbers: first, last, current and neighbours, an ellipsis (shown as "…" here) for a gap.</summary>
public sealed class PaginationTests
{
    private static string Shown(int current, int count) =>
        string.Join(" ", Pagination.Numbers(current, count).Select(n => n?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "…"));

    [Theory]
    [InlineData(1, 1, "")]
    [InlineData(1, 2, "1 2")]
    [InlineData(2, 3, "1 2 3")]
    [InlineData(1, 5, "1 2 … 5")]
    [InlineData(1, 4, "1 2 3 4")] // a gap of one page shows the page: an ellipsis would take the same room
    [InlineData(3, 5, "1 2 3 4 5")]
    [InlineData(4, 9, "1 2 3 4 5 … 9")]
    [InlineData(6, 42, "1 … 5 6 7 … 42")]
    [InlineData(398, 398, "1 … 397 398")]
    [InlineData(200, 398, "1 … 199 200 201 … 398")]
    public void Shows_first_last_current_and_neighbours_with_ellipses_for_gaps(int current, int count, string expected) =>
        Assert.Equal(expected, Shown(current, count));

    [Fact]
    public void Never_prints_more_than_seven_items_however_many_pages()
    {
        for (var count = 2; count <= 60; count++)
            for (var current = 1; current <= count; current++)
            {
                var items = Pagination.Numbers(current, count);
                Assert.True(items.Count <= 7, $"page {current} of {count}: {Shown(current, count)}");
                var pages = items.OfType<int>().ToList();
                Assert.Equal(pages.Order().Distinct(), pages);
                Assert.Contains(current, pages);
                Assert.Equal([1, count], new[] { pages[0], pages[^1] });
                Assert.DoesNotContain(items.Zip(items.Skip(1)), pair => pair.First is null && pair.Second is null);
            }
    }

    [Theory]
    [InlineData(0, 10, 1)]
    [InlineData(-3, 10, 1)]
    [InlineData(11, 10, 10)]
    [InlineData(5, 0, 1)]
    public void A_page_out_of_range_is_clamped(int current, int count, int expected)
    {
        var pager = new Pagination(current, count, p => $"/p{p}");

        Assert.Equal(expected, pager.Current);
        Assert.False(pager.Current == 1 && pager.HasPrevious);
        Assert.False(pager.Current == pager.PageCount && pager.HasNext);
    }

    [Fact]
    public void Links_for_a_request_keep_its_other_query_values_and_change_only_the_page()
    {
        var request = new DefaultHttpContext().Request;
        request.Path = "/Finance";
        request.QueryString = new QueryString("?q=care%20home&sort=value&page=3&tag=a&tag=b");

        var pager = Pagination.ForRequest(request, 3, 10);

        Assert.Equal("/Finance?q=care%20home&sort=value&tag=a&tag=b&page=4", pager.LinkTo(4));
        Assert.Equal("/Finance?q=care%20home&sort=value&tag=a&tag=b", pager.LinkTo(1));
        Assert.Equal(3, pager.Current);
    }
}
