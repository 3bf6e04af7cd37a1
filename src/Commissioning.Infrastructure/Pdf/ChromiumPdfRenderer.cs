using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Commissioning.Infrastructure.Pdf;

/// <summary>
/// Prints HTML with the system Chromium through Playwright. One browser serves the whole process: it starts
/// on first use, again if it has died, and again after <see cref="PdfOptions.IdleMinutes"/> without a render
/// has shut it down. Renders reuse a few warm pages (<see cref="PdfOptions.Pages"/>), each in its own context
/// with JavaScript off and no network beyond the app's own assets, wiped between renders (decision 0026).
/// </summary>
public sealed class ChromiumPdfRenderer(PdfOptions options, ILogger<ChromiumPdfRenderer> logger, PdfAssetFetcher? fetchAsset = null, TimeProvider? time = null)
    : IPdfRenderer, IAsyncDisposable, IDisposable
{
    // Starting Chromium is not part of a render's time limit: a cold start on a busy machine
    // can take seconds, and a tight limit should not make the browser look missing.
    private static readonly TimeSpan LaunchTimeout = TimeSpan.FromSeconds(30);

    // A closed server network: without these Chromium keeps trying to reach Google's services.
    private static readonly string[] LaunchArgs =
        ["--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-gpu", "--disable-dev-shm-usage"];

    private readonly SemaphoreSlim _gate = new(1, 1);
    // A turn to print: at most Pages renders at once, so at most Pages warm pages ever exist.
    private readonly SemaphoreSlim _turns = new(Math.Max(1, options.Pages), Math.Max(1, options.Pages));
    private readonly ConcurrentStack<PrintPage> _warm = new();
    private readonly Lock _timerLock = new();
    private ITimer? _idleTimer;
    private int _rendering;
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private string? _idleVersion;
    private bool _disposed;

    public Task<byte[]> RenderAsync(string html, Uri baseAddress, CancellationToken ct = default) =>
        RenderAsync(html, baseAddress, PdfFooter.PageNumbers, ct);

    public async Task<byte[]> RenderAsync(string html, Uri baseAddress, PdfFooter footer, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(baseAddress);
        if (!baseAddress.IsAbsoluteUri || baseAddress.Scheme is not ("http" or "https"))
            throw new ArgumentException("The base address must be an absolute http or https address.", nameof(baseAddress));

        // Waiting for a turn is not part of the time limit, which is for the render itself; the caller's token still ends the wait.
        await _turns.WaitAsync(ct);
        // Counted before asking for the browser, so an idle shutdown that has not begun yet sees this render and stands down.
        Interlocked.Increment(ref _rendering);
        try
        {
            var current = await GetBrowserAsync(stale: null, ct);
            try
            {
                return await RenderWithLimitAsync(current, html, baseAddress, footer, ct);
            }
            catch (PlaywrightException e) when (!current.IsConnected || IsTargetClosed(e))
            {
                // The browser died under us (killed, out of memory): start another and try once more.
                logger.LogWarning(e, "Chromium went away during a PDF render; restarting it and trying again.");
                current = await GetBrowserAsync(stale: current, ct);
                return await RenderWithLimitAsync(current, html, baseAddress, footer, ct);
            }
        }
        finally
        {
            Interlocked.Decrement(ref _rendering);
            ScheduleIdleShutdown();
            _turns.Release();
        }
    }

    /// <summary>Whether Chromium is running now (for the start-up test: <see cref="PdfOptions.StartWithApp"/>).</summary>
    public bool IsRunning => Volatile.Read(ref _browser) is { IsConnected: true };

    /// <summary>
    /// The readiness check's proof that printing can work: starts Chromium as the first print would, or finds it
    /// running, and says which version. After an idle shutdown it does not start it again (a probe every few
    /// seconds would keep it up for ever); it checks that the executable is still there instead.
    /// </summary>
    public async Task<string> CheckAsync(CancellationToken ct = default)
    {
        if (Volatile.Read(ref _idleVersion) is { } version && Volatile.Read(ref _browser) is null)
        {
            if (!File.Exists(options.ChromiumPath)) throw new PdfUnavailableException(options.ChromiumPath);
            return $"Chromium {version} is shut down after {options.IdleMinutes:0.##} minutes without printing; the next PDF starts it again.";
        }
        var browser = await GetBrowserAsync(stale: null, ct);
        ScheduleIdleShutdown();
        return $"Chromium {browser.Version} is running.";
    }

    private async Task<byte[]> RenderWithLimitAsync(IBrowser current, string html, Uri document, PdfFooter footer, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(options.Timeout);
        var work = RenderOnWarmPageAsync(current, html, document, footer, limit.Token);
        try
        {
            return await work.WaitAsync(limit.Token);
        }
        catch (Exception e) when (limit.IsCancellationRequested && e is OperationCanceledException or PlaywrightException or TimeoutException)
        {
            // The page's context is being closed by the token; its task fails with TargetClosed, which nobody needs.
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

    private async Task<byte[]> RenderOnWarmPageAsync(IBrowser current, string html, Uri document, PdfFooter footer, CancellationToken limit)
    {
        var page = await TakePageAsync(current);
        byte[] pdf;
        try
        {
            // Closing the page's context is what stops Chromium mid-load or mid-print when time is up.
            await using (limit.Register(() => _ = page.CloseAsync()))
                pdf = await page.PrintAsync(new PrintRequests(html, document, fetchAsset, logger, limit), document, PrintSettings(footer));
        }
        catch
        {
            // A page that failed in any way is never printed on again: it may hold half a document.
            await page.CloseAsync();
            throw;
        }
        await RecycleAsync(page, limit);
        return pdf;
    }

    /// <summary>Wipes the page for the next render and puts it back; one that cannot be wiped is closed instead.</summary>
    private async Task RecycleAsync(PrintPage page, CancellationToken limit)
    {
        try
        {
            if (page.Usable && !limit.IsCancellationRequested)
            {
                await page.ResetAsync();
                _warm.Push(page);
                return;
            }
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException)
        {
            // The PDF is made and good: a page that will not wipe costs only its warmth.
            logger.LogWarning(e, "A print page could not be wiped after a render; it is closed instead of reused.");
        }
        await page.CloseAsync();
    }

    private async Task<PrintPage> TakePageAsync(IBrowser current)
    {
        while (_warm.TryPop(out var page))
        {
            if (page.Usable && page.Browser == current) return page;
            await page.CloseAsync();
        }
        return await PrintPage.OpenAsync(current, options.Timeout);
    }

    private PagePdfOptions PrintSettings(PdfFooter footer) => new()
    {
        Format = "A4",
        PrintBackground = true,
        PreferCSSPageSize = false,
        Tagged = true,
        Outline = true,
        DisplayHeaderFooter = footer == PdfFooter.PageNumbers,
        // Chromium prints the date and title when the header is left unset.
        HeaderTemplate = "<span></span>",
        FooterTemplate = footer == PdfFooter.PageNumbers ? Footer(options.FooterLabel) : "<span></span>",
        Margin = new() { Top = "15mm", Right = "15mm", Bottom = "20mm", Left = "15mm" },
    };

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
                await StopAsync();
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
            _idleVersion = null;
            logger.LogInformation("Started Chromium {Version} from {Path} for printing.", _browser.Version, options.ChromiumPath);
            return _browser;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>(Re)starts the countdown to an idle shutdown: each render's end pushes it back.</summary>
    private void ScheduleIdleShutdown()
    {
        if (options.IdleAfter is not { } idle) return;
        lock (_timerLock)
        {
            if (_disposed) return;
            _idleTimer ??= (time ?? TimeProvider.System).CreateTimer(_ => _ = ShutDownIfIdleAsync(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _idleTimer.Change(idle, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>The last idle shutdown the timer began; tests wait for it rather than for the clock.</summary>
    internal Task IdleShutdown { get; private set; } = Task.CompletedTask;

    private Task ShutDownIfIdleAsync() => IdleShutdown = ShutDownIfIdleCoreAsync();

    private async Task ShutDownIfIdleCoreAsync()
    {
        await _gate.WaitAsync();
        try
        {
            // A render under way (or one waiting for this gate) reschedules the countdown when it ends.
            if (_disposed || _browser is null || Volatile.Read(ref _rendering) > 0) return;
            var version = _browser.Version;
            await StopAsync();
            _idleVersion = version;
            logger.LogInformation("No PDF printed for {Minutes} minutes: Chromium is shut down until the next one.", options.IdleMinutes);
        }
        catch (Exception e)
        {
            // On a timer thread nobody awaits this; a failure to close must not take the process down.
            logger.LogWarning(e, "Shutting idle Chromium down failed.");
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Closes the warm pages, the browser and the Playwright driver (its own process). Called under the gate.</summary>
    private async Task StopAsync()
    {
        while (_warm.TryPop(out var page)) await page.CloseAsync();
        var closing = _browser;
        _browser = null;
        if (closing is not null)
        {
            try { await closing.CloseAsync(); }
            catch (PlaywrightException) { }
        }
        _playwright?.Dispose();
        _playwright = null;
    }

    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_disposed) return;
            lock (_timerLock)
            {
                _disposed = true;
                _idleTimer?.Dispose();
            }
            await StopAsync();
        }
        finally
        {
            _gate.Release();
        }
    }

    // The container disposes synchronously in some hosts; closing is quick, so blocking here is acceptable.
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
