using System.Diagnostics;
using Commissioning.Infrastructure.Demo;
using Commissioning.Infrastructure.Pdf;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;
using UglyToad.PdfPig.Tokens;
using Xunit.Abstractions;
using static Commissioning.Infrastructure.Tests.Pdf.PdfRendererTests;

namespace Commissioning.Infrastructure.Tests.Pdf;

/// <summary>
/// The agenda pack made from a real Chromium print (agenda, then two cover sheets, the first two pages long) and two
/// report PDFs (20 pages and 2), read back with PdfPig: page order, bookmarks, footers, banners, metadata, tagging.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed class AgendaPackTests(AgendaPackTests.Made made, ITestOutputHelper output) : IClassFixture<AgendaPackTests.Made>
{
    private const string Meeting = "Strategic Commissioning Board, 5 October 2020";
    private const string First = "Item 17 – Form and Function of the Local Care Organisation";
    private const string Second = "Item 18 – Ending the day services contract";
    private const double Band = 17 * 72 / 25.4;

    [Fact]
    public void Pages_run_agenda_then_each_sheet_then_its_reports()
    {
        using var pdf = PdfDocument.Open(made.Pack);
        var expected = new List<string> { "AGENDA-TEXT", "SHEET-ONE", "SHEET-ONE" };
        expected.AddRange(Enumerable.Range(1, 20).Select(n => $"Report page {n} of 20"));
        expected.Add("SHEET-TWO");
        expected.AddRange(["Appendix page 1 of 2", "Appendix page 2 of 2"]);
        Assert.Equal(expected.Count, pdf.NumberOfPages);
        for (var p = 1; p <= pdf.NumberOfPages; p++)
            Assert.Contains(expected[p - 1], Body(pdf, p));
        Assert.Contains("continued on the next page", Body(pdf, 2));
        Assert.Contains("SHEET-ONE-END", Body(pdf, 3));
    }

    [Fact]
    public void Every_page_has_the_meeting_the_item_and_its_number_of_the_whole_pack_in_a_clear_band()
    {
        using var pdf = PdfDocument.Open(made.Pack);
        var n = pdf.NumberOfPages;
        for (var p = 1; p <= n; p++)
        {
            var item = p == 1 ? AgendaPack.AgendaBookmark : p <= 23 ? First : Second;
            Assert.Equal($"{Meeting} Page {p} of {n} {item}", Footer(pdf, p));
            // Nothing of the page itself (sheet or report) reaches into the footer's band.
            Assert.All(pdf.GetPage(p).GetWords().Where(w => w.BoundingBox.Top >= Band), w => Assert.True(w.BoundingBox.Bottom >= Band, $"'{w.Text}' on page {p} runs into the footer band"));
        }
    }

    [Fact]
    public void Confidential_item_is_bannered_on_every_page_of_its_part_and_nowhere_else()
    {
        using var pdf = PdfDocument.Open(made.Pack);
        for (var p = 1; p <= pdf.NumberOfPages; p++)
        {
            var banner = pdf.GetPage(p).GetWords().Where(w => w.BoundingBox.Bottom > pdf.GetPage(p).Height - 11 * 72 / 25.4).Select(w => w.Text).ToList();
            Assert.Equal(p >= 24 ? ["CONFIDENTIAL"] : [], banner);
        }
    }

    [Fact]
    public void Bookmarks_open_the_agenda_and_each_item_with_its_sheet_and_reports()
    {
        using var pdf = PdfDocument.Open(made.Pack);
        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        var top = bookmarks.Roots.Cast<DocumentBookmarkNode>().Select(b => (b.Title, b.PageNumber)).ToList();
        Assert.Equal([("Agenda", 1), (First, 2), (Second, 24)], top);
        var children = bookmarks.Roots.Skip(1).Select(r => r.Children.Cast<DocumentBookmarkNode>().Select(b => (b.Title, b.PageNumber)).ToList()).ToList();
        Assert.Equal([("Cover sheet", 2), ("Report: LCO report.pdf", 4)], children[0]);
        Assert.Equal([("Cover sheet", 24), ("Report: Appendix.pdf", 25)], children[1]);
    }

    [Fact]
    public void Metadata_names_the_pack_the_council_the_app_and_the_language()
    {
        using var pdf = PdfDocument.Open(made.Pack);
        Assert.Equal(("Agenda pack – " + Meeting, "Bury Council", "Commissioning register"), (pdf.Information.Title, pdf.Information.Author, pdf.Information.Creator));
        Assert.Equal("en-GB", Assert.IsType<StringToken>(pdf.Structure.Catalog.CatalogDictionary.Data["Lang"]).Data);
    }

    /// <summary>
    /// What holds of the tagging: the printed part (agenda and sheets) keeps Chromium's structure tree, whose elements still
    /// point at pages in the pack; the report pages are drawn from their files without tags; footers are artifacts.
    /// </summary>
    [Fact]
    public void Printed_part_stays_tagged_and_report_pages_are_not()
    {
        using var pdf = PdfDocument.Open(made.Pack);
        var catalog = pdf.Structure.Catalog.CatalogDictionary;
        Assert.True(catalog.Data.ContainsKey("StructTreeRoot"), "the pack lost its structure tree");
        var markInfo = Assert.IsType<DictionaryToken>(Resolve(pdf, catalog.Data["MarkInfo"]));
        Assert.True(Assert.IsType<BooleanToken>(markInfo.Data["Marked"]).Data);
        var roles = StructureRoles(pdf, catalog.Data["StructTreeRoot"]);
        Assert.Contains("H1", roles);
        Assert.Contains("Table", roles);

        var tagged = Enumerable.Range(1, pdf.NumberOfPages).Where(p => pdf.GetPage(p).Dictionary.Data.ContainsKey("StructParents")).ToList();
        Assert.Equal([1, 2, 3, 24], tagged);
        output.WriteLine($"Tagged pages: {string.Join(", ", tagged)} of {pdf.NumberOfPages}; structure roles: {string.Join(' ', roles.Order())}");
    }

    [Fact]
    public void Unreadable_report_is_told_apart_from_a_readable_one()
    {
        Assert.Equal(20, AgendaPack.CountPages(made.Report));
        Assert.Null(AgendaPack.CountPages("%PDF-1.4 not really a PDF"u8.ToArray()));
        Assert.Null(AgendaPack.CountPages([]));
    }

    [Fact]
    public void Print_without_a_footer_leaves_the_bottom_margin_empty()
    {
        using var pdf = PdfDocument.Open(made.Printed);
        Assert.All(pdf.GetPages(), page => Assert.DoesNotContain(page.GetWords(), w => w.BoundingBox.Top < 20 * 72 / 25.4));
    }

    private static IToken Resolve(PdfDocument pdf, IToken token) =>
        token is IndirectReferenceToken reference ? pdf.Structure.GetObject(reference.Data).Data : token;

    private static HashSet<string> StructureRoles(PdfDocument pdf, IToken root)
    {
        var roles = new HashSet<string>();
        var pending = new Stack<IToken>([root]);
        while (pending.TryPop(out var token))
        {
            switch (Resolve(pdf, token))
            {
                case DictionaryToken element:
                    if (element.Data.TryGetValue("S", out var role) && Resolve(pdf, role) is NameToken name) roles.Add(name.Data);
                    if (element.Data.TryGetValue("K", out var kids)) pending.Push(kids);
                    break;
                case ArrayToken array:
                    foreach (var kid in array.Data) pending.Push(kid);
                    break;
            }
        }
        return roles;
    }

    private static string Body(PdfDocument pdf, int page) =>
        string.Join(' ', pdf.GetPage(page).GetWords().Where(w => w.BoundingBox.Bottom >= Band).Select(w => w.Text));

    private static string Footer(PdfDocument pdf, int page) =>
        string.Join(' ', pdf.GetPage(page).GetWords().Where(w => w.BoundingBox.Top < Band)
            .OrderByDescending(w => Math.Round(w.BoundingBox.Bottom)).ThenBy(w => w.BoundingBox.Left).Select(w => w.Text));

    /// <summary>The printed part and the pack, made once for the class.</summary>
    public sealed class Made : IAsyncLifetime
    {
        public byte[] Printed { get; private set; } = [];
        public byte[] Report { get; } = BoardPackDemoSeeder.ReportPdf("LCO report", "Report", 20);
        public byte[] Pack { get; private set; } = [];

        public async Task InitializeAsync()
        {
            await using var renderer = NewRenderer(new() { ChromiumPath = Chromium }, out _);
            Printed = await renderer.RenderAsync(Html(), new Uri("http://127.0.0.1:5080/"), PdfFooter.None);
            var clock = Stopwatch.StartNew();
            Pack = AgendaPack.Assemble(Printed, new PackDetails("Agenda pack – " + Meeting, "Bury Council", "Commissioning register", Meeting),
            [
                new PackItem(First, false, [new PackReport("LCO report.pdf", Report)]),
                new PackItem(Second, true, [new PackReport("Appendix.pdf", BoardPackDemoSeeder.ReportPdf("Appendix", "Appendix", 2))]),
            ]);
            var folder = Path.Combine(AppContext.BaseDirectory, "pdf-preview");
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(Path.Combine(folder, "agenda-pack.pdf"), Pack);
            Console.WriteLine($"Assembled the pack in {clock.ElapsedMilliseconds} ms");
        }

        public Task DisposeAsync() => Task.CompletedTask;

        private static string Html()
        {
            var filler = string.Join("\n", Enumerable.Range(1, 45).Select(i => $"<p>Paragraph {i} of the first sheet, continued on the next page.</p>"));
            return $$"""
                <!DOCTYPE html>
                <html lang="en-GB"><head><meta charset="utf-8"><title>Print</title>
                <style>article + article { break-before: page; } body { font: 11pt Arial, "Liberation Sans", sans-serif; }</style></head>
                <body>
                <article><h1>Strategic Commissioning Board</h1><table><tr><th>Item</th><td>AGENDA-TEXT</td></tr></table></article>
                <article><h1>Meeting: Strategic Commissioning Board</h1><h2>Executive summary</h2><p>SHEET-ONE</p>{{filler}}<p>SHEET-ONE-END</p></article>
                <article><h1>Meeting: Strategic Commissioning Board</h1><p>SHEET-TWO</p></article>
                </body></html>
                """;
        }
    }
}
