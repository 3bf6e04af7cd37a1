using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using UglyToad.PdfPig;
using static Commissioning.Infrastructure.Tests.Pdf.PdfRendererTests;

namespace Commissioning.Infrastructure.Tests.Pdf;

/// <summary>
/// Warm pages reused from a small pool (decision 0026): renders share pages but nothing else, and the
/// browser goes away after Pdf:IdleMinutes without a render. Real Chromium, PDFs read back with PdfPig.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class PdfPoolTests
{
    private static readonly Uri App = new("http://127.0.0.1:5080/Contracts/7/CoverSheet/Print");

    [Fact]
    public async Task Renders_one_after_another_print_on_the_same_warm_page()
    {
        // Looked at while each render is under way (asking for its style sheet), when its renderer is surely alive.
        var seen = new ConcurrentQueue<HashSet<int>>();
        await using var renderer = NewRenderer(new() { ChromiumPath = Chromium }, out _, (_, _) =>
        {
            seen.Enqueue(RendererProcessesBelowThisProcess());
            return Task.FromResult<(byte[], string)?>(null);
        });
        const string Head = "<link rel=stylesheet href=/css/print.css>";
        await renderer.RenderAsync(Html("render0", Head), App);
        var warm = Assert.Single(seen);

        for (var i = 1; i <= 5; i++)
            Assert.Contains($"render{i}", Text(await renderer.RenderAsync(Html($"render{i}", Head), App)));
        var started = seen.Skip(1).SelectMany(s => s).Except(warm).ToHashSet();

        Assert.InRange(started.Count, 0, 1);
    }

    [Fact]
    public async Task Four_renders_in_parallel_on_two_pages_each_print_their_own_document()
    {
        await using var renderer = NewRenderer(new() { ChromiumPath = Chromium, Pages = 2 }, out var log);
        var names = new[] { "alpha", "bravo", "charlie", "delta" };

        var pdfs = await Task.WhenAll(names.Select(n => renderer.RenderAsync(Html(string.Join(' ', Enumerable.Repeat(n, 400))), App)));

        for (var i = 0; i < names.Length; i++)
        {
            var words = Text(pdfs[i]).Split(' ').ToHashSet();
            Assert.Contains(names[i], words);
            Assert.Empty(words.Intersect(names.Except([names[i]])));
        }
        Assert.Single(log.Messages, m => m.StartsWith("Started Chromium"));
    }

    [Fact]
    public async Task A_reused_page_shows_and_keeps_nothing_of_the_render_before()
    {
        var served = new ConcurrentQueue<Uri>();
        await using var renderer = NewRenderer(new() { ChromiumPath = Chromium, Pages = 1 }, out _, (url, _) =>
        {
            served.Enqueue(url);
            // Each answer differs, so a copy kept from the first render would show in the second.
            var css = $"h1::before {{ content: \"STYLE{served.Count} \"; }} a {{ color: rgb(0, 0, 255); }} a:visited {{ color: rgb(255, 0, 0); }}";
            return Task.FromResult<(byte[], string)?>((Encoding.UTF8.GetBytes(css), "text/css"));
        });
        const string Head = "<link rel=stylesheet href=/css/print.css>";

        var first = await renderer.RenderAsync(Html("<h1>One</h1> secretfirst", Head), App);
        var second = await renderer.RenderAsync(Html($"<h1>Two</h1> <a href=\"{App}\">linkback</a>", Head), App);

        Assert.Contains("STYLE1", Text(first));
        var text = Text(second);
        Assert.DoesNotContain("secretfirst", text);
        Assert.Contains("STYLE2", text);
        Assert.Equal(2, served.Count);
        // The first render's address is not remembered as visited: the link keeps its unvisited colour. This
        // Chromium records no visits in these contexts at all (a link to the page itself prints unvisited too),
        // so the check guards against one that starts to, rather than against anything the pool does.
        using var pdf = PdfDocument.Open(second);
        var link = Assert.Single(pdf.GetPage(1).GetWords(), w => w.Text == "linkback");
        Assert.All(link.Letters, l => Assert.Equal((0.0, 0.0, 1.0), l.Color.ToRGBValues()));
    }

    [Fact]
    public async Task Browser_idle_for_Pdf_IdleMinutes_is_shut_down_and_the_next_render_starts_it_again()
    {
        var time = new ManualTime();
        var before = ChromiumBrowsersStartedByThisProcess();
        await using var renderer = NewRenderer(new() { ChromiumPath = Chromium, IdleMinutes = 10 }, out var log, time: time);
        await renderer.RenderAsync(Html("first"), App);
        var browser = Assert.Single(ChromiumBrowsersStartedByThisProcess().Except(before));
        Assert.Equal(TimeSpan.FromMinutes(10), time.Due);

        time.Fire();
        await renderer.IdleShutdown;

        Assert.Contains(log.Messages, m => m == "No PDF printed for 10 minutes: Chromium is shut down until the next one.");
        await WaitForExitAsync(browser);
        // The readiness check does not start it again; only a render does.
        Assert.StartsWith("Chromium ", await renderer.CheckAsync());
        Assert.Contains("is shut down after 10 minutes without printing", await renderer.CheckAsync());
        Assert.Empty(ChromiumBrowsersStartedByThisProcess().Except(before));

        Assert.Contains("second", Text(await renderer.RenderAsync(Html("second"), App)));
        Assert.Equal(2, log.Messages.Count(m => m.StartsWith("Started Chromium")));
        Assert.EndsWith("is running.", await renderer.CheckAsync());
    }

    [Fact]
    public async Task Idle_countdown_that_ends_during_a_render_leaves_the_browser_running()
    {
        var time = new ManualTime();
        var stylesheetAsked = new TaskCompletionSource();
        var carryOn = new TaskCompletionSource();
        await using var renderer = NewRenderer(new() { ChromiumPath = Chromium, IdleMinutes = 0.5 }, out var log, async (url, _) =>
        {
            stylesheetAsked.TrySetResult();
            await carryOn.Task;
            return null;
        }, time);
        await renderer.RenderAsync(Html("first"), App); // the countdown starts when a render ends

        var slow = renderer.RenderAsync(Html("slow", "<link rel=stylesheet href=/css/wait.css>"), App);
        await stylesheetAsked.Task;
        time.Fire();
        await renderer.IdleShutdown;
        carryOn.SetResult();

        Assert.Contains("slow", Text(await slow));
        Assert.DoesNotContain(log.Messages, m => m.Contains("shut down"));
        Assert.Equal(TimeSpan.FromSeconds(30), time.Due);
        Assert.Single(log.Messages, m => m.StartsWith("Started Chromium"));
    }

    [Fact]
    public async Task IdleMinutes_0_never_starts_a_countdown()
    {
        var time = new ManualTime();
        await using var renderer = NewRenderer(new() { ChromiumPath = Chromium, IdleMinutes = 0 }, out _, time: time);

        await renderer.RenderAsync(Html("kept"), App);

        Assert.Null(time.Due);
    }

    private static async Task WaitForExitAsync(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            // Closing is asked for and answered before the process has quite gone; a bounded wait, not a timing.
            await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        }
        catch (ArgumentException) { } // already gone
    }

    /// <summary>Chromium renderer processes (one per site per context) below this test process.</summary>
    private static HashSet<int> RendererProcessesBelowThisProcess()
    {
        var found = new HashSet<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                if (File.ReadAllText(Path.Combine(dir, "cmdline")).Contains("--type=renderer") && Below(pid)) found.Add(pid);
            }
            catch (IOException) { } // exited while we looked
        }
        return found;
    }

    private static bool Below(int pid)
    {
        for (var p = pid; p > 1;)
        {
            var stat = File.ReadAllText($"/proc/{p}/stat");
            p = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
            if (p == Environment.ProcessId) return true;
        }
        return false;
    }

    /// <summary>A clock whose one timer fires when the test says so: the idle countdown without waiting for it.</summary>
    private sealed class ManualTime : TimeProvider
    {
        private TimerCallback? _callback;

        /// <summary>When the timer was last set to fire, or null if it never was (or was stopped).</summary>
        public TimeSpan? Due { get; private set; }

        public void Fire() => _callback!(null);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            _callback = callback;
            var timer = new Timer(this);
            timer.Change(dueTime, period);
            return timer;
        }

        private sealed class Timer(ManualTime time) : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period)
            {
                time.Due = dueTime == Timeout.InfiniteTimeSpan ? null : dueTime;
                return true;
            }

            public void Dispose() { }
            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}

/// <summary>The PDF classes count Chromium's processes below the test process, so they take turns.</summary>
[CollectionDefinition(Name)]
public sealed class ChromiumCollection
{
    public const string Name = "Chromium processes";
}
