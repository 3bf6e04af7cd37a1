// The import's dry run of a generated 10,000-row register export against the demo register (issue 16:
// "10,000 rows dry-run in under 10 s on this machine"). Starts the app in memory on a throw-away SQLite
// file with the demo data, then times reading the file and planning it, as the dry run page does, a few
// times (the first includes warming up). Run from the repository's root:
//   dotnet run -c Release --project bench/import -- 10000 3
using System.Diagnostics;
using Commissioning.Infrastructure.Import;
using Commissioning.Tests.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

internal static class ImportMeasure
{
    public static async Task Main(string[] args)
    {
        var rows = args.Length > 0 ? int.Parse(args[0]) : 10_000;
        var repeats = args.Length > 1 ? int.Parse(args[1]) : 3;
        // Run from the repository's root: the app's content root is its project folder.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_COMMISSIONING_WEB", Path.GetFullPath("src/Commissioning.Web"));
        var database = Path.Combine(Path.GetTempPath(), $"commissioning-import-bench-{Guid.NewGuid():N}.db");
        try
        {
            await using var app = new DemoApp(database);
            _ = app.Services; // starts the app: migrates and seeds the demo register
            var file = LargeImportFile.Csv(rows);
            Console.WriteLine($"File: {rows:N0} rows, {file.Length / 1024.0 / 1024.0:F1} MB");
            for (var i = 1; i <= repeats; i++)
            {
                await using var scope = app.Services.CreateAsyncScope();
                var planner = scope.ServiceProvider.GetRequiredService<ImportPlanner>();
                var clock = Stopwatch.StartNew();
                var read = ImportFileReader.Read(new MemoryStream(file), "register.csv", new ImportReadOptions(), ImportLimits.Default);
                var readTime = clock.Elapsed;
                var table = read.Table ?? throw new InvalidOperationException(read.Refusal);
                var settings = new ImportSettings(ImportColumns.Propose(table.Headers), new ImportDefaults(null, null), []);
                var plan = await planner.PlanAsync(table, settings, CancellationToken.None);
                var total = clock.Elapsed;
                Console.WriteLine($"Run {i}: read {readTime.TotalSeconds:F2} s, read and dry run {total.TotalSeconds:F2} s " +
                    $"(create {plan.Count(RowOutcome.Create):N0}, update {plan.Count(RowOutcome.Update):N0}, unchanged {plan.Count(RowOutcome.Unchanged):N0}, " +
                    $"refuse {plan.Count(RowOutcome.Refuse):N0}, skip {plan.Count(RowOutcome.Skip):N0}, new providers {plan.UnmatchedProviders.Count:N0})");
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(database + suffix);
        }
    }
}

internal sealed class DemoApp(string database) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Commissioning", $"Data Source={database}");
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("App:BaseUrl", "http://127.0.0.1");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in TestCertificate.Settings) builder.UseSetting(key, value);
    }
}
