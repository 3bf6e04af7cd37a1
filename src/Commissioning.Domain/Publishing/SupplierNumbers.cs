using System.Text.RegularExpressions;

namespace Commissioning.Domain.Publishing;

/// <summary>
/// The register keeps one registration number per provider ("Companies House or Charity Commission number"); the
/// contracts file has a column for each. A Companies House number is eight characters (eight digits, or two letters
/// and six digits: 09724479, SC123456); a Charity Commission number for England and Wales is six or seven digits
/// (1123456). Anything else is published as typed, as the company number.
/// </summary>
public static partial class SupplierNumbers
{
    [GeneratedRegex("^[0-9]{6,7}$")]
    private static partial Regex CharityShape();

    public static (string? CompanyNumber, string? CharityNumber) Split(string? registrationNumber)
    {
        var number = registrationNumber?.Trim();
        if (string.IsNullOrEmpty(number)) return (null, null);
        return CharityShape().IsMatch(number) ? (null, number) : (number, null);
    }
}
