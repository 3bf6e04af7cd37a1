namespace Commissioning.Infrastructure.Pdf;

/// <summary>Settings for printing to PDF, bound from the "Pdf" section.</summary>
public sealed class PdfOptions
{
    public const string Section = "Pdf";

    /// <summary>The Chromium executable; Debian's package installs it at /usr/bin/chromium.</summary>
    public string ChromiumPath { get; set; } = "/usr/bin/chromium";

    /// <summary>How long one render may take, from opening the page to the last byte of PDF. Fractions are allowed.</summary>
    public double TimeoutSeconds { get; set; } = 30;

    /// <summary>Printed at the left of every page's footer, e.g. "OFFICIAL-SENSITIVE"; page numbers are always on the right.</summary>
    public string? FooterLabel { get; set; }

    internal TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);
}
