using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using Commissioning.Infrastructure.Pdf;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;
using Xunit.Abstractions;

namespace Commissioning.Infrastructure.Tests.Pdf;

/// <summary>
/// Prints with the real Chromium (/usr/bin/chromium, or CHROMIUM_PATH) and reads the PDF back
/// with PdfPig, an independent reader.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class PdfRendererTests(PdfRendererTests.Printed printed, ITestOutputHelper output) : IClassFixture<PdfRendererTests.Printed>
{
    private static readonly Uri App = new("http://127.0.0.1:5080/Contracts/7/CoverSheet/Print");
    private const string Title = "Cover sheet: SC-2021-0007 Homecare in the north";
    private const int WordCount = 3_000;

    [Fact]
    public void Long_document_prints_on_A4_portrait_with_every_word_kept()
    {
        using var pdf = PdfDocument.Open(printed.Cover);
        output.WriteLine($"First render (with Chromium start) {printed.FirstRender.TotalMilliseconds:0} ms, warm render {printed.WarmRender.TotalMilliseconds:0} ms, {pdf.NumberOfPages} pages; preview in {printed.PreviewFolder}");

        Assert.True(pdf.NumberOfPages > 1, $"expected several pages, got {pdf.NumberOfPages}");
        foreach (var page in pdf.GetPages())
        {
            Assert.InRange(page.Width, 594, 596);
            Assert.InRange(page.Height, 841, 843);
        }
        var words = pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text).ToHashSet();
        var missing = Enumerable.Range(1, WordCount).Select(Numbered).Where(w => !words.Contains(w)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} words lost, first {string.Join(", ", missing.Take(5))}");
    }

    [Fact]
    public void Every_page_has_its_number_and_the_total_in_the_footer()
    {
        using var pdf = PdfDocument.Open(printed.Cover);
        var total = pdf.NumberOfPages;
        foreach (var page in pdf.GetPages())
        {
            var words = page.GetWords().ToList();
            var footer = words.Where(w => w.BoundingBox.Top < BottomMargin).ToList();
            Assert.Equal($"OFFICIAL-SENSITIVE Page {page.Number} of {total}", string.Join(' ', footer.Select(w => w.Text)));
            // The body stops above the footer's margin, so the two never overlap.
            Assert.All(words.Except(footer), w => Assert.True(w.BoundingBox.Bottom >= BottomMargin, $"'{w.Text}' is in the footer margin"));
        }
    }

    [Fact]
    public async Task Page_rules_in_the_style_sheet_cannot_turn_the_page_or_cover_the_footer()
    {
        var body = string.Join(' ', Enumerable.Range(1, 1_500).Select(Numbered));
        var bytes = await printed.Renderer.RenderAsync(Html(body, "<style>@page { size: A4 landscape; margin: 0 }</style>"), App);

        using var pdf = PdfDocument.Open(bytes);
        var page = pdf.GetPage(1);
        Assert.True(page.Height > page.Width, "the page was turned to landscape");
        var words = page.GetWords().ToList();
        Assert.Equal($"OFFICIAL-SENSITIVE Page 1 of {pdf.NumberOfPages}", string.Join(' ', words.Where(w => w.BoundingBox.Top < BottomMargin).Select(w => w.Text)));
        Assert.All(words.Where(w => w.Text.StartsWith("word")), w => Assert.True(w.BoundingBox.Bottom >= BottomMargin, $"'{w.Text}' is in the footer margin"));
    }

    [Fact]
    public void Pdf_is_tagged_with_outline_title_and_language()
    {
        using var pdf = PdfDocument.Open(printed.Cover);
        var catalog = pdf.Structure.Catalog.CatalogDictionary;

        var markInfo = Assert.IsType<DictionaryToken>(Resolve(pdf, catalog.Data["MarkInfo"]));
        Assert.Equal(BooleanToken.True, Resolve(pdf, markInfo.Data["Marked"]));
        var roles = StructureRoles(pdf, catalog.Data["StructTreeRoot"]);
        Assert.Contains("H1", roles);
        Assert.Contains("TH", roles);
        Assert.Contains("Table", roles);

        Assert.Equal("en-GB", Assert.IsType<StringToken>(Resolve(pdf, catalog.Data["Lang"])).Data);
        Assert.Equal(Title, pdf.Information.Title);
        Assert.True(pdf.TryGetBookmarks(out var bookmarks), "no outline");
        Assert.Equal(["Homecare in the north", "Contract details", "Service description"], bookmarks.GetNodes().Select(n => n.Title));
    }

    [Fact]
    public void Style_sheet_from_the_app_is_applied_through_the_fetcher()
    {
        Assert.Contains(new Uri(App, "/css/print.css?v=1"), printed.AssetRequests);
        Assert.Contains("STYLED", Text(printed.Cover));
    }

    [Fact]
    public void Requests_to_other_hosts_are_blocked_and_the_page_still_prints()
    {
        Assert.DoesNotContain(printed.AssetRequests, u => u.Host != App.Host);
        Assert.Contains(printed.Log.Messages, m => m.Contains("Blocked") && m.Contains("https://example.com/x.png"));
        Assert.Contains(printed.Log.Messages, m => m.Contains("Blocked") && m.Contains("https://fonts.example.org/f.css"));
        Assert.Contains(Numbered(WordCount), Text(printed.Cover));
    }

    [Fact]
    public void JavaScript_does_not_run()
    {
        var text = Text(printed.Cover);
        Assert.DoesNotContain("JS RAN", text);
        Assert.Contains("NOSCRIPT SHOWN", text);
    }

    [Fact]
    public async Task Missing_Chromium_says_how_to_install_it_or_where_to_set_its_path()
    {
        await using var renderer = NewRenderer(new() { ChromiumPath = "/nowhere/chromium" }, out _);

        var e = await Assert.ThrowsAsync<PdfUnavailableException>(() => renderer.RenderAsync(Html("x"), App));

        Assert.Equal("Chromium was not found at /nowhere/chromium. Install Chromium (on Debian `sudo apt-get install chromium`; the container image has it at /usr/bin/chromium), or set Pdf:ChromiumPath to where it is.", e.Message);
    }

    [Fact]
    public async Task Chromium_that_will_not_start_is_reported_the_same_way()
    {
        await using var renderer = NewRenderer(new() { ChromiumPath = "/bin/false" }, out _);

        var e = await Assert.ThrowsAsync<PdfUnavailableException>(() => renderer.RenderAsync(Html("x"), App));

        Assert.StartsWith("Chromium at /bin/false could not be started", e.Message);
        Assert.EndsWith(PdfUnavailableException.Remedy, e.Message);
    }

    [Fact]
    public async Task Render_over_the_time_limit_is_abandoned_and_the_next_one_works()
    {
        // Generous enough for a loaded two-core machine to print the small documents around the slow one.
        await using var renderer = NewRenderer(new() { ChromiumPath = Chromium, TimeoutSeconds = 5 }, out _, async (url, ct) =>
        {
            if (url.AbsolutePath == "/slow.css") await Task.Delay(Timeout.Infinite, ct);
            return null;
        });
        await renderer.RenderAsync(Html("warm"), App); // so the limit times the render, not Chromium starting

        var clock = Stopwatch.StartNew();
        var e = await Assert.ThrowsAsync<PdfTimeoutException>(() => renderer.RenderAsync(Html("slow", "<link rel=stylesheet href=/slow.css>"), App));

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(4.5), TimeSpan.FromSeconds(15));
        Assert.Equal(TimeSpan.FromSeconds(5), e.Limit);
        Assert.Contains("after", Text(await renderer.RenderAsync(Html("after"), App)));
    }

    [Fact]
    public async Task Renders_in_parallel_share_one_browser()
    {
        await using var renderer = NewRenderer(new() { ChromiumPath = Chromium }, out var log);

        var pdfs = await Task.WhenAll(renderer.RenderAsync(Html("first"), App), renderer.RenderAsync(Html("second"), App));

        Assert.Contains("first", Text(pdfs[0]));
        Assert.Contains("second", Text(pdfs[1]));
        Assert.Single(log.Messages, m => m.StartsWith("Started Chromium"));
    }

    [Fact]
    public async Task Browser_that_dies_is_started_again_on_the_next_render()
    {
        var before = ChromiumBrowsersStartedByThisProcess();
        await using var renderer = NewRenderer(new() { ChromiumPath = Chromium }, out var log);
        await renderer.RenderAsync(Html("before"), App);
        var ours = Assert.Single(ChromiumBrowsersStartedByThisProcess().Except(before));

        using (var process = Process.GetProcessById(ours))
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        var clock = Stopwatch.StartNew();
        Assert.Contains("again", Text(await renderer.RenderAsync(Html("again"), App)));
        output.WriteLine($"restart and render {clock.ElapsedMilliseconds} ms; " + string.Join(" | ", log.Messages));
        Assert.Equal(2, log.Messages.Count(m => m.StartsWith("Started Chromium")));
    }

    [Fact]
    public async Task AddPdf_binds_the_Pdf_section_and_registers_one_renderer()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Pdf:ChromiumPath"] = "/opt/chromium/chrome",
            ["Pdf:TimeoutSeconds"] = "2.5",
            ["Pdf:FooterLabel"] = "OFFICIAL",
            ["Pdf:Pages"] = "3",
            ["Pdf:IdleMinutes"] = "0.5",
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddPdf(configuration).BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<PdfOptions>>().Value;
        Assert.Equal(("/opt/chromium/chrome", 2.5, "OFFICIAL", 3, 0.5), (options.ChromiumPath, options.TimeoutSeconds, options.FooterLabel, options.Pages, options.IdleMinutes));
        Assert.Same(services.GetRequiredService<ChromiumPdfRenderer>(), services.GetRequiredService<IPdfRenderer>());
        Assert.Equal("/usr/bin/chromium", new PdfOptions().ChromiumPath);
        Assert.Equal(30, new PdfOptions().TimeoutSeconds);
        Assert.Equal((2, 10.0), (new PdfOptions().Pages, new PdfOptions().IdleMinutes));
    }

    [Theory]
    [InlineData("Pdf:Pages", "0", "Pdf:Pages must be at least 1.")]
    [InlineData("Pdf:IdleMinutes", "-1", "Pdf:IdleMinutes must be 0 (never shut Chromium down) or more.")]
    public async Task AddPdf_refuses_settings_that_cannot_work(string key, string value, string message)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [key] = value }).Build();
        await using var services = new ServiceCollection().AddLogging().AddPdf(configuration).BuildServiceProvider();

        var e = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<PdfOptions>>().Value);
        Assert.Contains(message, e.Failures);
    }

    /// <summary>The long cover sheet, printed once for the class with Chromium started from cold.</summary>
    public sealed class Printed : IAsyncLifetime
    {
        public ChromiumPdfRenderer Renderer { get; private set; } = null!;

        public byte[] Cover { get; private set; } = [];
        public TimeSpan FirstRender { get; private set; }
        public TimeSpan WarmRender { get; private set; }
        public ConcurrentBag<Uri> AssetRequests { get; } = [];
        public RecordingLogger Log { get; private set; } = null!;
        public string PreviewFolder { get; } = Path.Combine(AppContext.BaseDirectory, "pdf-preview");

        public async Task InitializeAsync()
        {
            Renderer = NewRenderer(new() { ChromiumPath = Chromium, FooterLabel = "OFFICIAL-SENSITIVE" }, out var log, (url, _) =>
            {
                AssetRequests.Add(url);
                (byte[], string)? css = url.AbsolutePath == "/css/print.css"
                    ? (Encoding.UTF8.GetBytes("h1::before { content: \"STYLED \"; } th { background: #f3f2f1; }"), "text/css")
                    : null;
                return Task.FromResult(css);
            });
            Log = log;
            var clock = Stopwatch.StartNew();
            Cover = await Renderer.RenderAsync(CoverSheet(), App);
            FirstRender = clock.Elapsed;
            clock.Restart();
            await Renderer.RenderAsync(CoverSheet(), App);
            WarmRender = clock.Elapsed;
            await WritePreviewAsync();
        }

        // For people to look at: the PDF and its first page as an image (no test compares pixels).
        private async Task WritePreviewAsync()
        {
            Directory.CreateDirectory(PreviewFolder);
            var file = Path.Combine(PreviewFolder, "cover-sheet.pdf");
            await File.WriteAllBytesAsync(file, Cover);
            if (!File.Exists("/usr/bin/pdftoppm")) return;
            using var pdftoppm = Process.Start("/usr/bin/pdftoppm", ["-r", "60", "-png", "-f", "1", "-l", "1", file, Path.Combine(PreviewFolder, "cover-sheet")]);
            await pdftoppm.WaitForExitAsync();
        }

        public async Task DisposeAsync() => await Renderer.DisposeAsync();
    }

    private static string CoverSheet()
    {
        var body = new StringBuilder();
        for (var paragraph = 0; paragraph < WordCount / 100; paragraph++)
            body.Append("<p>").AppendJoin(' ', Enumerable.Range(paragraph * 100 + 1, 100).Select(Numbered)).Append("</p>\n");
        return $"""
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
              <meta charset="utf-8">
              <title>{Title}</title>
              <link rel="stylesheet" href="/css/print.css?v=1">
              <link rel="stylesheet" href="https://fonts.example.org/f.css">
            </head>
            <body>
              <h1>Homecare in the north</h1>
              <h2>Contract details</h2>
              <table>
                <thead><tr><th scope="col">Reference</th><th scope="col">Provider</th><th scope="col">Annual value</th></tr></thead>
                <tbody><tr><td>SC-2021-0007</td><td>Northern Care Ltd</td><td>£1,234,567.89</td></tr></tbody>
              </table>
              <img src="https://example.com/x.png" alt="">
              <h2>Service description</h2>
              {body}
              <noscript>NOSCRIPT SHOWN</noscript>
              <script>document.body.innerHTML = 'JS RAN';</script>
            </body>
            </html>
            """;
    }

    internal static string Html(string text, string head = "") =>
        $"<!DOCTYPE html><html lang=\"en-GB\"><head><title>Test page</title>{head}</head><body><p>{text}</p></body></html>";

    private static string Numbered(int n) => $"word{n:0000}";

    internal static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Join(' ', document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
    }

    private const double BottomMargin = 20 * 72 / 25.4; // 20 mm in points

    internal static string Chromium => Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    internal static ChromiumPdfRenderer NewRenderer(PdfOptions options, out RecordingLogger log, PdfAssetFetcher? fetch = null, TimeProvider? time = null) =>
        new(options, log = new RecordingLogger(), fetch, time);

    private static IToken Resolve(PdfDocument pdf, IToken token) =>
        token is IndirectReferenceToken reference ? pdf.Structure.GetObject(reference.Data).Data : token;

    /// <summary>Every structure type (/S) in the tagged tree: H1, Table, TH, P, …</summary>
    private static HashSet<string> StructureRoles(PdfDocument pdf, IToken root)
    {
        var roles = new HashSet<string>();
        var pending = new Stack<IToken>([root]);
        while (pending.TryPop(out var token))
        {
            switch (Resolve(pdf, token))
            {
                case DictionaryToken element:
                    if (element.Data.TryGetValue("S", out var role) && Resolve(pdf, role) is NameToken name) roles.Add(name.Data);
                    if (element.Data.TryGetValue("K", out var kids)) pending.Push(kids);
                    break;
                case ArrayToken array:
                    foreach (var kid in array.Data) pending.Push(kid);
                    break;
            }
        }
        return roles;
    }

    /// <summary>Chromium browser processes (not their helpers) below this test process, to kill one as the OOM killer would.</summary>
    internal static HashSet<int> ChromiumBrowsersStartedByThisProcess()
    {
        var processes = new Dictionary<int, (int Parent, string Name)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var nameEnd = stat.LastIndexOf(')');
                processes[pid] = (int.Parse(stat[(nameEnd + 2)..].Split(' ')[1]), stat[(stat.IndexOf('(') + 1)..nameEnd]);
            }
            catch (IOException) { } // exited while we looked
        }
        bool Below(int pid)
        {
            for (var p = pid; processes.TryGetValue(p, out var entry) && p > 1; p = entry.Parent)
                if (entry.Parent == Environment.ProcessId) return true;
            return false;
        }
        return processes
            .Where(p => p.Value.Name == "chromium" && processes.TryGetValue(p.Value.Parent, out var parent) && parent.Name != "chromium" && Below(p.Key))
            .Select(p => p.Key)
            .ToHashSet();
    }

    public sealed class RecordingLogger : ILogger<ChromiumPdfRenderer>
    {
        public ConcurrentQueue<string> Messages { get; } = new();
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Enqueue(formatter(state, exception));
    }
}
