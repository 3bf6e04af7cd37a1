using System.Diagnostics;
using Commissioning.Infrastructure.Demo;
using Commissioning.Infrastructure.Identity;
using Commissioning.Infrastructure.KeyDates;
using Commissioning.Web.Tests.Pages.KeyDates;
using Commissioning.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;

namespace Commissioning.Web.Tests.Setup;

/// <summary>
/// Two instances of the application on one new SQLite file, as a council runs two behind a load balancer:
/// started at the same moment, then both sending the day's digest at the same moment.
/// </summary>
public sealed class TwoInstancesTests(ITestOutputHelper output)
{
    private const string BootstrapAdmin = "first.admin@council.test";
    private static readonly DateTimeOffset Now = new(2027, 3, 31, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = new(2027, 3, 31);

    public static TheoryData<int> Repetitions => new(Enumerable.Range(1, 20));

    [Theory]
    [MemberData(nameof(Repetitions))]
    public async Task Two_instances_started_together_set_the_database_up_once_and_send_one_digest_per_user(int repetition)
    {
        var clock = Stopwatch.StartNew();
        var folder = Path.Combine(Path.GetTempPath(), "commissioning-two-instances", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var connectionString = "Data Source=" + Path.Combine(folder, "commissioning.db");
        using var sink = new SmtpSink();
        var roots = new[] { Instance(connectionString, sink), Instance(connectionString, sink) };
        var hosts = roots.Select(r => r.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(new FixedTime(Now))))).ToArray();
        try
        {
            // Both start (create, migrate, roles, administrator, demo data) at the same moment; either failing fails the test.
            await AllAtOnce(hosts, host => Task.FromResult(host.Services));
            var started = clock.Elapsed;

            var digests = hosts.Select(h => h.Services.GetServices<IHostedService>().OfType<DigestService>().Single()).ToArray();
            var sent = await AllAtOnce(digests, d => d.SendDayAsync(Day));

            var recipients = sink.Received.SelectMany(m => m.Recipients).Order(StringComparer.Ordinal).ToList();
            // Whom one instance alone would mail that day: the sender itself, without any claim.
            sink.Clear();
            await using (var scope = hosts[0].Services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<DigestSender>().SendAsync(Day);
            var everyone = sink.Received.SelectMany(m => m.Recipients).Order(StringComparer.Ordinal).ToList();
            Assert.NotEmpty(everyone);
            Assert.Equal(everyone, recipients);
            Assert.Equal(recipients.Count, sent.Sum());
            Assert.Single(sent, s => s is null); // the instance that found the day claimed

            await using (var scope = hosts[1].Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<Infrastructure.Data.CommissioningDbContext>();
                Assert.Equal(Roles.All.Order(StringComparer.Ordinal), (await db.Roles.Select(r => r.Name!).ToListAsync()).Order(StringComparer.Ordinal));
                var emails = await db.Users.Select(u => u.Email!).ToListAsync();
                Assert.Equal(DemoOptions.Users.Select(u => u.Email).Append(BootstrapAdmin).Order(StringComparer.Ordinal), emails.Order(StringComparer.Ordinal));
                Assert.Equal(Roles.All.Count + 1, await db.UserRoles.CountAsync()); // one role each: the demo's five and the administrator
                var providers = await db.Providers.Select(p => p.Name).ToListAsync();
                Assert.NotEmpty(providers);
                Assert.Equal(providers.Distinct().Count(), providers.Count);
                var directorates = await db.Directorates.Select(d => d.Name).ToListAsync();
                Assert.Equal(directorates.Distinct().Count(), directorates.Count);
                var references = await db.Contracts.Select(c => c.Reference).ToListAsync();
                Assert.NotEmpty(references);
                Assert.Equal(references.Distinct().Count(), references.Count);
            }
            await using (var connection = new SqliteConnection(connectionString))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA journal_mode";
                Assert.Equal("wal", await command.ExecuteScalarAsync());
            }
            output.WriteLine($"Repetition {repetition}: both started in {started.TotalMilliseconds:F0} ms, all done in {clock.Elapsed.TotalMilliseconds:F0} ms; {recipients.Count} e-mail(s)");
        }
        finally
        {
            foreach (var host in hosts) await host.DisposeAsync();
            foreach (var root in roots) await root.DisposeAsync();
            using (var connection = new SqliteConnection(connectionString)) SqliteConnection.ClearPool(connection);
            try { Directory.Delete(folder, recursive: true); }
            catch (IOException) { /* best effort: the temp folder is cleaned eventually */ }
        }
    }

    private static CommissioningFactory Instance(string connectionString, SmtpSink sink) => CommissioningFactory.With(
        ("ConnectionStrings:Commissioning", connectionString),
        ("Bootstrap:AdminEmail", BootstrapAdmin), ("Bootstrap:AdminPassword", "two instances, one register"),
        ("Smtp:Host", "127.0.0.1"), ("Smtp:Port", sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Smtp:EnableSsl", "false"), ("Smtp:From", "register@council.test"), ("App:BaseUrl", KeyDatesFixture.BaseUrl));

    /// <summary>Runs <paramref name="work"/> for each item on its own thread, all released at the same moment.</summary>
    private static async Task<TResult[]> AllAtOnce<T, TResult>(IReadOnlyList<T> items, Func<T, Task<TResult>> work)
    {
        using var barrier = new Barrier(items.Count);
        return await Task.WhenAll(items.Select(item => Task.Run(() =>
        {
            barrier.SignalAndWait();
            return work(item);
        })));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
