namespace Commissioning.Infrastructure.Data;

/// <summary>
/// An explicit transaction, run as one retriable unit (decision 0021). With a retrying execution strategy
/// (SQL Server's EnableRetryOnFailure, SQLite's busy retry) EF Core refuses a transaction opened outside
/// the strategy, and a retry must run the whole unit again: so the work starts from an empty change
/// tracker on every attempt and makes (or loads) everything it saves itself.
/// </summary>
public static class ExecutionStrategyExtensions
{
    public static Task<T> InTransactionAsync<T>(this CommissioningDbContext db, Func<CancellationToken, Task<T>> work, CancellationToken ct = default) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async attempt =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(attempt);
            var result = await work(attempt);
            await tx.CommitAsync(attempt);
            return result;
        }, ct);
}
