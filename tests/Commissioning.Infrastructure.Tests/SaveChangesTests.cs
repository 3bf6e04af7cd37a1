using Commissioning.Domain.Providers;
using Commissioning.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Infrastructure.Tests;

public sealed class SaveChangesTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task AuditTimes_ReadBack_AreUtc()
    {
        await _database.MigrateAsync();
        var at = new DateTime(2026, 11, 23, 14, 30, 0, DateTimeKind.Utc);
        await using (var db = _database.NewContext(new FakeAuditContext("commissioner@demo.test", at)))
        {
            db.Providers.Add(new Provider(new ProviderDetails("Persona Care and Support Limited", OrganisationType.CouncilOwnedCompany, false, false)));
            await db.SaveChangesAsync();
        }

        await using var read = _database.NewContext();
        var provider = await read.Providers.SingleAsync();
        var entry = await read.AuditEntries.SingleAsync();
        Assert.Equal(DateTimeKind.Utc, provider.CreatedAtUtc.Kind);
        Assert.Equal(at, provider.UpdatedAtUtc);
        Assert.Equal(DateTimeKind.Utc, entry.ChangedAtUtc.Kind);
    }

    [Fact]
    public async Task SaveWithoutAcceptingChanges_IsRefusedAndWritesNothing()
    {
        await _database.MigrateAsync();
        await using (var db = _database.NewContext())
        {
            db.Providers.Add(new Provider(new ProviderDetails("Kent Homecare Partnership Ltd", OrganisationType.PrivateCompany, false, false)));
            await Assert.ThrowsAsync<NotSupportedException>(() => db.SaveChangesAsync(acceptAllChangesOnSuccess: false));
        }
        await using var read = _database.NewContext();
        Assert.Equal(0, await read.Providers.CountAsync());
    }
}
