using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Commissioning.Infrastructure.Pdf;

/// <summary>
/// Answers every request of one printed page: the document itself, the app's assets through the
/// <see cref="PdfAssetFetcher"/> (no socket, so it works in WebApplicationFactory tests), and nothing else.
/// </summary>
internal sealed class PrintRequests(string html, Uri document, PdfAssetFetcher? fetchAsset, ILogger logger, CancellationToken ct)
{
    // A style sheet's @page rules would otherwise win over PdfAsync's size and margins (Chromium honours
    // "size: landscape" and "margin: 0" even with PreferCSSPageSize off) and push text under the footer.
    // Appended last and important, so no rule in the print view can outrank it.
    private const string PageRules = "\n<style>@page { size: A4 portrait !important; margin: 15mm 15mm 20mm !important; }</style>\n";

    private int _documentServed;

    public async Task AnswerAsync(IRoute route)
    {
        var request = route.Request;
        try
        {
            var url = new Uri(request.Url);
            if (request.IsNavigationRequest)
            {
                // Only the first load of the document: a meta refresh or an iframe navigates nowhere.
                if (SameResource(url, document) && Interlocked.Exchange(ref _documentServed, 1) == 0)
                    await route.FulfillAsync(new() { Status = 200, ContentType = "text/html; charset=utf-8", Body = html + PageRules });
                else
                    await BlockAsync(route, url);
            }
            else if (SameOrigin(url, document) && fetchAsset is not null)
            {
                await FetchAsync(route, url);
            }
            else
            {
                await BlockAsync(route, url);
            }
        }
        catch (Exception e) when (e is PlaywrightException or OperationCanceledException)
        {
            // The context closed (time limit) while this request was being answered: nothing is waiting for it.
        }
        catch (Exception e)
        {
            // A failing fetcher must not leave the page waiting for its load event until the time limit.
            logger.LogError(e, "Answering the printed page's request for {Url} failed.", request.Url);
            try { await route.AbortAsync("failed"); }
            catch (PlaywrightException) { }
        }
    }

    private async Task FetchAsync(IRoute route, Uri url)
    {
        if (await fetchAsset!(url, ct) is { } found)
        {
            await route.FulfillAsync(new() { Status = 200, ContentType = found.ContentType, BodyBytes = found.Body });
            return;
        }
        logger.LogWarning("The printed page asked for {Url}, which the app does not have.", url);
        await route.FulfillAsync(new() { Status = (int)HttpStatusCode.NotFound });
    }

    private async Task BlockAsync(IRoute route, Uri url)
    {
        // A warning: the print view is our own markup, so anything it asks for elsewhere is a mistake in it.
        logger.LogWarning("Blocked a request from a printed page to {Url}.", url);
        await route.AbortAsync("blockedbyclient");
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        Uri.Compare(a, b, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    private static bool SameResource(Uri a, Uri b) =>
        Uri.Compare(a, b, UriComponents.HttpRequestUrl, UriFormat.UriEscaped, StringComparison.Ordinal) == 0;
}
