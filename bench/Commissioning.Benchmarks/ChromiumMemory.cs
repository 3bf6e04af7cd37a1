using System.Diagnostics;
using Commissioning.Infrastructure.Pdf;
using Microsoft.Extensions.Logging.Abstractions;

namespace Commissioning.Benchmarks;

/// <summary>
/// Chromium's share of memory: the summed RSS of the chromium processes (and, apart, Playwright's node
/// driver) below this process after N pooled renders, then after Pdf:IdleMinutes has shut them down.
/// </summary>
internal static class ChromiumMemory
{
    public static async Task RunAsync(int renders)
    {
        var idle = TimeSpan.FromSeconds(3);
        await using var renderer = new ChromiumPdfRenderer(
            new PdfOptions { ChromiumPath = PrintSamples.Chromium, IdleMinutes = idle.TotalMinutes },
            NullLogger<ChromiumPdfRenderer>.Instance, PrintSamples.Assets);
        Report("before any render");
        var sheet = PrintSamples.CoverSheets(1);
        var pack = PrintSamples.CoverSheets(10);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < renders; i += 2)
            await Task.WhenAll(renderer.RenderAsync(i % 10 == 0 ? pack : sheet, PrintSamples.Document), renderer.RenderAsync(sheet, PrintSamples.Document));
        Console.WriteLine($"{renders} renders (two at a time, every tenth an agenda pack) in {clock.Elapsed.TotalSeconds:0.0} s");
        Report($"after {renders} renders");
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(60) && Below().Count > 0; waited += TimeSpan.FromMilliseconds(500))
            await Task.Delay(500);
        Report($"after Pdf:IdleMinutes ({idle.TotalSeconds:0} s here) without a render");
        await renderer.RenderAsync(sheet, PrintSamples.Document);
        Report("after the next render started it again");
    }

    private static void Report(string when)
    {
        var processes = Below();
        var chromium = processes.Where(p => p.Name.StartsWith("chrom", StringComparison.Ordinal)).ToList();
        var driver = processes.Except(chromium).ToList();
        // RSS counts the pages Chromium's processes share once per process; PSS divides them among the sharers.
        Console.WriteLine($"{when,-50} chromium: {chromium.Count,2} processes, {chromium.Sum(p => p.RssKb) / 1024,5} MB RSS summed, {chromium.Sum(p => p.PssKb) / 1024,5} MB PSS; " +
            $"Playwright driver (node): {driver.Sum(p => p.RssKb) / 1024,3} MB RSS; this process {Environment.WorkingSet / 1024 / 1024} MB");
    }

    /// <summary>Processes started (directly or not) by this one, with their RSS from /proc.</summary>
    private static List<(string Name, long RssKb, long PssKb)> Below()
    {
        var parents = new Dictionary<int, int>();
        var found = new List<(int Pid, string Name, long RssKb, long PssKb)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var status = File.ReadAllLines(Path.Combine(dir, "status"));
                string Field(string key) => status.First(l => l.StartsWith(key + ":", StringComparison.Ordinal))[(key.Length + 1)..].Trim();
                parents[pid] = int.Parse(Field("PPid"));
                var rss = status.FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
                var pss = File.ReadAllLines(Path.Combine(dir, "smaps_rollup")).FirstOrDefault(l => l.StartsWith("Pss:", StringComparison.Ordinal));
                found.Add((pid, Field("Name"), Kb(rss), Kb(pss)));
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException) { } // exited while we looked
        }
        bool IsBelow(int pid)
        {
            for (var p = pid; parents.TryGetValue(p, out var parent) && p > 1; p = parent)
                if (parent == Environment.ProcessId) return true;
            return false;
        }
        return found.Where(p => IsBelow(p.Pid)).Select(p => (p.Name, p.RssKb, p.PssKb)).ToList();
    }

    private static long Kb(string? line) => line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
}
