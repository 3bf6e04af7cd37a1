using System.Security.Cryptography;
using Commissioning.Domain.Common;
using Commissioning.Infrastructure.Documents;
using Commissioning.Infrastructure.Tests.Support;
using Commissioning.Tests.Shared;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Commissioning.Infrastructure.Tests.Documents;

/// <summary>Alone, so that what the process allocates while it runs is what the store allocated (docs/documents.md).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasuredCollection
{
    public const string Name = "Measured alone: memory";
}

/// <summary>
/// "Never loaded whole into memory", proved: a 48 MB document goes in from a stream that makes its bytes as they are
/// read (so the test holds none of it either) and comes back out into a stream that only hashes what it is given.
/// The store asks for and writes at most one chunk at a time, and the whole process allocates far less than the file
/// while it does either; a store that read the file into an array (or a MemoryStream) would allocate at least 48 MB.
/// </summary>
[Collection(MemoryMeasuredCollection.Name)]
public sealed class DocumentStreamingTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const long FileBytes = 48L * 1024 * 1024;
    private const long AllocationCeiling = 8L * 1024 * 1024;

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

    [SqliteOnlyFact("measures this process's allocations; the SQL Server client's own buffers are another matter (docs/documents.md)")]
    public async Task A_large_document_goes_in_and_out_a_chunk_at_a_time_without_ever_being_held_whole()
    {
        var owner = new DocumentOwner(DocumentOwnerKind.Contract, _contractId);
        var sarah = new Actor("user-sarah", "Sarah Okafor");
        // The first save builds EF's model and the provider's caches: not the store's doing.
        await using (var warm = _database.NewContext())
            await DocumentStoreTests.Store(warm, 64).AddAsync(owner, "warm.pdf", new MemoryStream(DocumentFiles.Pdf()), sarah);

        var source = new GeneratedPdf(FileBytes);
        int id;
        long uploadAllocated;
        await using (var db = _database.NewContext())
        {
            var store = DocumentStoreTests.Store(db, 64);
            var before = GC.GetTotalAllocatedBytes(precise: true);
            id = await store.AddAsync(owner, "Large report.pdf", source, sarah);
            uploadAllocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        }

        var destination = new HashingSink();
        long downloadAllocated;
        await using (var db = _database.NewContext())
        {
            var store = DocumentStoreTests.Store(db, 64);
            var before = GC.GetTotalAllocatedBytes(precise: true);
            await store.CopyToAsync(id, destination, CancellationToken.None);
            downloadAllocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        }

        output.WriteLine($"48 MB in: {uploadAllocated / 1024} KB allocated, largest read {source.LargestRead} bytes; " +
            $"out: {downloadAllocated / 1024} KB allocated, largest write {destination.LargestWrite} bytes");
        Assert.Equal(FileBytes, destination.Length);
        Assert.Equal(source.Sha256(), destination.Sha256());
        await using (var check = _database.NewContext())
        {
            Assert.Equal(source.Sha256(), (await check.Documents.SingleAsync(d => d.Id == id)).Sha256);
            Assert.Equal(FileBytes / DocumentStore.ChunkBytes, await check.Set<DocumentChunk>().CountAsync(c => c.DocumentId == id));
        }
        Assert.InRange(source.LargestRead, 1, DocumentStore.ChunkBytes);
        Assert.InRange(destination.LargestWrite, 1, DocumentStore.ChunkBytes);
        Assert.True(uploadAllocated < AllocationCeiling, $"Storing 48 MB allocated {uploadAllocated / 1024} KB");
        Assert.True(downloadAllocated < AllocationCeiling, $"Reading 48 MB back allocated {downloadAllocated / 1024} KB");
    }

    /// <summary>A PDF's header and then bytes worked out from their position: seekable, and never in memory.</summary>
    private sealed class GeneratedPdf(long length) : Stream
    {
        private static readonly byte[] Header = "%PDF-1.7\n"u8.ToArray();

        public int LargestRead { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => length;
        public override long Position { get; set; }

        public static byte At(long i) => i < Header.Length ? Header[i] : (byte)(i * 31 % 251);

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            LargestRead = Math.Max(LargestRead, buffer.Length);
            var n = (int)Math.Min(buffer.Length, length - Position);
            for (var i = 0; i < n; i++) buffer[i] = At(Position + i);
            Position += n;
            return n;
        }

        public string Sha256()
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var block = new byte[64 * 1024];
            for (long start = 0; start < length; start += block.Length)
            {
                var n = (int)Math.Min(block.Length, length - start);
                for (var i = 0; i < n; i++) block[i] = At(start + i);
                hash.AppendData(block, 0, n);
            }
            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }

        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => Position + offset,
            _ => length + offset,
        };

        public override void Flush() { }
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>Keeps nothing of what is written to it but its hash, its length and the largest single write.</summary>
    private sealed class HashingSink : Stream
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private long _length;

        public int LargestWrite { get; private set; }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public string Sha256() => Convert.ToHexStringLower(_hash.GetHashAndReset());

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            LargestWrite = Math.Max(LargestWrite, buffer.Length);
            _hash.AppendData(buffer);
            _length += buffer.Length;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) _hash.Dispose();
            base.Dispose(disposing);
        }
    }
}
