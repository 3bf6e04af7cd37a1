using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Commissioning.Domain.Common;
using Commissioning.Infrastructure.Data;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace Commissioning.Infrastructure.Documents;

// The shape other parts (the agenda pack) read documents through, and the store behind it.

/// <summary>What a document is attached to.</summary>
public enum DocumentOwnerKind { Contract, ContractEvent, ContractDecision, AgendaItem }

/// <summary>The thing a document is attached to: its kind and id.</summary>
public sealed record DocumentOwner(DocumentOwnerKind Kind, int Id);

/// <summary>The file types a document may be, told from its content.</summary>
public enum DocumentType { Pdf, Word, Excel, Image }

/// <summary>A stored document's details, without its content.</summary>
public sealed record DocumentInfo(int Id, DocumentOwner Owner, string FileName, DocumentType Type, string ContentType, long Length, DateTime UploadedAtUtc, string UploadedBy);

/// <summary>Reads documents (never deleted ones) in upload order; content is streamed, never loaded whole.</summary>
public interface IDocumentStore
{
    Task<IReadOnlyList<DocumentInfo>> ListAsync(DocumentOwner owner, CancellationToken ct);
    Task CopyToAsync(int documentId, Stream destination, CancellationToken ct);
}

/// <summary>
/// Documents kept in the database (decision 0036): a <see cref="Document"/> row of details and its content in
/// <see cref="DocumentChunk"/> rows of <see cref="ChunkBytes"/> each, written one at a time as the upload is read and
/// read back one at a time into the response, through one reused buffer. A file is never held whole in memory,
/// and two app instances or a backup of the database need nothing else.
/// </summary>
public sealed class DocumentStore(CommissioningDbContext db, IOptions<DocumentOptions> options, IClock clock) : IDocumentStore
{
    public const int ChunkBytes = 256 * 1024;
    public const string AuditEntityType = nameof(Document);

    /// <summary>Documents read ahead for this request (<see cref="ReadAheadAsync"/>).</summary>
    private ReadAhead? _read;

    /// <summary>Plain SQL both databases read; the names are DocumentChunkConfiguration's.</summary>
    internal const string InsertChunkSql = $"INSERT INTO {DocumentChunk.Table} (DocumentId, Number, Data) VALUES (@document, @number, @data)";

    internal static string ReadChunksSql(bool sqlite) =>
        $"SELECT Data{(sqlite ? ", rowid" : "")} FROM {DocumentChunk.Table} WHERE DocumentId = @document ORDER BY Number";

    public long MaxBytes => options.Value.MaxBytes;
    public int MaxMegabytes => options.Value.MaxMegabytes;

    /// <summary>
    /// Checks and stores a file, and audits the upload, all in one transaction: a refused file
    /// (<see cref="DocumentRefusedException"/>, with the message for the person) leaves no row behind. The content
    /// is read in chunks; a stream that cannot seek is first copied to a temporary file (deleted on close), as the
    /// type check reads a Word or Excel file's zip directory at its end. Call it with no other unsaved changes.
    /// </summary>
    /// <returns>The new document's id.</returns>
    public async Task<int> AddAsync(DocumentOwner owner, string fileName, Stream content, Actor actor, CancellationToken ct = default)
    {
        _read = null;
        if (db.ChangeTracker.HasChanges())
            throw new InvalidOperationException("Save or discard other changes before adding a document: it is stored in a transaction of its own.");
        var name = DocumentFileName.Check(fileName);
        if (!await OwnerExistsAsync(owner, ct))
            throw new InvalidOperationException($"There is no {owner.Kind} {owner.Id} to attach a document to.");

        FileStream? spooled = null;
        try
        {
            var source = content;
            if (!content.CanSeek || content.Position != 0)
                source = spooled = await SpoolAsync(content, MaxBytes, ct);
            var length = source.Length;
            if (length == 0)
                throw new DocumentRefusedException("The selected file is empty");
            if (length > MaxBytes)
                throw new DocumentRefusedException($"The selected file must be {MaxMegabytes} MB or smaller");
            var (type, contentType) = DocumentSniffer.Identify(source);
            name = DocumentFileName.ForContent(name, contentType);
            return await InOwnTransactionAsync(async attempt =>
            {
                source.Position = 0;
                var document = new Document(owner, name, type, contentType, actor, clock.UtcNow);
                db.Documents.Add(document);
                try
                {
                    await db.SaveChangesAsync(attempt);
                    var (written, hash) = await WriteChunksAsync(document.Id, source, attempt);
                    if (written != length) throw new InvalidOperationException("The file changed while it was being stored.");
                    (document.Length, document.Sha256) = (written, hash);
                    db.AuditEntries.Add(Audit(document, "Uploaded", actor, document.UploadedAtUtc,
                        ("Owner", null, $"{owner.Kind} {owner.Id}"), ("FileName", null, name), ("Type", null, contentType),
                        ("Length", null, written.ToString(CultureInfo.InvariantCulture)), ("Sha256", null, hash)));
                    await db.SaveChangesAsync(attempt);
                    return document.Id;
                }
                catch
                {
                    // The transaction is rolled back; a retry starts again from a new row.
                    Forget();
                    throw;
                }
            }, ct);
        }
        finally
        {
            if (spooled is not null) await spooled.DisposeAsync();
        }
    }

