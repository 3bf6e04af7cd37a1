using System.Text;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.IO;

namespace Commissioning.Infrastructure.Pdf;

/// <summary>A report attached to an agenda item, as PDF bytes, and the name it is listed and bookmarked by.</summary>
public sealed record PackReport(string Name, byte[] Pdf);

/// <summary>One agenda item in the pack: its bookmark ("Item 17 – Form and Function"), whether it is confidential, its reports.</summary>
public sealed record PackItem(string Bookmark, bool Confidential, IReadOnlyList<PackReport> Reports);

/// <summary>The pack's metadata and the meeting its footers name.</summary>
public sealed record PackDetails(string Title, string Author, string Creator, string Meeting, string Language = "en-GB");

/// <summary>
/// Makes the agenda pack from one Chromium print of the agenda followed by the items' cover sheets (each part opening
/// with its only h1, so Chromium's outline says where each part starts) and the items' report PDFs, with PDFsharp
/// (decision 0037). The printed part is modified in place, so its structure tree (the tagging) is kept; each report
/// page is drawn a little smaller onto a page of its own size, above a clear band for the pack's footer and below
/// one for the confidential banner, and is not tagged. Every page gets a footer naming the meeting and the item and
/// "Page n of N"; every page of a confidential item's part gets a "CONFIDENTIAL" banner.
/// </summary>
public static class AgendaPack
{
    public const string Confidential = "CONFIDENTIAL";
    public const string AgendaBookmark = "Agenda";

    // Points. Chromium leaves 15 mm at the top and 20 mm at the bottom of its pages (ChromiumPdfRenderer).
    private const double Mm = 72 / 25.4;
    private const double ReportTopBand = 11 * Mm;
    private const double ReportFooterBand = 17 * Mm;
    private const double SideMargin = 15 * Mm;
    private static readonly XColor Red = XColor.FromArgb(0xd4, 0x35, 0x1c);

