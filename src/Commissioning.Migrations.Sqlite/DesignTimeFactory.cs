using Commissioning.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Commissioning.Migrations.Sqlite;

/// <summary>Lets `dotnet ef` build the model for Sqlite without the web app or a live server.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CommissioningDbContext>
{
    public CommissioningDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CommissioningDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.Sqlite, "Data Source=design-time.db");
        return new CommissioningDbContext(options.Options, new SystemAuditContext());
    }
}
