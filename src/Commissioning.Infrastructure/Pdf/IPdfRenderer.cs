namespace Commissioning.Infrastructure.Pdf;

/// <summary>Prints a complete HTML document to an A4 PDF.</summary>
public interface IPdfRenderer
{
    /// <summary>
    /// Prints <paramref name="html"/> as though it had been served from <paramref name="baseAddress"/>,
    /// so relative and root-relative links resolve against the app. Requests to that origin go to the
    /// registered <see cref="PdfAssetFetcher"/>; every other request is blocked.
    /// </summary>
    /// <exception cref="PdfUnavailableException">Chromium is missing or would not start.</exception>
    /// <exception cref="PdfTimeoutException">The render took longer than <see cref="PdfOptions.TimeoutSeconds"/>.</exception>
    Task<byte[]> RenderAsync(string html, Uri baseAddress, CancellationToken ct = default);

    /// <summary>
    /// As <see cref="RenderAsync(string, Uri, CancellationToken)"/>, with or without the footer; without it the
    /// bottom margin stays, empty, for a footer stamped later (the agenda pack numbers its merged pages itself).
    /// </summary>
    Task<byte[]> RenderAsync(string html, Uri baseAddress, PdfFooter footer, CancellationToken ct = default);
}

/// <summary>What Chromium prints in the bottom margin.</summary>
public enum PdfFooter
{
    /// <summary><see cref="PdfOptions.FooterLabel"/> and "Page n of N".</summary>
    PageNumbers,
    /// <summary>Nothing: the margin is left clear.</summary>
    None,
}

/// <summary>
/// Answers the printed page's requests to the app's own origin (style sheets, images) without a socket,
/// so printing works behind a proxy and inside WebApplicationFactory tests alike. Null means 404.
/// </summary>
public delegate Task<(byte[] Body, string ContentType)?> PdfAssetFetcher(Uri url, CancellationToken ct);
