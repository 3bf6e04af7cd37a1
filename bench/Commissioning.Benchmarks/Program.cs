using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Commissioning.Benchmarks;

// dotnet run -c Release --project bench/Commissioning.Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/Commissioning.Benchmarks -- --side-by-side [rounds]
// dotnet run -c Release --project bench/Commissioning.Benchmarks -- --chromium-memory [renders]
if (args is ["--side-by-side", ..])
{
    await SideBySide.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 20);
    return;
}
if (args is ["--chromium-memory", ..])
{
    await ChromiumMemory.RunAsync(args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 50);
    return;
}

// In process: the PDF benchmarks need the Playwright driver beside this assembly, which a generated
// per-benchmark project would not have; the domain's hot paths lose nothing by it.
var config = DefaultConfig.Instance.AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance));
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
