namespace Commissioning.Infrastructure.Pdf;

/// <summary>Chromium is not installed where <see cref="PdfOptions.ChromiumPath"/> says, or would not start.</summary>
public sealed class PdfUnavailableException : Exception
{
    public PdfUnavailableException(string chromiumPath, Exception? inner = null)
        : base(Describe(chromiumPath, inner), inner) => ChromiumPath = chromiumPath;

    public string ChromiumPath { get; }

    /// <summary>What to do about it, for the error page and the log alike.</summary>
    public const string Remedy = "Install Chromium (on Debian `sudo apt-get install chromium`; the container image has it at /usr/bin/chromium), or set Pdf:ChromiumPath to where it is.";

    private static string Describe(string path, Exception? inner) => inner is null
        ? $"Chromium was not found at {path}. {Remedy}"
        : $"Chromium at {path} could not be started ({FirstLine(inner.Message)}). {Remedy}";

    // Playwright's launch errors carry the whole browser log; the first line says what went wrong.
    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}

/// <summary>A render took longer than <see cref="PdfOptions.TimeoutSeconds"/> and was abandoned.</summary>
public sealed class PdfTimeoutException(TimeSpan limit, Exception? inner = null)
    : Exception($"The PDF took longer than {limit.TotalSeconds:0.###} seconds to print and was abandoned.", inner)
{
    public TimeSpan Limit { get; } = limit;
}
