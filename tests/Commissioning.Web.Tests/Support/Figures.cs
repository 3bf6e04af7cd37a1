using System.Globalization;
using Commissioning.Web.Tests.Pages.Governance;

namespace Commissioning.Web.Tests.Support;

/// <summary>
/// The demo on a fixed day, Thursday 15 October 2026, in financial year 2026/27: the day the issue's
/// figures are for (Persona's projected £9,893,408.00). Each test class gets an application of its own.
/// </summary>
public sealed class Figures2026 : IDisposable
{
    public static readonly DateOnly Today = new(2026, 10, 15);

    public CommissioningFactory Factory { get; } = new() { Time = new MovableClock(new DateTimeOffset(2026, 10, 15, 9, 0, 0, TimeSpan.Zero)) };

    public void Dispose() => Factory.Dispose();
}

/// <summary>Money as the pages show it, read back to whole pence: "£1,234.56", "+£30,843.12", "-£2.08"; "None" and blank are nothing.</summary>
public static class Shown
{
    public static long? Pence(string shown)
    {
        var text = shown.Trim();
        if (text is "" or "None" or "Not set" or "Not known") return null;
        var negative = text.StartsWith('-');
        var digits = text.TrimStart('+', '-').TrimStart('£');
        var pounds = decimal.Parse(digits, NumberStyles.AllowThousands | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        var pence = (long)(pounds * 100m);
        return negative ? -pence : pence;
    }
}
