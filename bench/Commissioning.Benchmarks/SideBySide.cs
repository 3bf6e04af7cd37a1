using System.Diagnostics;

namespace Commissioning.Benchmarks;

/// <summary>
/// The PDF variants interleaved, one render of each per round, so a busy shared machine slows them all
/// alike: medians and their ratio to the warm-page floor. BenchmarkDotNet runs one benchmark after another,
/// a minute apart, and on a machine whose load changes by the minute its ratios drift.
/// </summary>
internal static class SideBySide
{
    public static async Task RunAsync(int rounds)
    {
        var bench = new PdfBenchmarks();
        await bench.SetupAsync();
        var variants = new (string Name, Func<Task> Run)[]
        {
            ("warm reused page (floor)", bench.WarmPageFloor),
            ("warm page + wipe (about:blank, cookies)", bench.WarmPageWithWipe),
            ("pooled renderer", bench.PooledRenderer),
            ("fresh context per render (before)", bench.FreshContextPerRender),
            ("agenda pack of 10 sheets, pooled", bench.AgendaPackOfTen),
            ("agenda pack of 10 + report, assembled", bench.AgendaPackAssembled),
            ("4 in parallel, pooled (2 pages)", bench.FourInParallel),
        };
        foreach (var (_, run) in variants) await run(); // warm every path once
        var times = variants.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var v = 0; v < variants.Length; v++)
            {
                var clock = Stopwatch.StartNew();
                await variants[v].Run();
                times[v].Add(clock.Elapsed.TotalMilliseconds);
            }
        }
        await bench.CleanupAsync();
        var floor = Median(times[0]);
        Console.WriteLine($"{rounds} rounds, interleaved; medians (p90)");
        for (var v = 0; v < variants.Length; v++)
            Console.WriteLine($"{variants[v].Name,-42} {Median(times[v]),7:0} ms ({Percentile(times[v], 0.9),5:0})  {Median(times[v]) / floor,5:0.00}x floor");
    }

    private static double Median(List<double> values) => Percentile(values, 0.5);

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[(int)Math.Round(p * (sorted.Count - 1))];
    }
}
