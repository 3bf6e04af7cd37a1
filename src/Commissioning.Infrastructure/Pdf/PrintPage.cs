using Microsoft.Playwright;

namespace Commissioning.Infrastructure.Pdf;

/// <summary>
/// One warm page, in a browser context of its own (JavaScript off, service workers blocked), printed on
/// render after render. Every request it makes goes to the current render's <see cref="PrintRequests"/>;
/// between renders there is none, so anything a previous document still asks for is refused.
/// </summary>
internal sealed class PrintPage
{
    private readonly IBrowserContext _context;
    private readonly IPage _page;
    private PrintRequests? _current;
    private volatile bool _broken;

    private PrintPage(IBrowser browser, IBrowserContext context, IPage page)
    {
        Browser = browser;
        _context = context;
        _page = page;
        // A renderer killed while the page waits in the pool (out of memory) must not be handed out again.
        page.Crash += (_, _) => _broken = true;
        page.Close += (_, _) => _broken = true;
    }

    public IBrowser Browser { get; }

    /// <summary>Still fit to print: its browser runs and nothing has closed or crashed it.</summary>
    public bool Usable => !_broken && Browser.IsConnected;

    public static async Task<PrintPage> OpenAsync(IBrowser browser, TimeSpan timeout)
    {
        var context = await browser.NewContextAsync(new()
        {
            JavaScriptEnabled = false,
            ServiceWorkers = ServiceWorkerPolicy.Block,
            Locale = "en-GB",
        });
        try
        {
            var milliseconds = (float)timeout.TotalMilliseconds;
            context.SetDefaultTimeout(milliseconds);
            context.SetDefaultNavigationTimeout(milliseconds);
            var page = new PrintPage(browser, context, await context.NewPageAsync());
            // Routing also turns Chromium's HTTP cache off for the context (Playwright does so for routed
            // pages), so every render asks for its assets afresh: no render sees another's copy.
            await context.RouteAsync("**/*", page.AnswerAsync);
            return page;
        }
        catch
        {
            await CloseQuietlyAsync(context);
            throw;
        }
    }

    public async Task<byte[]> PrintAsync(PrintRequests requests, Uri document, PagePdfOptions pdf)
    {
        _current = requests;
        try
        {
            await _page.GotoAsync(document.AbsoluteUri, new() { WaitUntil = WaitUntilState.Load });
            return await _page.PdfAsync(pdf);
        }
        finally
        {
            _current = null;
        }
    }

    /// <summary>
    /// Leaves nothing of the last render behind for the next: the document is replaced by an empty one and
    /// cookies are dropped (none can be set today: the answers carry no headers and scripts do not run).
    /// Storage needs no clearing for the same reason: without JavaScript nothing can write to it.
    /// </summary>
    public async Task ResetAsync()
    {
        await _page.GotoAsync("about:blank");
        await _context.ClearCookiesAsync();
    }

    /// <summary>Closing the context is also what stops Chromium mid-load or mid-print when time is up.</summary>
    public Task CloseAsync()
    {
        _broken = true;
        return CloseQuietlyAsync(_context);
    }

    private async Task AnswerAsync(IRoute route)
    {
        if (_current is { } requests)
        {
            await requests.AnswerAsync(route);
            return;
        }
        try { await route.AbortAsync("blockedbyclient"); }
        catch (PlaywrightException) { }
    }

    private static async Task CloseQuietlyAsync(IBrowserContext context)
    {
        try { await context.CloseAsync(); }
        catch (PlaywrightException) { }
    }
}
