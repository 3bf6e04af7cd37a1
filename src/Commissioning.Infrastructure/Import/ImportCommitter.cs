using Commissioning.Domain.Common;
using Commissioning.Infrastructure.Data;

namespace Commissioning.Infrastructure.Import;

/// <summary>
/// Commits a dry-run plan in one transaction, audited as one import. Refuses (writing nothing) when the
/// plan no longer matches <paramref name="dryRunFingerprint"/>: the register or settings changed since.
/// </summary>
public sealed class ImportCommitter(CommissioningDbContext db)
{
    // Owner: the "planning" part. Stub until it lands.
    public Task<ImportCommitResult> CommitAsync(ImportTable table, ImportSettings settings, string dryRunFingerprint,
        Actor by, CancellationToken ct) =>
        throw new NotImplementedException($"ImportCommitter is being written ({db.GetType().Name}, {by.Name}).");
}
