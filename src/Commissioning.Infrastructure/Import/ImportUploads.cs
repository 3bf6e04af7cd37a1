using Commissioning.Infrastructure.Data;

namespace Commissioning.Infrastructure.Import;

/// <summary>An uploaded file kept in the database between the import's pages (so any app instance can serve the next step).</summary>
public sealed record ImportUploadView(int Id, string FileName, string Sha256, long Bytes, ImportReadOptions ReadOptions,
    ImportSettings? Settings, string? DryRunFingerprint, int? CommittedBatchId, DateTime UploadedAtUtc);

/// <summary>Keeps uploads and their settings; only the user who uploaded a file can see it.</summary>
public sealed class ImportUploads(CommissioningDbContext db)
{
    // Owner: the "planning" part. Stubs until they land.
    public Task<int> SaveAsync(string fileName, byte[] content, ImportReadOptions options, string userId, CancellationToken ct) =>
        throw new NotImplementedException(db.GetType().Name);
    public Task<ImportUploadView?> FindAsync(int id, string userId, CancellationToken ct) => throw new NotImplementedException();
    public Task<byte[]?> ContentAsync(int id, string userId, CancellationToken ct) => throw new NotImplementedException();
    public Task SetReadOptionsAsync(int id, string userId, ImportReadOptions options, CancellationToken ct) => throw new NotImplementedException();
    public Task SetSettingsAsync(int id, string userId, ImportSettings settings, CancellationToken ct) => throw new NotImplementedException();
    public Task SetDryRunAsync(int id, string userId, string fingerprint, CancellationToken ct) => throw new NotImplementedException();
}

/// <summary>A mapping saved by name for the next file in the same layout.</summary>
public sealed class SavedMappings(CommissioningDbContext db)
{
    // Owner: the "planning" part. Stubs until they land.
    public Task<IReadOnlyList<string>> NamesAsync(CancellationToken ct) => throw new NotImplementedException(db.GetType().Name);
    /// <summary>The saved mapping applied to these headers (by header name, not position); null if no such name.</summary>
    public Task<ColumnMapping?> ApplyAsync(string name, IReadOnlyList<string> headers, CancellationToken ct) => throw new NotImplementedException();
    public Task SaveAsync(string name, ColumnMapping mapping, string userId, CancellationToken ct) => throw new NotImplementedException();
}