    /// <summary>How many pages a report has, or null when it cannot be read (damaged, or locked with a password).</summary>
    public static int? CountPages(byte[] pdf)
    {
        try
        {
            using var read = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
            return read.PageCount;
        }
        // PDFsharp throws many kinds of exception at a damaged or locked file; any of them means "list it, don't merge it".
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null;
        }
    }

    /// <param name="printed">Chromium's PDF: the agenda, then each item's cover sheet, each part starting with its only h1.</param>
    /// <param name="items">The items in <paramref name="printed"/>, in order; their reports must be readable (<see cref="CountPages"/>).</param>
    public static byte[] Assemble(byte[] printed, PackDetails details, IReadOnlyList<PackItem> items)
    {
        PackFonts.Install();
        using var doc = PdfReader.Open(new MemoryStream(printed), PdfDocumentOpenMode.Modify);
        var starts = PartStarts(doc);
        if (starts.Count != items.Count + 1 || starts[0] != 0 || !starts.SequenceEqual(starts.Order()))
            throw new InvalidOperationException($"The printed agenda and cover sheets have {starts.Count} top-level headings where the pack expects {items.Count + 1}, one per part, in order.");

        var printedPages = doc.Pages.Cast<PdfPage>().ToList();
        var label = new Dictionary<PdfPage, (string Item, bool Confidential)>(ReferenceEqualityComparer.Instance);
        var parts = new List<(PdfPage First, List<(string Name, PdfPage First)> Reports)>();
        for (var part = 0; part <= items.Count; part++)
        {
            var end = part < items.Count ? starts[part + 1] : printedPages.Count;
            var item = part == 0 ? null : items[part - 1];
            for (var p = starts[part]; p < end; p++) label[printedPages[p]] = (item?.Bookmark ?? AgendaBookmark, item?.Confidential ?? false);
            parts.Add((printedPages[starts[part]], []));
        }

        // Chromium's own outline (every heading) and its XMP (the print's title) would contradict the pack's.
        doc.Internals.Catalog.Elements.Remove("/Outlines");
        doc.Internals.Catalog.Elements.Remove("/Metadata");

        var forms = new List<XPdfForm>();
        try
        {
            for (var i = 0; i < items.Count; i++)
            {
                var end = i + 1 < items.Count ? printedPages[starts[i + 2] - 1] : printedPages[^1];
                var at = IndexOf(doc, end) + 1;
                foreach (var report in items[i].Reports)
                {
                    var form = XPdfForm.FromStream(new MemoryStream(report.Pdf));
                    forms.Add(form);
                    PdfPage? first = null;
                    for (var n = 1; n <= form.PageCount; n++)
                    {
                        form.PageNumber = n;
                        var page = DrawReportPage(doc, at++, form);
                        first ??= page;
                        label[page] = (items[i].Bookmark, items[i].Confidential);
                    }
                    if (first is not null) parts[i + 1].Reports.Add((report.Name, first));
                }
            }

            for (var i = 0; i < doc.PageCount; i++)
            {
                var page = doc.Pages[i];
                var (item, confidential) = label[page];
                Stamp(page, details.Meeting, item, confidential, $"Page {i + 1} of {doc.PageCount}");
            }

            Bookmarks(doc, parts, items);
            doc.Info.Title = details.Title;
            doc.Info.Author = details.Author;
            doc.Info.Creator = details.Creator;
            doc.Info.Subject = details.Meeting;
            doc.Internals.Catalog.Elements["/Lang"] = new PdfString(details.Language);
            doc.PageMode = PdfPageMode.UseOutlines;
            // Chromium's print already asks viewers to show the title (/DisplayDocTitle); PDFsharp cannot read its dictionary back.

            using var output = new MemoryStream();
            doc.Save(output, closeStream: false);
            return output.ToArray();
        }
        finally
        {
            foreach (var form in forms) form.Dispose();
        }
    }

    /// <summary>The page index of each top-level entry of Chromium's outline: its h1s.</summary>
    private static List<int> PartStarts(PdfDocument doc)
    {
        var starts = new List<int>();
        var entry = doc.Internals.Catalog.Elements.GetDictionary("/Outlines")?.Elements.GetDictionary("/First");
        while (entry is not null)
        {
            if (entry.Elements.GetArray("/Dest") is { Elements.Count: > 0 } dest && dest.Elements[0] is PdfReference target)
            {
                var index = Enumerable.Range(0, doc.PageCount).FirstOrDefault(i => doc.Pages[i].Reference == target, -1);
                if (index >= 0) starts.Add(index);
            }
            entry = entry.Elements.GetDictionary("/Next");
        }
        return starts;
    }

    private static int IndexOf(PdfDocument doc, PdfPage page) =>
        Enumerable.Range(0, doc.PageCount).First(i => ReferenceEquals(doc.Pages[i], page));

    /// <summary>One report page, shrunk to sit between the banner band and the footer band, centred, on a page of its own size.</summary>
    private static PdfPage DrawReportPage(PdfDocument doc, int index, XPdfForm form)
    {
        var page = doc.InsertPage(index);
        double width = form.PointWidth, height = form.PointHeight;
        page.Width = XUnit.FromPoint(width);
        page.Height = XUnit.FromPoint(height);
        var scale = (height - ReportTopBand - ReportFooterBand) / height;
        using var g = XGraphics.FromPdfPage(page);
        g.DrawImage(form, new XRect((width - width * scale) / 2, ReportTopBand, width * scale, height * scale));
        return page;
    }

    private static void Stamp(PdfPage page, string meeting, string item, bool confidential, string pageNumber)
    {
        double width = page.Width.Point, height = page.Height.Point;
        using (var g = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append))
        {
            var small = new XFont(PackFonts.Family, 8);
            var numberWidth = g.MeasureString(pageNumber, small).Width;
            var room = width - 2 * SideMargin - numberWidth - 6 * Mm;
            g.DrawString(Fit(g, meeting, small, room), small, XBrushes.Black, new XPoint(SideMargin, height - 11 * Mm));
            g.DrawString(pageNumber, small, XBrushes.Black, new XPoint(width - SideMargin - numberWidth, height - 11 * Mm));
            g.DrawString(Fit(g, item, small, room), small, XBrushes.Black, new XPoint(SideMargin, height - 7 * Mm));
            if (confidential)
            {
                var bold = new XFont(PackFonts.Family, 11, XFontStyleEx.Bold);
                var text = g.MeasureString(Confidential, bold);
                var box = new XRect((width - text.Width) / 2 - 3 * Mm, 3 * Mm, text.Width + 6 * Mm, 7 * Mm);
                g.DrawRectangle(new XPen(Red, 1.2), box);
                g.DrawString(Confidential, bold, new XSolidBrush(Red), box, XStringFormats.Center);
            }
        }
        MarkLastContentAsArtifact(page);
    }

    /// <summary>Shortens <paramref name="text"/> with an ellipsis to fit <paramref name="room"/> points.</summary>
    private static string Fit(XGraphics g, string text, XFont font, double room)
    {
        if (g.MeasureString(text, font).Width <= room) return text;
        var cut = text.Length;
        while (cut > 1 && g.MeasureString(text[..cut] + "…", font).Width > room) cut--;
        return text[..cut].TrimEnd() + "…";
    }

    /// <summary>
    /// The footer and banner are page furniture: marked as an artifact they stay out of the tagged reading order
    /// (screen readers skip them) instead of being untagged content in a tagged document.
    /// </summary>
    private static void MarkLastContentAsArtifact(PdfPage page)
    {
        if (page.Contents.Elements.Count == 0 || page.Contents.Elements.GetDictionary(page.Contents.Elements.Count - 1) is not { Stream: { } stream } content) return;
        var body = stream.UnfilteredValue;
        content.Elements.Remove("/Filter");
        content.Elements.Remove("/DecodeParms");
        stream.Value = [.. Encoding.ASCII.GetBytes("/Artifact <</Type /Pagination /Subtype /Footer>> BDC\n"), .. body, .. Encoding.ASCII.GetBytes("\nEMC\n")];
    }

    private static void Bookmarks(PdfDocument doc, List<(PdfPage First, List<(string Name, PdfPage First)> Reports)> parts, IReadOnlyList<PackItem> items)
    {
        doc.Outlines.Add(AgendaBookmark, parts[0].First);
        for (var i = 0; i < items.Count; i++)
        {
            var (first, reports) = parts[i + 1];
            var outline = doc.Outlines.Add(items[i].Bookmark, first, opened: true);
            outline.Outlines.Add("Cover sheet", first);
            foreach (var (name, page) in reports) outline.Outlines.Add($"Report: {name}", page);
        }
    }
}
