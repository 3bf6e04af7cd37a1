using Commissioning.Infrastructure.Documents;

namespace Commissioning.Infrastructure.Data.Config;

/// <summary>
/// A document's details, and its content as numbered chunks (decision 0036). The owner is a kind and an id, with no
/// foreign key: one column pair serves four kinds of owner, and the store checks the owner exists before it adds.
/// </summary>
internal sealed class DocumentConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> b)
    {
        b.ToTable("Documents");
        b.Property(d => d.FileName).HasMaxLength(Document.FileNameMaxLength).IsRequired();
        b.Property(d => d.ContentType).HasMaxLength(Document.ContentTypeMaxLength).IsRequired();
        b.Property(d => d.Sha256).HasMaxLength(Document.HashLength).IsRequired();
        b.Property(d => d.UploadedBy).HasMaxLength(256).IsRequired();
        b.Property(d => d.UploadedById).HasMaxLength(450);
        b.Property(d => d.DeletedBy).HasMaxLength(256);
        b.Property(d => d.DeletedById).HasMaxLength(450);
        b.Ignore(d => d.Owner);
        b.Ignore(d => d.IsDeleted);
        // Each owner page lists its documents.
        b.HasIndex(d => new { d.OwnerKind, d.OwnerId });
        b.HasMany<DocumentChunk>().WithOne().HasForeignKey(c => c.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Written and read with plain SQL by <see cref="DocumentStore"/>, one row at a time; these names are in that SQL.</summary>
internal sealed class DocumentChunkConfiguration : IEntityTypeConfiguration<DocumentChunk>
{
    public void Configure(EntityTypeBuilder<DocumentChunk> b)
    {
        b.ToTable(DocumentChunk.Table);
        b.HasKey(c => new { c.DocumentId, c.Number });
        b.Property(c => c.DocumentId).HasColumnName("DocumentId");
        b.Property(c => c.Number).HasColumnName("Number").ValueGeneratedNever();
        // varbinary(max) on SQL Server; each row holds at most DocumentStore.ChunkBytes.
        b.Property(c => c.Data).HasColumnName("Data").IsRequired();
    }
}
