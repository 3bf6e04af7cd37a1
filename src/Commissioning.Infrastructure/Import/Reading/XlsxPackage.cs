using System.IO.Compression;
using System.Xml;

namespace Commissioning.Infrastructure.Import.Reading;

/// <summary>
/// An .xlsx file's zip package, opened with the defences an upload needs: at most <see cref="MaxEntries"/> parts,
/// at most <see cref="ImportLimits.MaxUncompressedBytes"/> unzipped in all, counted as the bytes are actually
/// read (a zip's declared sizes can lie), and XML read without DTDs (no entity expansion, no external entities).
/// </summary>
internal sealed class XlsxPackage : IDisposable
{
    public const int MaxEntries = 1_000;

    private const string Relationships = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string OfficeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private const string StrictOfficeRelationships = "http://purl.oclc.org/ooxml/officeDocument/relationships";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    private readonly ZipArchive _zip;
    private readonly long _maxBytes;
    private long _bytesRead;

    private XlsxPackage(ZipArchive zip, long maxBytes) => (_zip, _maxBytes) = (zip, maxBytes);

    public static XlsxPackage Open(byte[] bytes, string fileName, long maxUncompressedBytes)
    {
        if (bytes.Length >= 8 && bytes.AsSpan(0, 8).SequenceEqual(new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }))
            throw new ImportRefusal($"“{fileName}” is an Excel 97–2003 workbook or a workbook protected by a password, not an .xlsx workbook: " +
                "open it in Excel and save it as “Excel Workbook (.xlsx)” without a password, or as CSV.");
        if (bytes.Length < 4 || bytes[0] != (byte)'P' || bytes[1] != (byte)'K')
            throw new ImportRefusal($"“{fileName}” is not an Excel workbook, whatever its name says: an .xlsx file is a zip package and this is not one. " +
                "If it is a CSV file, give it a .csv name; otherwise open it in Excel and save it as “Excel Workbook (.xlsx)”.");
        ZipArchive zip;
        try
        {
            zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException)
        {
            throw Damaged(fileName);
        }
        var entries = zip.Entries.Count;
        if (entries > MaxEntries)
        {
            zip.Dispose();
            throw new ImportRefusal($"“{fileName}” holds {entries:N0} parts, more than any workbook of contracts needs: it was not opened. Save it again from Excel, or as CSV.");
        }
        return new XlsxPackage(zip, maxUncompressedBytes);
    }

    public static ImportRefusal Damaged(string fileName, string? detail = null) =>
        new($"“{fileName}” could not be read as an Excel workbook: it is damaged{(detail is null ? "" : $" ({detail})")}. Open it in Excel and save it again, or save it as CSV.");

    public ImportRefusal TooLarge() =>
        new($"The workbook expands to more than {_maxBytes / (1024 * 1024):N0} MB when unzipped, far more than a register of contracts: it was not read. " +
            "Save it again from Excel, or as CSV.");

    public bool Has(string path) => Find(path) is not null;

    /// <summary>The part at <paramref name="path"/> (no leading "/"), read as XML through the byte count; null if there is none.</summary>
    public XmlReader? Read(string path)
    {
        var entry = Find(path);
        if (entry is null) return null;
        var counted = new CountingStream(entry.Open(), this);
        return XmlReader.Create(counted, Settings);
    }

    private ZipArchiveEntry? Find(string path) =>
        _zip.GetEntry(path) ?? _zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, path, StringComparison.OrdinalIgnoreCase));

    /// <summary>A part's relationships (Id → (type, target path resolved against the part's folder)).</summary>
    public Dictionary<string, (string Type, string Target)> RelationshipsOf(string partPath)
    {
        var folder = partPath.Contains('/') ? partPath[..partPath.LastIndexOf('/')] : "";
        var relsPath = (folder.Length == 0 ? "" : folder + "/") + "_rels/" + partPath[(partPath.LastIndexOf('/') + 1)..] + ".rels";
        var result = new Dictionary<string, (string, string)>();
        using var xml = Read(relsPath);
        if (xml is null) return result;
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "Relationship" || xml.NamespaceURI != Relationships) continue;
            var id = xml.GetAttribute("Id");
            var target = xml.GetAttribute("Target");
            if (id is null || target is null || xml.GetAttribute("TargetMode") == "External") continue;
            result[id] = (xml.GetAttribute("Type") ?? "", Resolve(folder, target));
        }
        return result;
    }

    public static bool IsOfficeRelationship(string id) => id is OfficeRelationships or StrictOfficeRelationships;

    private static string Resolve(string folder, string target)
    {
        var parts = new List<string>();
        if (!target.StartsWith('/') && folder.Length > 0) parts.AddRange(folder.Split('/'));
        foreach (var piece in target.TrimStart('/').Split('/'))
        {
            if (piece == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); }
            else if (piece is not ("." or "")) parts.Add(piece);
        }
        return string.Join('/', parts);
    }

    public void Dispose() => _zip.Dispose();

    private void Count(int bytes)
    {
        _bytesRead += bytes;
        if (_bytesRead > _maxBytes) throw TooLarge();
    }

    /// <summary>Counts what is actually inflated, across every part, and stops at the limit.</summary>
    private sealed class CountingStream(Stream inner, XlsxPackage package) : Stream
    {
        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = inner.Read(buffer, offset, count);
            package.Count(n);
            return n;
        }

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            package.Count(n);
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
