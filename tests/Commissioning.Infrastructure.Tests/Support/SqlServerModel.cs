using Commissioning.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace Commissioning.Infrastructure.Tests.Support;

/// <summary>
/// The SQL Server model and its queries without a server: the context is built with the SqlServer provider and a
/// connection string that is never opened; what it writes is read back by Microsoft's T-SQL parser.
/// </summary>
public static class SqlServerModel
{
    public const string NeverOpened = "Server=tcp:sql.invalid,1433;Database=Commissioning;User Id=nobody;Password=unused;TrustServerCertificate=True;Connect Timeout=1";

    public static CommissioningDbContext Context(SqlCapture? capture = null)
    {
        var builder = new DbContextOptionsBuilder<CommissioningDbContext>();
        DatabaseSetup.Configure(builder, DatabaseProvider.SqlServer, NeverOpened);
        if (capture is not null)
        {
            // The retrying strategy buffers each answer and checks its columns, and the capture's empty answer has
            // none; without retries the same SQL is written and the empty answer is read as no rows.
            builder.UseSqlServer(NeverOpened, o => o.ExecutionStrategy(d => new Microsoft.EntityFrameworkCore.Storage.NonRetryingExecutionStrategy(d)));
            builder.AddInterceptors(capture);
        }
        return new CommissioningDbContext(builder.Options, new SystemAuditContext());
    }

    public static void AssertParses(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        Assert.True(errors.Count == 0, string.Join("\n", errors.Select(e => $"line {e.Line}: {e.Message}")) + "\n" + sql);
    }
}
