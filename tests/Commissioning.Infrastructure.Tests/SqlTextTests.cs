using Commissioning.Infrastructure.Data;
using Commissioning.Infrastructure.KeyDates;
using Commissioning.Infrastructure.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Commissioning.Infrastructure.Tests;

/// <summary>
/// SQL Server's default collation matches text without case; SQLite and C# match it exactly. What the database would
/// treat as one person, the C# after the query must too (decision 0022).
/// </summary>
public sealed class SqlTextTests : IDisposable
{
    private readonly SqliteTestDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Theory]
    [InlineData("Julie Gonda", "JULIE GONDA", true)]
    [InlineData("julie gonda", "Julie Gonda  ", true)]
    [InlineData("Julie Gonda", " Julie Gonda", false)]
    [InlineData("José Ortiz", "Jose Ortiz", false)]
    [InlineData(null, null, true)]
    [InlineData("Julie", null, false)]
    public void Text_is_the_same_as_sql_server_compares_it(string? a, string? b, bool same)
    {
        Assert.Equal(same, SqlText.Same(a, b));
        if (a is not null && b is not null && same) Assert.Equal(SqlText.Comparer.GetHashCode(a), SqlText.Comparer.GetHashCode(b));
    }

    [Fact]
    public async Task Key_dates_name_the_commissioner_whose_id_is_spelt_in_another_case()
    {
        await _database.MigrateAsync();
        int contractId;
        await using (var db = _database.NewContext())
        {
            var provider = TestData.Provider();
            db.Providers.Add(provider);
            await db.SaveChangesAsync();
            var contract = TestData.Block(provider.Id, "SC-2021-0001", 100_000_00);
            db.Contracts.Add(contract);
            await db.SaveChangesAsync();
            contractId = contract.Id;
        }
        // SQL Server's foreign key accepts "U-JULIE" for the user "u-julie" (its collation ignores case); SQLite's does
        // not, so the row is written here as SQL Server would keep it.
        await using (var connection = new SqliteConnection(_database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = """
                PRAGMA foreign_keys = OFF;
                INSERT INTO AspNetUsers (Id, DisplayName, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount)
                VALUES ('u-julie', 'Julie Gonda', 'julie.gonda@council.test', 'JULIE.GONDA@COUNCIL.TEST', 'julie.gonda@council.test', 'JULIE.GONDA@COUNCIL.TEST', 1, 0, 0, 1, 0);
                UPDATE Contracts SET ResponsibleCommissionerId = 'U-JULIE', HistoricCommissionerName = NULL, AwardedOn = '2021-03-01' WHERE Id = $id;
                """;
            command.Parameters.AddWithValue("$id", contractId);
            await command.ExecuteNonQueryAsync();
        }

        await using var read = _database.NewContext();
        var report = await KeyDatesQuery.LoadAsync(read, new DateOnly(2026, 1, 15), KeyDatesScope.All, leadTimeMonths: 3, default);

        var ending = Assert.Single(report.Ending);
        Assert.Equal("Julie Gonda", ending.ResponsibleCommissioner);
    }
}
