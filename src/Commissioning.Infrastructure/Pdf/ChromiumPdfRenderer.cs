using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Commissioning.Infrastructure.Pdf;

/// <summary>
/// Prints HTML with the system Chromium through Playwright. One browser serves the whole process:
/// it starts on first use and again if it has died. Each render gets its own context, with
/// JavaScript off and no network beyond the app's own assets.
/// </summary>
public sealed class ChromiumPdfRenderer(PdfOptions options, ILogger<ChromiumPdfRenderer> logger, PdfAssetFetcher? fetchAsset = null)
    : IPdfRenderer, IAsyncDisposable, IDisposable
{
    // Starting Chromium is not part of a render's time limit: a cold start on a busy machine
    // can take seconds, and a tight limit should not make the browser look missing.
    private static readonly TimeSpan LaunchTimeout = TimeSpan.FromSeconds(30);

    // A closed server network: without these Chromium keeps trying to reach Google's services.
    private static readonly string[] LaunchArgs =
        ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-gpu", "--disable-dev-shm-usage"];

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private bool _disposed;

    public async Task<byte[]> RenderAsync(string html, Uri baseAddress, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(baseAddress);
        if (!baseAddress.IsAbsoluteUri || baseAddress.Scheme is not ("http" or "https"))
            throw new ArgumentException("The base address must be an absolute http or https address.", nameof(baseAddress));

        var current = await GetBrowserAsync(stale: null, ct);
        try
        {
            return await RenderWithLimitAsync(current, html, baseAddress, ct);
        }
        catch (PlaywrightException e) when (!current.IsConnected || IsTargetClosed(e))
        {
            // The browser died under us (killed, out of memory): start another and try once more.
            logger.LogWarning(e, "Chromium went away during a PDF render; restarting it and trying again.");
            current = await GetBrowserAsync(stale: current, ct);
            return await RenderWithLimitAsync(current, html, baseAddress, ct);
        }
    }

    /// <summary>
    /// Starts Chromium as the first print would, or finds it running, and returns its version: the
    /// readiness check's proof that printing can work. Cheap once the browser is up.
    /// </summary>
    public async Task<string> StartAsync(CancellationToken ct = default) =>
        (await GetBrowserAsync(stale: null, ct)).Version;

    private async Task<byte[]> RenderWithLimitAsync(IBrowser current, string html, Uri document, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(options.Timeout);
        var work = RenderInNewContextAsync(current, html, document, limit.Token);
        try
        {
            return await work.WaitAsync(limit.Token);
        }
        catch (Exception e) when (limit.IsCancellationRequested && e is OperationCanceledException or PlaywrightException or TimeoutException)
        {
            // The context is being closed by the token; its task fails with TargetClosed, which nobody needs.
            _ = work.ContinueWith(static t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
            ct.ThrowIfCancellationRequested();
            throw new PdfTimeoutException(options.Timeout, e);
        }
        catch (TimeoutException e)
        {
            // Playwright's own timeouts are set to the same limit and can fire a moment before ours.
            throw new PdfTimeoutException(options.Timeout, e);
        }
    }

    private async Task<byte[]> RenderInNewContextAsync(IBrowser current, string html, Uri document, CancellationToken limit)
    {
        var context = await current.NewContextAsync(new()
        {
            JavaScriptEnabled = false,
            ServiceWorkers = ServiceWorkerPolicy.Block,
            Locale = "en-GB",
        });
        // Closing the context is what stops Chromium mid-load or mid-print when time is up.
        await using var stop = limit.Register(() => _ = CloseQuietlyAsync(context));
        try
        {
            var milliseconds = (float)options.Timeout.TotalMilliseconds;
            context.SetDefaultTimeout(milliseconds);
            context.SetDefaultNavigationTimeout(milliseconds);
            var requests = new PrintRequests(html, document, fetchAsset, logger, limit);
            await context.RouteAsync("**/*", requests.AnswerAsync);

            var page = await context.NewPageAsync();
            await page.GotoAsync(document.AbsoluteUri, new() { WaitUntil = WaitUntilState.Load });
            return await page.PdfAsync(new()
            {
                Format = "A4",
                PrintBackground = true,
                PreferCSSPageSize = false,
                Tagged = true,
                Outline = true,
                DisplayHeaderFooter = true,
                // Chromium prints the date and title when the header is left unset.
                HeaderTemplate = "<span></span>",
                FooterTemplate = Footer(options.FooterLabel),
                Margin = new() { Top = "15mm", Right = "15mm", Bottom = "20mm", Left = "15mm" },
            });
        }
        finally
        {
            await CloseQuietlyAsync(context);
        }
    }

    // Playwright's TargetClosedException is internal; its message is the stable part.
    private static bool IsTargetClosed(PlaywrightException e) =>
        e.Message.Contains("has been closed", StringComparison.Ordinal);

    private static string Footer(string? label) =>
        // The footer is its own tiny document: it sees none of the page's CSS and defaults to a 0 font size.
        $"""
        <div style="width:100%; margin:0 15mm; display:flex; justify-content:space-between; font:9pt Arial, 'Liberation Sans', sans-serif; color:#0b0c0c;">
          <span>{WebUtility.HtmlEncode(label)}</span>
          <span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span>
        </div>
        """;

    private async Task<IBrowser> GetBrowserAsync(IBrowser? stale, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_browser is { IsConnected: true } && _browser != stale)
                return _browser;
            if (_browser is not null)
            {
                // Start the Playwright driver afresh too: it may be what died.
                logger.LogWarning("Chromium is no longer running; starting it again.");
                await CloseBrowserAsync();
                _playwright?.Dispose();
                _playwright = null;
            }

            // Checked first because Playwright's own message for a missing file is a page of browser log.
            if (!File.Exists(options.ChromiumPath))
                throw new PdfUnavailableException(options.ChromiumPath);
            try
            {
                _playwright ??= await Playwright.CreateAsync();
                _browser = await _playwright.Chromium.LaunchAsync(new()
                {
                    ExecutablePath = options.ChromiumPath,
                    Headless = true,
                    Args = LaunchArgs,
                    Timeout = (float)LaunchTimeout.TotalMilliseconds,
                });
            }
            catch (PlaywrightException e)
            {
                throw new PdfUnavailableException(options.ChromiumPath, e);
            }
            logger.LogInformation("Started Chromium {Version} from {Path} for printing.", _browser.Version, options.ChromiumPath);
            return _browser;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task CloseBrowserAsync()
    {
        var closing = _browser;
        _browser = null;
        if (closing is null) return;
        try { await closing.CloseAsync(); }
        catch (PlaywrightException) { }
    }

    private static async Task CloseQuietlyAsync(IBrowserContext context)
    {
        try { await context.CloseAsync(); }
        catch (PlaywrightException) { }
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_disposed) return;
            _disposed = true;
            await CloseBrowserAsync();
            _playwright?.Dispose();
            _playwright = null;
        }
        finally
        {
            _gate.Release();
        }
    }

    // The container disposes synchronously in some hosts; closing is quick, so blocking here is acceptable.
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
