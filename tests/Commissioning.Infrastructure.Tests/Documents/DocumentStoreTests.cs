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

    public static TheoryData<string, byte[], DocumentType, string> Kinds => new()
    {
        { "PDF", DocumentFiles.Pdf(), DocumentType.Pdf, DocumentSniffer.PdfType },
        { "Word", DocumentFiles.Docx(), DocumentType.Word, DocumentSniffer.WordType },
        { "Excel", DocumentFiles.Xlsx(), DocumentType.Excel, DocumentSniffer.ExcelType },
        { "PNG", DocumentFiles.Png(), DocumentType.Image, DocumentSniffer.PngType },
        { "JPEG", DocumentFiles.Jpeg(), DocumentType.Image, DocumentSniffer.JpegType },
    };

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_kind_is_told_from_its_first_bytes_and_the_stream_is_left_where_it_was(string kind, byte[] content, DocumentType type, string contentType)
    {
        var stream = new MemoryStream(content);
        Assert.Equal((type, contentType), DocumentSniffer.Identify(stream));
        Assert.Equal(0, stream.Position);
        _ = kind;
    }

    public static TheoryData<string, byte[], string> Refusals => new()
    {
        { "Windows program", DocumentFiles.WindowsProgram(), "is a program" },
        { "Linux program", DocumentFiles.LinuxProgram(), "is a program" },
        { "script", "#!/bin/sh\nrm -rf /"u8.ToArray(), "is a program" },
        { "old Word or Excel", DocumentFiles.OldWord(), "older Word or Excel file" },
        { "Word with macros", DocumentFiles.Docm(), "contains macros" },
        { "zip of something else", DocumentFiles.PlainZip(), "is a zip file, not a document" },
        { "damaged zip", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6], "damaged or not a Word or Excel file" },
        { "text", DocumentFiles.Text(), "must be a PDF" },
        { "HTML", "<html><script>alert(1)</script>"u8.ToArray(), "must be a PDF" },
        { "PDF header not at the start", [.. " "u8, .. DocumentFiles.Pdf()], "must be a PDF" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public void Anything_else_is_refused_with_the_reason(string kind, byte[] content, string reason)
    {
        var refused = Assert.Throws<DocumentRefusedException>(() => DocumentSniffer.Identify(new MemoryStream(content)));
        Assert.Contains(reason, refused.Message, StringComparison.Ordinal);
        _ = kind;
    }

    [Theory]
    [InlineData("report.pdf", "application/pdf", "report.pdf")]
    [InlineData("Photo.JPEG", "image/jpeg", "Photo.JPEG")]
    [InlineData("scan.pdf", "image/png", "scan.png")]
    [InlineData("budget", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "budget.xlsx")]
    [InlineData("  Minutes 5 October 2020.docx ", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Minutes 5 October 2020.docx")]
    public void The_stored_name_is_the_given_one_with_the_extension_its_content_calls_for(string given, string contentType, string stored) =>
        Assert.Equal(stored, DocumentFileName.ForContent(DocumentFileName.Check(given), contentType));

    [Theory]
    [InlineData("../x.pdf")]
    [InlineData("a\\b.pdf")]
    [InlineData("C:x.pdf")]
    [InlineData("x\u0000.pdf")]
    [InlineData("x\n.pdf")]
    [InlineData("report\u202Efdp.exe")]
    [InlineData("..")]
    [InlineData("   ")]
    [InlineData("")]
    public void A_name_with_a_path_control_characters_or_no_name_at_all_is_refused(string name) =>
        Assert.Throws<DocumentRefusedException>(() => DocumentFileName.Check(name));

    [Fact]
    public void A_name_of_200_characters_is_kept_and_one_of_201_refused()
    {
        Assert.Equal(200, DocumentFileName.Check(new string('a', 196) + ".pdf").Length);
        Assert.Throws<DocumentRefusedException>(() => DocumentFileName.Check(new string('a', 197) + ".pdf"));
    }

    public static TheoryData<string, string, byte[]> Refused => new()
    {
        { "empty", "empty.pdf", [] },
        { "renamed program", "report.pdf", DocumentFiles.WindowsProgram() },
        { "path in the name", "../report.pdf", DocumentFiles.Pdf() },
        { "over the limit", "big.pdf", DocumentFiles.Pdf(1024 * 1024 + 1) },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task A_refused_file_leaves_no_row_of_any_kind(string what, string name, byte[] content)
    {
        await using (var db = _database.NewContext())
            await Assert.ThrowsAsync<DocumentRefusedException>(() => Store(db, maxMegabytes: 1).AddAsync(Contract, name, new MemoryStream(content), Sarah));

        await using var check = _database.NewContext();
        Assert.Equal(0, await check.Documents.CountAsync());
        Assert.Equal(0, await check.Set<DocumentChunk>().CountAsync());
        Assert.Equal(0, await check.AuditEntries.CountAsync(a => a.EntityType == DocumentStore.AuditEntityType));
        _ = what;
    }

    [Fact]
    public async Task A_stream_that_cannot_seek_is_stored_whole_and_refused_when_over_the_limit()
    {
        var content = DocumentFiles.Docx();
        int id;
        await using (var db = _database.NewContext())
        {
            id = await Store(db).AddAsync(Contract, "Budget.docx", new ForwardOnly(new MemoryStream(content)), Sarah);
            await Assert.ThrowsAsync<DocumentRefusedException>(() =>
                Store(db, maxMegabytes: 1).AddAsync(Contract, "big.pdf", new ForwardOnly(new MemoryStream(DocumentFiles.Pdf(1024 * 1024 + 1))), Sarah));
        }
        await using var check = _database.NewContext();
        var read = new MemoryStream();
        await Store(check).CopyToAsync(id, read, CancellationToken.None);
        Assert.Equal(content, read.ToArray());
        Assert.Equal(1, await check.Documents.CountAsync());
    }

    [Fact]
    public async Task A_deleted_document_is_kept_with_who_and_when_but_no_longer_listed()
    {
        var deletedAt = Now.AddHours(2);
        int id;
        await using (var db = _database.NewContext())
            id = await Store(db).AddAsync(Contract, "Minutes.pdf", new MemoryStream(DocumentFiles.Pdf()), Sarah);
        await using (var db = _database.NewContext())
        {
            var store = new DocumentStore(db, Options.Create(new DocumentOptions()), new FixedClock(deletedAt));
            Assert.True(await store.DeleteAsync(id, new Actor("user-gareth", "Gareth Lloyd")));
            Assert.False(await store.DeleteAsync(id, new Actor("user-gareth", "Gareth Lloyd")));
        }

        await using var check = _database.NewContext();
        var store2 = Store(check);
        Assert.Empty(await store2.ListAsync(Contract, CancellationToken.None));
        var kept = Assert.Single(await store2.ListDocumentsAsync(Contract, includeDeleted: true, CancellationToken.None));
        Assert.Equal((true, "Gareth Lloyd", "user-gareth", (DateTime?)deletedAt), (kept.IsDeleted, kept.DeletedBy, kept.DeletedById, kept.DeletedAtUtc));
        var read = new MemoryStream();
        await store2.CopyToAsync(id, read, CancellationToken.None);
        Assert.Equal(DocumentFiles.Pdf(), read.ToArray());
        Assert.Equal(["Uploaded", "Deleted"], await check.AuditEntries.Where(a => a.EntityType == DocumentStore.AuditEntityType)
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
    }

    [Fact]
    public async Task A_document_needs_something_to_be_attached_to()
    {
        await using var db = _database.NewContext();
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Store(db).AddAsync(new DocumentOwner(DocumentOwnerKind.ContractDecision, 4242), "x.pdf", new MemoryStream(DocumentFiles.Pdf()), Sarah));
        Assert.Equal(0, await db.Documents.CountAsync());
    }

    /// <summary>A stream read only forwards, as a network upload is.</summary>
    private sealed class ForwardOnly(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private sealed class FixedClock(DateTime now) : IClock
    {
        public DateOnly Today => DateOnly.FromDateTime(now);
        public DateTime UtcNow => now;
    }
}

/// <summary>The store's own SQL (chunks are written and read without EF) on the SQL Server model, with no server.</summary>
public sealed class DocumentSqlServerTests
{
    [Fact]
    public void The_chunk_sql_parses_as_T_SQL_and_names_the_models_table_and_columns()
    {
        SqlServerModel.AssertParses(DocumentStore.InsertChunkSql);
        SqlServerModel.AssertParses(DocumentStore.ReadChunksSql(sqlite: false));
        using var db = SqlServerModel.Context();
        var chunk = db.Model.FindEntityType(typeof(DocumentChunk))!;
        Assert.Equal(DocumentChunk.Table, chunk.GetTableName());
        var columns = chunk.GetProperties().Select(p => p.GetColumnName()).ToList();
        Assert.Equal(["DocumentId", "Number", "Data"], columns);
        Assert.Equal("varbinary(max)", chunk.FindProperty(nameof(DocumentChunk.Data))!.GetColumnType());
        foreach (var column in columns)
        {
            Assert.Contains(column, DocumentStore.InsertChunkSql, StringComparison.Ordinal);
        }
        Assert.Contains("DocumentId", DocumentStore.ReadChunksSql(sqlite: false), StringComparison.Ordinal);
    }
}
