using System.Globalization;
using System.Text;

namespace Commissioning.Tests.Shared;

/// <summary>
/// A register export of made-up contracts, as many rows as asked for, in the register's own import layout
/// (the headings of ImportFieldNames, year columns "2024/25"…): for the import's benchmark and its large-file
/// tests. Made at run time, never committed. The same row count always gives the same bytes; the references
/// are BENCH-000001 upwards; every tenth provider name repeats so providers are shared between rows.
/// Link it into a test project: &lt;Compile Include="..\Shared\LargeImportFile.cs" Link="Support\LargeImportFile.cs" /&gt;.
/// </summary>
public static class LargeImportFile
{
    public const string Header =
        "Reference,Title,Description,Provider,Provider registration number,Directorate,Service category,Commissioning form," +
        "Procurement route,Responsible commissioner,Start date,End date,Maximum end date,Notice period (months),2024/25,2025/26,2026/27";

    private static readonly string[] Forms = ["Block", "Spot", "Block", "Lead provider"];
    private static readonly string[] Categories = ["Domiciliary care", "Supported living", "Residential care", "Day services", "Community health", "Other"];

    /// <summary>The CSV (UTF-8 with a byte order mark, CRLF) with <paramref name="rows"/> contracts.</summary>
    public static byte[] Csv(int rows, string referencePrefix = "BENCH-")
    {
        using var stream = new MemoryStream();
        WriteCsv(stream, rows, referencePrefix);
        return stream.ToArray();
    }

    public static void WriteCsv(Stream stream, int rows, string referencePrefix = "BENCH-")
    {
        using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 65536, leaveOpen: true) { NewLine = "\r\n" };
        writer.WriteLine(Header);
        for (var i = 1; i <= rows; i++)
            writer.WriteLine(Row(i, referencePrefix));
    }

    /// <summary>One row's cells, for a test that wants to check what it imported.</summary>
    public static string Row(int i, string referencePrefix = "BENCH-")
    {
        var provider = i % 10 == 0 ? 1 + (i / 10 % 50) : 100 + i % 900;
        var start = new DateOnly(2022 + i % 3, 1 + i % 12, 1);
        var end = start.AddYears(3 + i % 3).AddDays(-1);
        var annual = 10_000m + (i * 7919 % 500_000) + (i % 100) / 100m;
        string Money(decimal m) => m.ToString("0.00", CultureInfo.InvariantCulture);
        string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return string.Join(',',
            $"{referencePrefix}{i:000000}",
            $"Care service {i}",
            i % 7 == 0 ? $"\"Support at home, nights and \"\"waking\"\" cover ({i})\"" : "Made-up contract for the benchmark",
            $"Provider {provider:0000} Ltd",
            $"{10_000_000 + provider:00000000}",
            "Adult Social Care",
            Categories[i % Categories.Length],
            Forms[i % Forms.Length],
            "Open tender",
            "Julie Gonda",
            Date(start),
            Date(end),
            Date(end.AddYears(1)),
            (3 + i % 4).ToString(CultureInfo.InvariantCulture),
            Money(annual),
            Money(annual * 1.02m - (annual * 1.02m % 0.01m)),
            i % 5 == 0 ? "" : Money(annual + 1000m));
    }
}
