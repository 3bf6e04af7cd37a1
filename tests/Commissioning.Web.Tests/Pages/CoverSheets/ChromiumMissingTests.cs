using System.Net;
using Commissioning.Infrastructure.Pdf;
using Commissioning.Web.Tests.Support;
using static Commissioning.Web.Tests.Pages.CoverSheets.CoverSheetSteps;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.CoverSheets;

/// <summary>
/// With Pdf:ChromiumPath pointing nowhere, a PDF link answers 503 with a page that says what is
/// wrong and how to put it right, rather than the generic error page; the rest still works.
/// </summary>
public sealed class ChromiumMissingTests(ChromiumMissingTests.App app) : IClassFixture<ChromiumMissingTests.App>
{
    private const string Nowhere = "/nonexistent/chromium";

    public sealed class App : IAsyncLifetime
    {
        public CommissioningFactory Factory { get; } = CommissioningFactory.With(("Pdf:ChromiumPath", Nowhere));
        public Task InitializeAsync() => Task.CompletedTask;
        public async Task DisposeAsync() => await Factory.DisposeAsync();
    }

    [Fact]
    public async Task PDF_link_answers_503_saying_how_to_install_Chromium_or_set_its_path()
    {
        var sheet = await PersonaSheetAsync(app.Factory);
        var viewer = await app.Factory.SignedInClientAsync(Viewer);

        foreach (var url in new[] { $"/CoverSheets/{sheet.Id}/Versions/1/Pdf", $"/Governance/Meetings/{sheet.MeetingId}/Pack" })
        {
            var page = await viewer.GetPageAsync(url);
            Assert.True(page.Status == HttpStatusCode.ServiceUnavailable, $"{url} answered {(int)page.Status}");
            Assert.Equal("text/html", page.Response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("The PDF cannot be made at the moment", Browser.Normalise(page.Find("h1")?.TextContent));
            var problem = Browser.Normalise(page.Find("#pdf-problem")?.TextContent);
            Assert.Contains($"Chromium was not found at {Nowhere}.", problem);
            Assert.Contains("apt-get install chromium", problem);
            Assert.Contains("Pdf:ChromiumPath", problem);
            Assert.EndsWith(PdfUnavailableException.Remedy, problem);
            // The page is the app's own, with its navigation, not a bare error.
            Assert.NotNull(page.Find("header"));
        }

        // The HTML preview needs no Chromium.
        var preview = await viewer.GetPageAsync($"/CoverSheets/{sheet.Id}/Versions/1");
        Assert.Equal(HttpStatusCode.OK, preview.Status);
        Assert.Contains(PersonaTitle, preview.Text);
    }
}
