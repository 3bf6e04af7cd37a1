using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;

namespace Commissioning.Infrastructure.Data;

/// <summary>
/// Runs a unit of work again when SQLite answers "busy" or "locked" (decision 0021). busy_timeout already
/// makes one statement wait for another writer, but a transaction that read first and then tries to write
/// while another connection (a second app instance on the same file) has written since gets SQLITE_BUSY at
/// once: waiting cannot help it, only starting the whole transaction again can. It is also what makes every
/// test run with a retrying strategy, as SQL Server's EnableRetryOnFailure does in production, so a
/// transaction opened outside <c>CreateExecutionStrategy().ExecuteAsync</c> fails in the tests too.
/// </summary>
public sealed class SqliteRetryingExecutionStrategy(ExecutionStrategyDependencies dependencies)
    : ExecutionStrategy(dependencies, MaxRetries, MaxDelay)
{
    private const int MaxRetries = 6;
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(1);

    /// <summary>SQLITE_BUSY (5) and SQLITE_LOCKED (6), with any extended code (e.g. 517, busy snapshot).</summary>
    public static bool IsBusyOrLocked(Exception? exception) =>
        exception is SqliteException { SqliteErrorCode: 5 or 6 };

    protected override bool ShouldRetryOn(Exception exception) => IsBusyOrLocked(exception);

    /// <summary>Locks on one file clear in milliseconds: 20, 40, 80 ... ms with jitter, not SQL Server's seconds.</summary>
    protected override TimeSpan? GetNextDelay(Exception lastException)
    {
        var next = base.GetNextDelay(lastException);
        if (next is null) return null;
        var attempt = ExceptionsEncountered.Count;
        var millis = Math.Min(20 * Math.Pow(2, attempt - 1) * (1 + Random.Shared.NextDouble() * 0.5), MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds(millis);
    }
}
