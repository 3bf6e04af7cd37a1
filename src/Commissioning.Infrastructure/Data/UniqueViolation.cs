using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace Commissioning.Infrastructure.Data;

/// <summary>
/// Tells a unique index's refusal (someone took the name, the reference, the year a moment ago) from every
/// other database failure, by the error number the database gave (decision 0021). Only that becomes
/// "already taken" on a form; a deadlock, a timeout, a value too long or a missing foreign key is an error
/// the person cannot fix by choosing another name, so it goes to the error page with its request id.
/// </summary>
public static class UniqueViolation
{
    /// <summary>SQL Server: 2601 (unique index) and 2627 (unique or primary key constraint).</summary>
    private static readonly int[] SqlServerNumbers = [2601, 2627];

    /// <summary>SQLite: SQLITE_CONSTRAINT (19) with SQLITE_CONSTRAINT_UNIQUE (2067) or SQLITE_CONSTRAINT_PRIMARYKEY (1555).</summary>
    private static readonly int[] SqliteExtendedCodes = [2067, 1555];

    public static bool IsUniqueViolation(this DbUpdateException exception) =>
        exception.InnerException is System.Data.Common.DbException inner && inner.IsUniqueViolation();

    /// <summary>The same for a command sent without the change tracker (raw SQL).</summary>
    public static bool IsUniqueViolation(this System.Data.Common.DbException exception) => exception switch
    {
        SqlException sql => sql.Errors.Cast<SqlError>().Any(e => SqlServerNumbers.Contains(e.Number)),
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && SqliteExtendedCodes.Contains(sqlite.SqliteExtendedErrorCode),
        _ => false,
    };
}
