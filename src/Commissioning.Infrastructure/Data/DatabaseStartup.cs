using Commissioning.Infrastructure.Demo;
using Commissioning.Infrastructure.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Commissioning.Infrastructure.Data;

/// <summary>
/// What the application does to its database before it serves anyone: migrations (and on SQLite, write-ahead
/// logging), the roles, the first administrator and, with <c>Demo:Enabled</c>, the demo data. Each step only
/// adds what is missing, and <see cref="StartupLock"/> lets one instance at a time run them, so two instances
/// starting together on an empty database neither fail nor add anything twice.
/// </summary>
public static class DatabaseStartup
{
    public static async Task RunAsync(IServiceProvider services, bool demo, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CommissioningDbContext>();
        var log = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup));
        await using (await StartupLock.AcquireAsync(db, log, ct))
        {
            await DatabaseSetup.MigrateAsync(db, ct);
            await scope.ServiceProvider.GetRequiredService<AccountBootstrap>().RunAsync();
            if (demo) await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
        }
    }
}
