using PdfSharp.Fonts;

namespace Commissioning.Infrastructure.Pdf;

/// <summary>
/// The one typeface the agenda pack draws its footers and banners in. PDFsharp 6 (the Core build) finds no fonts
/// of its own on Linux, so it is handed Liberation Sans (Arial's metrics; Debian's fonts-liberation2, the container's
/// font-liberation), or DejaVu Sans where that is all there is, whatever family is asked for (decision 0037).
/// </summary>
internal sealed class PackFonts : IFontResolver
{
    public const string Family = "Pack Sans";

    private static readonly string[] Folders =
        ["/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/liberation", "/usr/share/fonts/liberation",
         "/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", @"C:\Windows\Fonts"];

    private static readonly (string Regular, string Bold)[] Faces =
        [("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"), ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf"), ("arial.ttf", "arialbd.ttf")];

    private static readonly Lock Gate = new();
    private readonly (string Regular, string Bold) _files = Find();

    /// <summary>Installs the resolver once per process: PDFsharp's font settings are global and may not change after first use.</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is PackFonts) return;
            GlobalFontSettings.FontResolver = new PackFonts();
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => new(bold ? "bold" : "regular");

    public byte[] GetFont(string faceName) => File.ReadAllBytes(faceName == "bold" ? _files.Bold : _files.Regular);

    private static (string, string) Find()
    {
        foreach (var (regular, bold) in Faces)
        {
            foreach (var folder in Folders)
            {
                var r = Path.Combine(folder, regular);
                var b = Path.Combine(folder, bold);
                if (File.Exists(r)) return (r, File.Exists(b) ? b : r);
            }
        }
        throw new InvalidOperationException(
            "The agenda pack needs Liberation Sans or DejaVu Sans to print its footers: on Debian `apt-get install fonts-liberation2` (build/prerequisites.sh does).");
    }
}
