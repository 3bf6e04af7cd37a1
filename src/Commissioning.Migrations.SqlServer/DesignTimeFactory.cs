using Commissioning.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Commissioning.Migrations.SqlServer;

/// <summary>Lets `dotnet ef` build the model for SqlServer without the web app or a live server.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<CommissioningDbContext>
{
    public CommissioningDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CommissioningDbContext>();
        DatabaseSetup.Configure(options, DatabaseProvider.SqlServer, "Server=localhost;Database=Commissioning;Trusted_Connection=True;TrustServerCertificate=True");
        return new CommissioningDbContext(options.Options, new SystemAuditContext());
    }
}
