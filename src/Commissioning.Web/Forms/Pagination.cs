using System.Globalization;

namespace Commissioning.Web.Forms;

/// <summary>
/// GOV.UK pagination (Pages/Shared/_Pagination.cshtml): previous and next, the first and last pages, the current
/// page and its neighbours, and "⋯" for the pages between, so a list of 400 pages prints a handful of links,
/// not 400. Render it with <c>&lt;partial name="_Pagination" model="…" /&gt;</c>; it shows nothing for one page.
/// </summary>
/// <param name="current">The page shown, counted from 1 (clamped into 1..<paramref name="pageCount"/>).</param>
/// <param name="pageCount">How many pages there are (at least 1).</param>
/// <param name="linkTo">The address of a page: the same list with only the page number changed.</param>
/// <param name="label">What screen readers hear the navigation called.</param>
public sealed class Pagination(int current, int pageCount, Func<int, string> linkTo, string label = "Pages of results")
{
    public int PageCount { get; } = Math.Max(1, pageCount);
    public int Current { get; } = Math.Clamp(current, 1, Math.Max(1, pageCount));
    public string Label { get; } = label;

    /// <summary>The address of a page.</summary>
    public string LinkTo(int page) => linkTo(page);

    public bool HasPrevious => Current > 1;
    public bool HasNext => Current < PageCount;

    /// <summary>The page numbers to print in order; null stands for an ellipsis.</summary>
    public IReadOnlyList<int?> Items => Numbers(Current, PageCount);

    /// <summary>
    /// The first and last pages, the current one and one either side; a gap of one page shows that page
    /// (an ellipsis would take the same room), a longer gap shows one ellipsis.
    /// </summary>
    public static IReadOnlyList<int?> Numbers(int current, int pageCount)
    {
        if (pageCount <= 1) return [];
        current = Math.Clamp(current, 1, pageCount);
        var shown = new SortedSet<int> { 1, pageCount };
        for (var p = current - 1; p <= current + 1; p++)
            if (p >= 1 && p <= pageCount) shown.Add(p);

        var items = new List<int?>();
        var previous = 0;
        foreach (var page in shown)
        {
            if (page - previous == 2) items.Add(page - 1);
            else if (page - previous > 2) items.Add(null);
            items.Add(page);
            previous = page;
        }
        return items;
    }

    /// <summary>
    /// Pagination whose links are this request's address with only <paramref name="parameter"/> changed, so the
    /// page's search, filters and sort stay as they are. Page 1 drops the parameter.
    /// </summary>
    public static Pagination ForRequest(HttpRequest request, int current, int pageCount, string parameter = "page", string label = "Pages of results")
    {
        var path = request.PathBase + request.Path;
        var query = request.Query;
        return new Pagination(current, pageCount, page =>
        {
            var values = query
                .Where(kv => !string.Equals(kv.Key, parameter, StringComparison.OrdinalIgnoreCase))
                .SelectMany(kv => kv.Value, (kv, v) => new KeyValuePair<string, string?>(kv.Key, v))
                .ToList();
            if (page > 1) values.Add(new(parameter, page.ToString(CultureInfo.InvariantCulture)));
            return path + QueryString.Create(values).ToUriComponent();
        }, label);
    }

    /// <summary>How many pages <paramref name="total"/> rows make at <paramref name="pageSize"/> a page: at least one.</summary>
    public static int PageCountFor(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);

    /// <summary>
    /// The page number the request asks for in <paramref name="parameter"/>, read from the query string itself (Razor Pages
    /// keeps a route value named "page" for the page's own path, so it cannot be bound); 1 when absent or not a number.
    /// </summary>
    public static int Requested(HttpRequest request, string parameter = "page") =>
        int.TryParse(request.Query[parameter], NumberStyles.None, CultureInfo.InvariantCulture, out var page) ? page : 1;

    /// <summary>
    /// The pager of a list of <paramref name="total"/> rows: the page the request asks for, held to the pages there are
    /// (past the end shows the last), with <see cref="ForRequest"/>'s links, landing on <paramref name="anchor"/> if given.
    /// </summary>
    public static Pagination ForList(HttpRequest request, int total, int pageSize, string parameter = "page", string label = "Pages of results",
        string? anchor = null)
    {
        var pageCount = PageCountFor(total, pageSize);
        var links = ForRequest(request, Math.Clamp(Requested(request, parameter), 1, pageCount), pageCount, parameter, label);
        return anchor is null ? links : new Pagination(links.Current, pageCount, page => links.LinkTo(page) + "#" + anchor, label);
    }

    /// <summary>The number of rows before the current page: what to skip.</summary>
    public int Skip(int pageSize) => (Current - 1) * pageSize;
}
