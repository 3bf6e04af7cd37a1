using System.Security.Cryptography;
using Commissioning.Infrastructure.Data;

namespace Commissioning.Infrastructure.Import;

/// <summary>An uploaded file kept in the database between the import's pages (so any app instance can serve the next step).</summary>
public sealed record ImportUploadView(int Id, string FileName, string Sha256, long Bytes, ImportReadOptions ReadOptions,
    ImportSettings? Settings, string? DryRunFingerprint, int? CommittedBatchId, DateTime UploadedAtUtc);

/// <summary>
/// Keeps uploads and their settings; only the user who uploaded a file can see it (any other id finds nothing).
/// Each new upload first deletes uploads never committed that are more than <see cref="KeptFor"/> old: a file
/// left half-way through the pages does not stay in the database.
/// </summary>
public sealed class ImportUploads(CommissioningDbContext db, TimeProvider? time = null)
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(1);

    private DateTime UtcNow => (time ?? TimeProvider.System).GetUtcNow().UtcDateTime;

    public async Task<int> SaveAsync(string fileName, byte[] content, ImportReadOptions options, string userId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.LongLength > ImportLimits.Default.MaxBytes)
            throw new ArgumentException($"An upload can be at most {ImportLimits.Default.MaxBytes / 1024 / 1024} MB.", nameof(content));
        var cutOff = UtcNow - KeptFor;
        await db.Set<ImportUpload>().Where(u => u.CommittedBatchId == null && u.UploadedAtUtc < cutOff).ExecuteDeleteAsync(ct);
        // A browser may send the whole path it read the file from (C:\Users\…\register.csv): keep the name only.
        var name = (fileName ?? "").Split('/', '\\').Last().Trim();
        var upload = new ImportUpload(name.Length == 0 ? "upload" : name, content, Convert.ToHexStringLower(SHA256.HashData(content)),
            userId, UtcNow, options);
        db.Add(upload);
        await db.SaveChangesAsync(ct);
        return upload.Id;
    }

    public async Task<ImportUploadView?> FindAsync(int id, string userId, CancellationToken ct) =>
        await Mine(id, userId).AsNoTracking()
            .Select(u => new { u.Id, u.FileName, u.Sha256, u.Bytes, u.Encoding, u.SheetName, u.SettingsJson, u.DryRunFingerprint, u.CommittedBatchId, u.UploadedAtUtc })
            .FirstOrDefaultAsync(ct) is { } u
            ? new ImportUploadView(u.Id, u.FileName, u.Sha256, u.Bytes, new ImportReadOptions(u.Encoding, u.SheetName),
                ImportJson.Deserialize<ImportSettings>(u.SettingsJson), u.DryRunFingerprint, u.CommittedBatchId, u.UploadedAtUtc)
            : null;

    public async Task<byte[]?> ContentAsync(int id, string userId, CancellationToken ct) =>
        await Mine(id, userId).AsNoTracking().Select(u => u.Content).FirstOrDefaultAsync(ct);

    /// <summary>Another encoding or sheet: the settings and dry run made for the old reading are cleared.</summary>
    public Task SetReadOptionsAsync(int id, string userId, ImportReadOptions options, CancellationToken ct) =>
        ChangeAsync(id, userId, u => u.SetReadOptions(options), ct);

    /// <summary>New settings: the last dry run no longer holds.</summary>
    public Task SetSettingsAsync(int id, string userId, ImportSettings settings, CancellationToken ct) =>
        ChangeAsync(id, userId, u => u.SetSettings(ImportJson.Serialize(settings)), ct);

    public Task SetDryRunAsync(int id, string userId, string fingerprint, CancellationToken ct) =>
        ChangeAsync(id, userId, u => u.SetDryRun(fingerprint, UtcNow), ct);

    /// <summary>Marks the upload as committed in <paramref name="batchId"/> (so it is kept, and the pages show it done).</summary>
    public Task SetCommittedAsync(int id, string userId, int batchId, CancellationToken ct) =>
        ChangeAsync(id, userId, u => u.Committed(batchId), ct);

    private IQueryable<ImportUpload> Mine(int id, string userId) => db.Set<ImportUpload>().Where(u => u.Id == id && u.UploadedById == userId);

    private async Task ChangeAsync(int id, string userId, Action<ImportUpload> change, CancellationToken ct)
    {
        // Loaded without its content: only the small columns are read and written.
        var upload = await Mine(id, userId).FirstOrDefaultAsync(ct)
            ?? throw new InvalidOperationException($"Upload {id} is not this user's, or is no longer kept.");
        change(upload);
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>A mapping saved by name for the next file in the same layout. Saving under a name already used replaces that mapping.</summary>
public sealed class SavedMappings(CommissioningDbContext db, TimeProvider? time = null)
{
    private sealed record SavedColumn(string Header, ImportField Field, int? Year);

    public async Task<IReadOnlyList<string>> NamesAsync(CancellationToken ct) =>
        await db.Set<SavedImportMapping>().AsNoTracking().OrderBy(m => m.Name).Select(m => m.Name).ToListAsync(ct);

    /// <summary>
    /// The saved mapping applied to these headers (by header name, not position, ignoring case and spaces at the ends);
    /// a header the mapping does not know is left out (<see cref="ImportField.Ignore"/>). Null if no such name.
    /// </summary>
    public async Task<ColumnMapping?> ApplyAsync(string name, IReadOnlyList<string> headers, CancellationToken ct)
    {
        var key = (name ?? "").Trim();
        var saved = await db.Set<SavedImportMapping>().AsNoTracking().Where(m => m.Name == key).Select(m => m.ColumnsJson).FirstOrDefaultAsync(ct);
        if (saved is null) return null;
        var columns = ImportJson.Deserialize<List<SavedColumn>>(saved) ?? [];
        var byHeader = new Dictionary<string, SavedColumn>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in columns) byHeader.TryAdd(c.Header.Trim(), c);
        return new ColumnMapping(headers.Select((h, i) => byHeader.TryGetValue((h ?? "").Trim(), out var c)
            ? new ColumnTarget(i, h!, c.Field, c.Field == ImportField.YearValue ? c.Year : null)
            : new ColumnTarget(i, h ?? "", ImportField.Ignore)).ToList());
    }

    public async Task SaveAsync(string name, ColumnMapping mapping, string userId, CancellationToken ct)
    {
        var key = (name ?? "").Trim();
        if (key.Length is 0 or > SavedImportMapping.NameMaxLength)
            throw new ArgumentException($"A mapping's name must have 1 to {SavedImportMapping.NameMaxLength} characters.", nameof(name));
        var json = ImportJson.Serialize(mapping.Columns.Select(c => new SavedColumn(c.Header.Trim(), c.Field, c.FinancialYearStart)).ToList());
        var now = (time ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        var existing = await db.Set<SavedImportMapping>().FirstOrDefaultAsync(m => m.Name == key, ct);
        if (existing is null) db.Add(new SavedImportMapping(key, json, userId, now));
        else existing.Replace(json, userId, now);
        await db.SaveChangesAsync(ct);
    }
}
