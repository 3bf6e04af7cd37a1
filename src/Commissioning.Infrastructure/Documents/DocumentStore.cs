namespace Commissioning.Infrastructure.Documents;

// The shape other parts (the agenda pack) read documents through. Issue 18's documents work fills it in.

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
