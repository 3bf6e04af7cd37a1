using System.Security.Cryptography;
using Commissioning.Domain.Common;
using Commissioning.Infrastructure.Data;
using Commissioning.Infrastructure.Documents;
using Commissioning.Infrastructure.Tests.Support;
using Commissioning.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Commissioning.Infrastructure.Tests.Documents;

/// <summary>The document store on a real database file: chunked round trips, refusals that leave nothing behind, soft deletes.</summary>
public sealed class DocumentStoreTests : IAsyncLifetime
{
    private static readonly DateTime Now = new(2026, 12, 7, 9, 30, 0, DateTimeKind.Utc);
    private static readonly Actor Sarah = new("user-sarah", "Sarah Okafor");

    private readonly SqliteTestDatabase _database = new();
    private int _contractId;

    public async Task InitializeAsync()
    {
        await _database.MigrateAsync();
        await using var db = _database.NewContext();
        var provider = TestData.Provider();
        db.Providers.Add(provider);
        await db.SaveChangesAsync();
        var contract = TestData.Block(provider.Id, "SC-2021-0001", 1_000_00);
        db.Contracts.Add(contract);
        await db.SaveChangesAsync();
        _contractId = contract.Id;
    }

    public Task DisposeAsync()
    {
        _database.Dispose();
        return Task.CompletedTask;
    }

    internal static DocumentStore Store(CommissioningDbContext db, int maxMegabytes = 25) =>
        new(db, Options.Create(new DocumentOptions { MaxMegabytes = maxMegabytes }), new FixedClock(Now));

    private DocumentOwner Contract => new(DocumentOwnerKind.Contract, _contractId);

    [Fact]
    public async Task A_file_of_several_chunks_reads_back_byte_for_byte_with_its_hash_and_an_audit_entry()
    {
        var content = DocumentFiles.Pdf(2 * DocumentStore.ChunkBytes + 1234);
        int id;
        await using (var db = _database.NewContext())
            id = await Store(db).AddAsync(Contract, "Service specification.pdf", new MemoryStream(content), Sarah);

        await using var check = _database.NewContext();
        var store = Store(check);
        var listed = Assert.Single(await store.ListAsync(Contract, CancellationToken.None));
        Assert.Equal((id, "Service specification.pdf", DocumentType.Pdf, "application/pdf", (long)content.Length, Now, "Sarah Okafor"),
            (listed.Id, listed.FileName, listed.Type, listed.ContentType, listed.Length, listed.UploadedAtUtc, listed.UploadedBy));
        var read = new MemoryStream();
        await store.CopyToAsync(id, read, CancellationToken.None);
        Assert.Equal(content, read.ToArray());

        Assert.Equal(3, await check.Set<DocumentChunk>().CountAsync(c => c.DocumentId == id));
        var stored = await check.Documents.SingleAsync();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), stored.Sha256);
        var audit = await check.AuditEntries.SingleAsync(a => a.EntityType == "Document");
        Assert.Equal((id, "Uploaded", "Sarah Okafor", "user-sarah"), (audit.EntityId, audit.Action, audit.ChangedBy, audit.ChangedById));
        Assert.Contains("Service specification.pdf", audit.Changes, StringComparison.Ordinal);
    }

    private sealed class FixedClock(DateTime now) : IClock
    {
        public DateOnly Today => DateOnly.FromDateTime(now);
        public DateTime UtcNow => now;
    }
}
