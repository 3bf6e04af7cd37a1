using BenchmarkDotNet.Attributes;
using Commissioning.Infrastructure.Pdf;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;

namespace Commissioning.Benchmarks;

/// <summary>
/// One cover sheet printed three ways, side by side in the same run: on a warm page reused with nothing
/// done between renders (the floor), through ChromiumPdfRenderer's pool (wiped between renders), and in a
/// fresh browser context per render (how the renderer worked before decision 0026). Ratio is to the floor.
/// </summary>
[MemoryDiagnoser]
public class PdfBenchmarks
{
    private readonly string _sheet = PrintSamples.CoverSheets(1);
    private readonly string _pack = PrintSamples.CoverSheets(10);
    // The agenda and ten sheets: each part starts with its only h1, as AgendaPack.Assemble expects.
    private readonly string _agendaAndTen = PrintSamples.CoverSheets(11);
    private PackReport _report = null!;
    private ChromiumPdfRenderer _renderer = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;
    private IPage _warm = null!;
    private string _warmHtml = "";

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _renderer = new ChromiumPdfRenderer(new PdfOptions { ChromiumPath = PrintSamples.Chromium, IdleMinutes = 0 },
            NullLogger<ChromiumPdfRenderer>.Instance, PrintSamples.Assets);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = PrintSamples.Chromium, Headless = true, Args = ["--disable-gpu", "--disable-dev-shm-usage"] });
        var context = await _browser.NewContextAsync(new() { JavaScriptEnabled = false, Locale = "en-GB" });
        await context.RouteAsync("**/*", route => PrintSamples.AnswerAsync(route, _warmHtml));
        _warm = await context.NewPageAsync();
        // A report of about 20 pages, as the demo meeting's, merged after the first item's sheet.
        _report = new PackReport("Business case.pdf", await _renderer.RenderAsync(PrintSamples.CoverSheets(20), PrintSamples.Document));
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _renderer.DisposeAsync();
        await _browser.CloseAsync();
        _playwright.Dispose();
    }

    [Benchmark(Baseline = true, Description = "warm reused page (floor)")]
    public async Task<byte[]> WarmPageFloor()
    {
        _warmHtml = _sheet;
        await _warm.GotoAsync(PrintSamples.Document.AbsoluteUri);
        return await _warm.PdfAsync(PrintSamples.Pdf);
    }

    [Benchmark(Description = "warm page + wipe (about:blank, cookies)")]
    public async Task<byte[]> WarmPageWithWipe()
    {
        var pdf = await WarmPageFloor();
        await _warm.GotoAsync("about:blank");
        await _warm.Context.ClearCookiesAsync();
        return pdf;
    }

    [Benchmark(Description = "pooled renderer")]
    public Task<byte[]> PooledRenderer() => _renderer.RenderAsync(_sheet, PrintSamples.Document);

    [Benchmark(Description = "fresh context per render (before)")]
    public async Task<byte[]> FreshContextPerRender()
    {
        var context = await _browser.NewContextAsync(new() { JavaScriptEnabled = false, Locale = "en-GB" });
        try
        {
            await context.RouteAsync("**/*", route => PrintSamples.AnswerAsync(route, _sheet));
            var page = await context.NewPageAsync();
            await page.GotoAsync(PrintSamples.Document.AbsoluteUri);
            return await page.PdfAsync(PrintSamples.Pdf);
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    [Benchmark(Description = "agenda pack of 10 sheets, pooled")]
    public Task<byte[]> AgendaPackOfTen() => _renderer.RenderAsync(_pack, PrintSamples.Document);

    /// <summary>
    /// What the agenda pack page does for a meeting of ten issued sheets: one print of the agenda and the sheets, then
    /// PDFsharp adds a 20-page report, a footer and "Page n of N" on every page, the confidential banner on one item's
    /// pages and the bookmarks (AgendaPack.Assemble). The target is under 2 s.
    /// </summary>
    [Benchmark(Description = "agenda pack of 10 sheets + a 20-page report, printed and assembled")]
    public async Task<byte[]> AgendaPackAssembled()
    {
        var printed = await _renderer.RenderAsync(_agendaAndTen, PrintSamples.Document);
        var items = Enumerable.Range(1, 10).Select(i => new PackItem($"Item {i} – Homecare in the north", i == 3, i == 1 ? [_report] : [])).ToList();
        return AgendaPack.Assemble(printed, new PackDetails("Agenda pack", "A council", "Commissioning register", "Strategic Commissioning Board"), items);
    }

    [Benchmark(Description = "4 in parallel, pooled (2 pages)")]
    public Task<byte[][]> FourInParallel() => Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _renderer.RenderAsync(_sheet, PrintSamples.Document)));
}
