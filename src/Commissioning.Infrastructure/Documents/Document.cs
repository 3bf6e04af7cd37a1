namespace Commissioning.Infrastructure.Documents;

/// <summary>
/// A file attached to a contract, a lifecycle event, a decision or an agenda item: its details only. The content is in
/// <see cref="DocumentChunk"/> rows, so a list of documents never reads a byte of any file. A deleted document is
/// kept (who deleted it and when) for administrators; nobody else sees it.
/// </summary>
public sealed class Document
{
    public const int FileNameMaxLength = 200;
    public const int ContentTypeMaxLength = 100;
    public const int HashLength = 64;

    private Document() { }

    internal Document(DocumentOwner owner, string fileName, DocumentType type, string contentType, Domain.Common.Actor by, DateTime at)
    {
        OwnerKind = owner.Kind;
        OwnerId = owner.Id;
        FileName = fileName;
        Type = type;
        ContentType = contentType;
        UploadedBy = by.Name;
        UploadedById = string.IsNullOrEmpty(by.UserId) ? null : by.UserId;
        UploadedAtUtc = at;
    }

    public int Id { get; private set; }
    public DocumentOwnerKind OwnerKind { get; private set; }
    public int OwnerId { get; private set; }
    public string FileName { get; private set; } = "";
    public DocumentType Type { get; private set; }
    /// <summary>From the content (<see cref="DocumentSniffer"/>), never from the name or what the browser said.</summary>
    public string ContentType { get; private set; } = "";
    public long Length { get; internal set; }
    /// <summary>SHA-256 of the content, hex, worked out while it was stored.</summary>
    public string Sha256 { get; internal set; } = "";
    public DateTime UploadedAtUtc { get; private set; }
    public string UploadedBy { get; private set; } = "";
    public string? UploadedById { get; private set; }
    public DateTime? DeletedAtUtc { get; private set; }
    public string? DeletedBy { get; private set; }
    public string? DeletedById { get; private set; }

    public DocumentOwner Owner => new(OwnerKind, OwnerId);
    public bool IsDeleted => DeletedAtUtc is not null;

    internal void Delete(Domain.Common.Actor by, DateTime at)
    {
        DeletedAtUtc = at;
        DeletedBy = by.Name;
        DeletedById = string.IsNullOrEmpty(by.UserId) ? null : by.UserId;
    }

    public DocumentInfo ToInfo() => new(Id, Owner, FileName, Type, ContentType, Length, UploadedAtUtc, UploadedBy);
}

/// <summary>One fixed-size piece of a document's content (the last may be shorter), numbered from 0.</summary>
public sealed class DocumentChunk
{
    public const string Table = "DocumentChunks";
    public int DocumentId { get; private set; }
    public int Number { get; private set; }
    public byte[] Data { get; private set; } = [];
}

/// <summary>A document refused before anything was stored: the message says why, for the person who chose the file.</summary>
public sealed class DocumentRefusedException(string message) : Exception(message);