    public async Task<IReadOnlyList<DocumentInfo>> ListAsync(DocumentOwner owner, CancellationToken ct) =>
        [.. (await ListDocumentsAsync(owner, includeDeleted: false, ct)).Select(d => d.ToInfo())];

    /// <summary>An owner's documents in upload order; deleted ones too only when asked (for administrators).</summary>
    public async Task<List<Document>> ListDocumentsAsync(DocumentOwner owner, bool includeDeleted, CancellationToken ct)
    {
        if (_read is { } read && read.IncludeDeleted == includeDeleted && read.Kind == owner.Kind && read.Lists.TryGetValue(owner.Id, out var known))
            return [.. known];
        return await db.Documents.AsNoTracking()
            .Where(d => d.OwnerKind == owner.Kind && d.OwnerId == owner.Id && (includeDeleted || d.DeletedAtUtc == null))
            .OrderBy(d => d.Id)
            .ToListAsync(ct);
    }

    /// <summary>
    /// Reads the documents of several owners of one kind in one query, for a page that lists each (the events of a
    /// contract's history, the items of an agenda): <see cref="ListDocumentsAsync"/> then answers for them from what was
    /// read, not with a query each. Holds for this store's request; any upload or deletion through it forgets it.
    /// </summary>
    public async Task ReadAheadAsync(DocumentOwnerKind kind, IReadOnlyCollection<int> ownerIds, bool includeDeleted, CancellationToken ct)
    {
        var rows = ownerIds.Count == 0 ? [] : await db.Documents.AsNoTracking()
            .Where(d => d.OwnerKind == kind && ownerIds.Contains(d.OwnerId) && (includeDeleted || d.DeletedAtUtc == null))
            .OrderBy(d => d.Id)
            .ToListAsync(ct);
        var lists = ownerIds.Distinct().ToDictionary(id => id, _ => new List<Document>());
        foreach (var d in rows) lists[d.OwnerId].Add(d);
        _read = new ReadAhead(kind, includeDeleted, lists);
    }

    private sealed record ReadAhead(DocumentOwnerKind Kind, bool IncludeDeleted, Dictionary<int, List<Document>> Lists);

    /// <summary>A document's details, deleted or not (the caller decides who may see a deleted one).</summary>
    public Task<Document?> FindAsync(int documentId, CancellationToken ct) =>
        db.Documents.AsNoTracking().SingleOrDefaultAsync(d => d.Id == documentId, ct);

