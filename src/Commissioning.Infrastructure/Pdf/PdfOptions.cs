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

    /// <summary>
    /// Warm pages kept for printing, each in a browser context of its own; at most this many renders run at
    /// once and the rest wait their turn. Two suit a two-core server: more pages add memory, not speed.
    /// </summary>
    public int Pages { get; set; } = 2;

    /// <summary>
    /// Chromium is shut down after this many minutes without a render (fractions allowed) and started again by
    /// the next one; 0 keeps it running. Its warm pages cost several hundred megabytes while they wait.
    /// </summary>
    public double IdleMinutes { get; set; } = 10;

    /// <summary>
    /// Start Chromium as the app starts, beside the database's start-up, so that it is running by the time the app
    /// answers (it takes most of a second); false leaves it to the readiness check or the first PDF.
    /// </summary>
    public bool StartWithApp { get; set; } = true;

    internal TimeSpan Timeout => TimeSpan.FromSeconds(TimeoutSeconds);
    internal TimeSpan? IdleAfter => IdleMinutes > 0 ? TimeSpan.FromMinutes(IdleMinutes) : null;
}
