using Commissioning.Infrastructure.Import;

namespace Commissioning.Web.Pages.Import;

/// <summary>An upload of the signed-in user's, read again as a table: each step of the import reads the kept file afresh.</summary>
public sealed record ImportedFile(ImportUploadView Upload, ImportTable? Table, string? Refusal)
{
    /// <summary>The upload, or null when there is none of that id for this user (another user's upload is not found either).</summary>
    public static async Task<ImportedFile?> LoadAsync(ImportUploads uploads, int id, string userId, CancellationToken ct)
    {
        if (await uploads.FindAsync(id, userId, ct) is not { } upload) return null;
        if (await uploads.ContentAsync(id, userId, ct) is not { } content) return null;
        return Read(upload, content, upload.ReadOptions);
    }

    public static ImportedFile Read(ImportUploadView upload, byte[] content, ImportReadOptions options)
    {
        var read = ImportFileReader.Read(new MemoryStream(content, writable: false), upload.FileName, options, ImportLimits.Default);
        return new ImportedFile(upload, read.Table, read.Refusal);
    }
}