    /// <summary>Streams a document's content, chunk by chunk through one buffer, deleted or not.</summary>
    public async Task CopyToAsync(int documentId, Stream destination, CancellationToken ct)
    {
        if (!await db.Documents.AnyAsync(d => d.Id == documentId, ct))
            throw new KeyNotFoundException($"There is no document {documentId}.");
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            // Each chunk is read as a stream into one buffer. SQL Server streams a column with sequential access;
            // SQLite does when the row's rowid is selected beside it (it then reads the blob in place), and
            // would otherwise copy every chunk into a new array.
            command.CommandText = ReadChunksSql(db.Database.IsSqlite());
            Parameter(command, "@document", DbType.Int32).Value = documentId;
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SequentialAccess, ct);
            var buffer = new byte[ChunkBytes];
            while (await reader.ReadAsync(ct))
            {
                await using var chunk = reader.GetStream(0);
                int read;
                while ((read = await chunk.ReadAsync(buffer, ct)) > 0)
                    await destination.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Marks a document deleted (it is kept, for administrators) and audits it. False when there is none, or it already was.</summary>
    public async Task<bool> DeleteAsync(int documentId, Actor actor, CancellationToken ct = default)
    {
        _read = null;
        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == documentId, ct);
        if (document is null || document.IsDeleted) return false;
        var at = clock.UtcNow;
        document.Delete(actor, at);
        db.AuditEntries.Add(Audit(document, "Deleted", actor, at,
            ("Owner", $"{document.OwnerKind} {document.OwnerId}", null), ("FileName", document.FileName, null)));
        // One save: the mark and its audit entry commit together.
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Whether what a document would be attached to exists.</summary>
    public Task<bool> OwnerExistsAsync(DocumentOwner owner, CancellationToken ct) => owner.Kind switch
    {
        DocumentOwnerKind.Contract => db.Contracts.AnyAsync(c => c.Id == owner.Id, ct),
        DocumentOwnerKind.ContractEvent => db.ContractEvents.AnyAsync(e => e.Id == owner.Id, ct),
        DocumentOwnerKind.ContractDecision => db.ContractDecisions.AnyAsync(d => d.Id == owner.Id, ct),
        DocumentOwnerKind.AgendaItem => db.Meetings.AnyAsync(m => m.Agenda.Any(i => i.Id == owner.Id), ct),
        _ => Task.FromResult(false),
    };

    private async Task<(long Length, string Sha256)> WriteChunksAsync(int documentId, Stream source, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = InsertChunkSql;
        Parameter(command, "@document", DbType.Int32).Value = documentId;
        var number = Parameter(command, "@number", DbType.Int32);
        var data = Parameter(command, "@data", DbType.Binary);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        // One buffer for every chunk; the parameter's size says how much of it this chunk is.
        var buffer = new byte[ChunkBytes];
        long total = 0;
        for (var n = 0; ; n++)
        {
            var read = await source.ReadAtLeastAsync(buffer, ChunkBytes, throwOnEndOfStream: false, ct);
            if (read == 0) break;
            hash.AppendData(buffer, 0, read);
            number.Value = n;
            data.Value = buffer;
            data.Size = read;
            await command.ExecuteNonQueryAsync(ct);
            total += read;
            if (read < ChunkBytes) break;
        }
        return (total, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static DbParameter Parameter(DbCommand command, string name, DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>Inside a caller's transaction the caller owns the unit (and its retry); otherwise one of our own, retried whole (decision 0021).</summary>
    private Task<int> InOwnTransactionAsync(Func<CancellationToken, Task<int>> work, CancellationToken ct) =>
        db.Database.CurrentTransaction is not null
            ? work(ct)
            : db.Database.CreateExecutionStrategy().ExecuteAsync(async attempt =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(attempt);
                var id = await work(attempt);
                await tx.CommitAsync(attempt);
                return id;
            }, ct);

    private void Forget()
    {
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is Document or AuditEntry).ToList())
            entry.State = EntityState.Detached;
    }

    private static async Task<FileStream> SpoolAsync(Stream content, long maxBytes, CancellationToken ct)
    {
        var file = new FileStream(Path.Combine(Path.GetTempPath(), "document-" + Path.GetRandomFileName()), FileMode.CreateNew,
            FileAccess.ReadWrite, FileShare.None, ChunkBytes, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var buffer = new byte[ChunkBytes];
        long total = 0;
        int read;
        // One byte past the limit is enough to know the file is too large: the rest is not kept.
        while (total <= maxBytes && (read = await content.ReadAsync(buffer, ct)) > 0)
        {
            await file.WriteAsync(buffer.AsMemory(0, read), ct);
            total += read;
        }
        file.Position = 0;
        return file;
    }

    private static AuditEntry Audit(Document document, string action, Actor actor, DateTime at, params (string Field, string? From, string? To)[] changes) => new()
    {
        EntityType = AuditEntityType,
        EntityId = document.Id,
        Action = action,
        Changes = JsonSerializer.Serialize(changes.Select(c => new { field = c.Field, from = c.From, to = c.To })),
        ChangedBy = actor.Name,
        ChangedById = string.IsNullOrEmpty(actor.UserId) ? null : actor.UserId,
        ChangedAtUtc = at,
    };
}
