using System.Globalization;

namespace Commissioning.Domain.Finance;

/// <summary>Numbers as the estimate's working shows them, always the en-GB way (4,143.75).</summary>
internal static class EstimateWording
{
    // Servers often run with no culture of their own; the working must read the same everywhere.
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public static string Number(decimal value) => value.ToString("#,##0.############################", EnGb);

    public static string Count(int count, string one, string many) => $"{count.ToString("#,##0", EnGb)} {(count == 1 ? one : many)}";

    public static string Quantity(decimal value, string one, string many) => $"{Number(value)} {(value == 1 ? one : many)}";

    /// <summary>
    /// An amount that may hold fractions of a penny: £83,620.875. Past four places it is cut
    /// short with an ellipsis (£40,932.6666…) so that a recurring decimal does not run on.
    /// </summary>
    public static string Pounds(decimal amount)
    {
        var shown = decimal.Round(amount, 4, MidpointRounding.ToZero);
        return "£" + shown.ToString("#,##0.00##", EnGb) + (shown == amount ? "" : "…");
    }
}
