using System.IO.Compression;
using System.Text;

namespace Commissioning.Tests.Shared;

/// <summary>Small files of each kind, made here byte by byte: what a person might attach, and what must be refused.</summary>
public static class DocumentFiles
{
    /// <summary>A PDF of about <paramref name="bytes"/> bytes: a real header, then filler a reader never opens.</summary>
    public static byte[] Pdf(int bytes = 2_000)
    {
        var head = Encoding.ASCII.GetBytes("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
        var content = new byte[Math.Max(bytes, head.Length + 1)];
        head.CopyTo(content, 0);
        for (var i = head.Length; i < content.Length; i++) content[i] = (byte)('a' + (i * 7 % 26));
        return content;
    }

    public static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 1, 2, 3];

    public static byte[] Jpeg() => [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46, 0, 1, 2, 3];

    public static byte[] Docx() => Zip("[Content_Types].xml", "_rels/.rels", "word/document.xml");

    public static byte[] Xlsx() => Zip("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml");

    public static byte[] Docm() => Zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin");

    public static byte[] PlainZip() => Zip("notes.txt");

    public static byte[] WindowsProgram() => [.. "MZ"u8, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF];

    public static byte[] LinuxProgram() => [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0];

    public static byte[] OldWord() => [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];

    public static byte[] Text() => "Minutes of the meeting"u8.ToArray();

    private static byte[] Zip(params string[] names)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var name in names)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<x/>");
            }
        return memory.ToArray();
    }
}
