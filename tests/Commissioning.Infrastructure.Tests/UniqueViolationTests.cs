using Commissioning.Domain.Contracts;
using Commissioning.Infrastructure.Data;
using Commissioning.Infrastructure.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Infrastructure.Tests;

/// <summary>Only a unique index's refusal is "already taken"; every other database failure is an error (decision 0021).</summary>
public sealed class UniqueViolationTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();

    public Task InitializeAsync() => _database.MigrateAsync();

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_name_the_unique_index_already_holds_is_a_unique_violation()
    {
        await using var db = _database.NewContext();
        db.Directorates.Add(new Directorate("Adult Social Care"));
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.True(refused.IsUniqueViolation(), refused.InnerException?.Message);
    }

    [Fact]
    public async Task A_missing_foreign_key_is_not_a_unique_violation()
    {
        await using var db = _database.NewContext();
        db.Contracts.Add(TestData.Block(providerId: 9999, "SC-2021-0001", 100_00));
        var refused = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        Assert.False(refused.IsUniqueViolation(), refused.InnerException?.Message);
    }

    public static TheoryData<string> OtherFailures => ["foreign key", "not null", "check", "busy", "timeout", "none"];

    [Theory]
    [MemberData(nameof(OtherFailures))]
    public void Other_failures_are_not_unique_violations(string failure)
    {
        Exception? inner = failure switch
        {
            "foreign key" => new SqliteException("FOREIGN KEY constraint failed", 19, 787),
            "not null" => new SqliteException("NOT NULL constraint failed: Directorates.Name", 19, 1299),
            "check" => new SqliteException("CHECK constraint failed", 19, 275),
            "busy" => new SqliteException("database is locked", 5),
            "timeout" => new TimeoutException("Execution Timeout Expired"),
            _ => null,
        };
        Assert.False(new DbUpdateException("An error occurred while saving the entity changes.", inner).IsUniqueViolation());
    }

    [Theory]
    [InlineData(2067)]
    [InlineData(1555)]
    public void SQLite_unique_and_primary_key_codes_are_unique_violations(int extended) =>
        Assert.True(new DbUpdateException("saving", new SqliteException("UNIQUE constraint failed", 19, extended)).IsUniqueViolation());
}
