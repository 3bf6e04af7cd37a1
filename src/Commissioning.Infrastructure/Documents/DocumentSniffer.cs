using System.IO.Compression;

namespace Commissioning.Infrastructure.Documents;

/// <summary>
/// Tells a file's type from its first bytes (and, for Word and Excel, the parts inside the zip), never from its name
/// or from what the browser said. Anything else is refused with a message saying why.
/// </summary>
public static class DocumentSniffer
{
    public const string Accepted = "a PDF, a Word document (.docx), an Excel workbook (.xlsx), or a PNG or JPEG image";

    public const string PdfType = "application/pdf";
    public const string WordType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string ExcelType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string PngType = "image/png";
    public const string JpegType = "image/jpeg";

    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] Ole2 = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    private static readonly byte[][] Programs =
    [
        "MZ"u8.ToArray(),                // Windows .exe and .dll
        [0x7F, 0x45, 0x4C, 0x46],        // Linux ELF
        [0xCF, 0xFA, 0xED, 0xFE],        // macOS Mach-O (64-bit)
        [0xCE, 0xFA, 0xED, 0xFE],        // macOS Mach-O (32-bit)
        [0xCA, 0xFE, 0xBA, 0xBE],        // macOS universal binary, Java class
        "#!"u8.ToArray(),                // a script
    ];

    /// <summary>The file's type and the content type to store and send, or a refusal. Leaves the stream where it found it.</summary>
    /// <param name="content">A seekable stream positioned at the file's first byte (the start of the stream).</param>
    public static (DocumentType Type, string ContentType) Identify(Stream content)
    {
        var start = content.Position;
        try
        {
            Span<byte> head = stackalloc byte[8];
            var read = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            head = head[..read];
            if (head.StartsWith(Pdf)) return (DocumentType.Pdf, PdfType);
            if (head.StartsWith(Png)) return (DocumentType.Image, PngType);
            if (head.StartsWith(Jpeg)) return (DocumentType.Image, JpegType);
            foreach (var program in Programs)
                if (head.StartsWith(program))
                    throw new DocumentRefusedException($"The selected file is a program, not a document: it must be {Accepted}");
            if (head.StartsWith(Ole2))
                throw new DocumentRefusedException("The selected file is an older Word or Excel file (.doc or .xls): open it in Word or Excel, save it as .docx or .xlsx, and attach that");
            if (head.StartsWith(Zip))
            {
                content.Position = start;
                return OfficeFile(content);
            }
            throw new DocumentRefusedException($"The selected file must be {Accepted}");
        }
        finally
        {
            content.Position = start;
        }
    }

    /// <summary>A zip is a Word or Excel file when it has their main part; one carrying macros is refused.</summary>
    private static (DocumentType, string) OfficeFile(Stream content)
    {
        HashSet<string> names;
        try
        {
            // Reading mode reads the zip's directory at its end, not the entries: nothing is unpacked.
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
        }
        catch (InvalidDataException)
        {
            throw new DocumentRefusedException($"The selected file is damaged or not a Word or Excel file: it must be {Accepted}");
        }
        if (names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
            throw new DocumentRefusedException("The selected file contains macros: save it as a Word document (.docx) or Excel workbook (.xlsx) without macros, and attach that");
        if (names.Contains("word/document.xml")) return (DocumentType.Word, WordType);
        if (names.Contains("xl/workbook.xml")) return (DocumentType.Excel, ExcelType);
        throw new DocumentRefusedException($"The selected file is a zip file, not a document: it must be {Accepted}");
    }

    /// <summary>The extensions a type's files have; the first is the one a stored name is given when its own does not fit.</summary>
    public static string[] Extensions(string contentType) => contentType switch
    {
        PdfType => [".pdf"],
        WordType => [".docx"],
        ExcelType => [".xlsx"],
        PngType => [".png"],
        JpegType => [".jpg", ".jpeg"],
        _ => throw new ArgumentOutOfRangeException(nameof(contentType), contentType, "Not a document type."),
    };
}
