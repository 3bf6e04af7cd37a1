namespace Commissioning.Infrastructure.Import;

// What the import keeps in the database. None of these is an audited aggregate: an upload or a saved
// mapping is not a change to the register (so saving one leaves the register's version, and with it a
// dry run's fingerprint, as it was); a commit's own audit entry names its batch.

/// <summary>An uploaded file and what its uploader chose for it, kept between the import's pages.</summary>
public sealed class ImportUpload
{
    public const int FileNameMaxLength = 260;
    public const int HashLength = 64;

    private ImportUpload() { }

    public ImportUpload(string fileName, byte[] content, string sha256, string uploadedById, DateTime uploadedAtUtc, ImportReadOptions options)
    {
        FileName = fileName.Length > FileNameMaxLength ? fileName[..FileNameMaxLength] : fileName;
        Content = content;
        Bytes = content.LongLength;
        Sha256 = sha256;
        UploadedById = uploadedById;
        UploadedAtUtc = uploadedAtUtc;
        SetReadOptions(options);
    }

    public int Id { get; private set; }
    public string FileName { get; private set; } = "";
    public string Sha256 { get; private set; } = "";
    public byte[] Content { get; private set; } = [];
    public long Bytes { get; private set; }
    public string UploadedById { get; private set; } = "";
    public DateTime UploadedAtUtc { get; private set; }
    public ImportEncoding Encoding { get; private set; }
    public string? SheetName { get; private set; }
    /// <summary>The <see cref="ImportSettings"/> as JSON (<see cref="ImportJson"/>); null until the mapping is first saved.</summary>
    public string? SettingsJson { get; private set; }
    public string? DryRunFingerprint { get; private set; }
    public DateTime? DryRunAtUtc { get; private set; }
    public int? CommittedBatchId { get; private set; }

    public ImportReadOptions ReadOptions => new(Encoding, SheetName);

    /// <summary>Another encoding or sheet is another table: the settings and dry run made for the old one no longer hold.</summary>
    public void SetReadOptions(ImportReadOptions options)
    {
        if (Encoding == options.Encoding && SheetName == options.SheetName && Id != 0) return;
        Encoding = options.Encoding;
        SheetName = string.IsNullOrWhiteSpace(options.SheetName) ? null : options.SheetName.Trim();
        if (Id != 0) (SettingsJson, DryRunFingerprint, DryRunAtUtc) = (null, null, null);
    }

    /// <summary>New settings make the last dry run out of date.</summary>
    public void SetSettings(string json) => (SettingsJson, DryRunFingerprint, DryRunAtUtc) = (json, null, null);

    public void SetDryRun(string fingerprint, DateTime atUtc) => (DryRunFingerprint, DryRunAtUtc) = (fingerprint, atUtc);

    public void Committed(int batchId) => CommittedBatchId = batchId;
}

/// <summary>A column mapping saved by name: each header name and the field (and year) it was taken to be.</summary>
public sealed class SavedImportMapping
{
    public const int NameMaxLength = 100;

    private SavedImportMapping() { }

    public SavedImportMapping(string name, string columnsJson, string savedById, DateTime savedAtUtc)
    {
        Name = name;
        Replace(columnsJson, savedById, savedAtUtc);
    }

    public int Id { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>JSON list of { header, field, year }.</summary>
    public string ColumnsJson { get; private set; } = "[]";
    public string SavedById { get; private set; } = "";
    public DateTime SavedAtUtc { get; private set; }

    public void Replace(string columnsJson, string savedById, DateTime savedAtUtc) =>
        (ColumnsJson, SavedById, SavedAtUtc) = (columnsJson, savedById, savedAtUtc);
}

/// <summary>One committed import: who, when, which file, and what it did.</summary>
public sealed class ImportBatch
{
    private ImportBatch() { }

    public ImportBatch(string importedById, string importedByName, DateTime importedAtUtc, string fileName, string sha256,
        int created, int updated, int unchanged, int refused, int skipped)
    {
        ImportedById = importedById;
        ImportedByName = importedByName.Length > 256 ? importedByName[..256] : importedByName;
        ImportedAtUtc = importedAtUtc;
        FileName = fileName.Length > ImportUpload.FileNameMaxLength ? fileName[..ImportUpload.FileNameMaxLength] : fileName;
        Sha256 = sha256;
        (Created, Updated, Unchanged, Refused, Skipped) = (created, updated, unchanged, refused, skipped);
    }

    public int Id { get; private set; }
    public string ImportedById { get; private set; } = "";
    public string ImportedByName { get; private set; } = "";
    public DateTime ImportedAtUtc { get; private set; }
    public string FileName { get; private set; } = "";
    public string Sha256 { get; private set; } = "";
    public int Created { get; private set; }
    public int Updated { get; private set; }
    public int Unchanged { get; private set; }
    public int Refused { get; private set; }
    public int Skipped { get; private set; }
}

/// <summary>
/// The value an import last wrote to one field of one contract, as canonical text (pence, ISO dates, ids,
/// enum names). A later import compares the register with it: a register value that differs from what the
/// import wrote was changed in the app since, and is shown as a conflict rather than overwritten.
/// </summary>
public sealed class ImportedValue
{
    public const int FieldMaxLength = 40;
    public const int ValueMaxLength = 4000;

    private ImportedValue() { }

    public ImportedValue(int contractId, string field, string? value, int batchId)
    {
        ContractId = contractId;
        Field = field;
        Record(value, batchId);
    }

    public long Id { get; private set; }
    public int ContractId { get; private set; }
    public string Field { get; private set; } = "";
    public string? Value { get; private set; }
    public int BatchId { get; private set; }

    public void Record(string? value, int batchId) => (Value, BatchId) = (value, batchId);
}
