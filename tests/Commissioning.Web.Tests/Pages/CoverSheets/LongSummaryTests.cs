using System.Net;
using System.Text.RegularExpressions;
using Commissioning.Web.Tests.Support;
using UglyToad.PdfPig;
using static Commissioning.Web.Tests.Pages.CoverSheets.CoverSheetSteps;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.CoverSheets;

/// <summary>
/// A 3,000-word executive summary, saved and issued through the pages, flows over several A4
/// pages of the PDF with every word kept, in order, and none running into the footer.
/// </summary>
[Collection(CoverSheetCollection.Name)]
public sealed partial class LongSummaryTests(CoverSheetApp app)
{
    private readonly CoverSheetApp app = app.Fresh();

    private CommissioningFactory Factory => app.Factory;
    private const int WordCount = 3_000;

    private static string Numbered(int n) => $"w{n:0000}";

    [Fact]
    public async Task Three_thousand_word_summary_spans_pages_with_no_word_lost()
    {
        var secretary = await Factory.SignedInClientAsync(Secretary);
        var ids = await AgendaItemAsync(Factory, secretary, CoverSheetApp.Today.AddDays(21));
        var sheet = await CreateSheetAsync(secretary, ids);
        // Thirty paragraphs of a hundred distinct words: about 18,000 characters.
        var summary = string.Join("\n", Enumerable.Range(0, WordCount / 100)
            .Select(p => string.Join(' ', Enumerable.Range(p * 100 + 1, 100).Select(Numbered))));

        // Saved as a draft first, as a secretary would, then issued.
        var draft = Complete(await EditFormAsync(secretary, sheet), summary);
        var saved = await SaveAsync(secretary, sheet, draft);
        Assert.True(saved.Status == HttpStatusCode.Redirect, $"Saving the draft answered {(int)saved.Status}: {string.Join(" | ", saved.ErrorSummary)}");
        var kept = await LoadSheetAsync(Factory, sheet);
        Assert.Equal(summary, kept.Draft!.ExecutiveSummary.Replace("\r\n", "\n", StringComparison.Ordinal));
        await IssueCompleteAsync(secretary, sheet, summary);
        var issued = await LoadSheetAsync(Factory, sheet);
        Assert.True(issued.Versions.Single().IsIssued);
        Assert.Equal(summary, issued.Versions.Single().ExecutiveSummary.Replace("\r\n", "\n", StringComparison.Ordinal));

        var viewer = await Factory.SignedInClientAsync(Viewer);
        using var pdf = PdfDocument.Open(await PdfAsync(viewer, $"/CoverSheets/{sheet}/Versions/1/Pdf"));

        Assert.True(pdf.NumberOfPages > 1, $"expected several pages, got {pdf.NumberOfPages}");
        AssertA4Portrait(pdf);
        AssertPageNumbers(pdf);
        var words = Words(pdf);
        var missing = Enumerable.Range(1, WordCount).Select(Numbered).Where(w => !words.Contains(w)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} words lost, first {string.Join(", ", missing.Take(5))}");
        // In the order written, each once: nothing clipped, repeated or shuffled where the box breaks across pages.
        var inOrder = Text(pdf).Split(' ').Where(w => NumberedWord().IsMatch(w)).ToList();
        Assert.Equal(Enumerable.Range(1, WordCount).Select(Numbered), inOrder);
        // The rest of the sheet follows the summary.
        Assert.Contains("Approve the renewal.", Text(pdf));
        Assert.Contains(ids.Title, Text(pdf));
    }

    [GeneratedRegex(@"^w\d{4}$")]
    private static partial Regex NumberedWord();
}
