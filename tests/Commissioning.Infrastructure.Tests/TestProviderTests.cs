using Commissioning.Infrastructure.Data;
using Commissioning.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Commissioning.Infrastructure.Tests;

/// <summary>TEST_DATABASE chooses the provider every fixture uses (decision 0021).</summary>
public sealed class TestProviderTests
{
    [Theory]
    [InlineData(null, DatabaseProvider.Sqlite)]
    [InlineData("", DatabaseProvider.Sqlite)]
    [InlineData("Sqlite", DatabaseProvider.Sqlite)]
    [InlineData("SqlServer", DatabaseProvider.SqlServer)]
    [InlineData("sqlserver", DatabaseProvider.SqlServer)]
    public void TEST_DATABASE_names_the_provider(string? value, DatabaseProvider expected) =>
        Assert.Equal(expected, TestProvider.Parse(value));

    [Fact]
    public void An_unknown_provider_is_refused_with_the_choices() =>
        Assert.Contains("use Sqlite or SqlServer", Assert.Throws<InvalidOperationException>(() => TestProvider.Parse("Oracle")).Message);

    [Fact]
    public void The_test_database_is_on_the_provider_the_environment_names()
    {
        using var database = new TestDatabase();
        Assert.Equal(TestProvider.Parse(Environment.GetEnvironmentVariable(TestProvider.Variable)), database.Provider);
        using var db = database.NewContext();
        Assert.Equal(database.Provider == DatabaseProvider.SqlServer, db.Database.IsSqlServer());
    }

    [Fact]
    public void On_SQL_Server_each_database_has_a_name_of_its_own()
    {
        var names = new[] { "commissioning_a", "commissioning_b" }.Select(n => SqlServerName(n)).ToList();
        Assert.Equal(["commissioning_a", "commissioning_b"], names);
    }

    private static string SqlServerName(string name)
    {
        var previous = Environment.GetEnvironmentVariable(TestProvider.ConnectionVariable);
        try
        {
            Environment.SetEnvironmentVariable(TestProvider.ConnectionVariable, previous ?? "Server=localhost,1433;User Id=sa;Password=x;TrustServerCertificate=True");
            return new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(TestProvider.SqlServerDatabase(name)).InitialCatalog;
        }
        finally
        {
            Environment.SetEnvironmentVariable(TestProvider.ConnectionVariable, previous);
        }
    }
}
