using System.IO.Compression;
using System.Text;
using System.Xml;
using ClosedXML.Excel;
using Commissioning.Domain.Common;
using Commissioning.Infrastructure.Exports;

namespace Commissioning.Infrastructure.Tests.Exports;

/// <summary>
/// Exports stream (issue 15): rows are read from a source as the file is written, the bytes
/// reach the output before the last row is read, and the memory held does not grow with the
/// number of rows. Memory is measured, not time: the live managed heap after a full collection,
/// taken inside the row source while the writer is mid-file.
/// The heap is the process's, so the class runs alone (no other test allocating meanwhile).
/// </summary>
[Collection(nameof(StreamingExportTests))]
public sealed class StreamingExportTests
{
    public static TheoryData<string> Formats => ["csv", "xlsx"];

    private static ExportTable Table(IEnumerable<int> rows) =>
        new ExportTable("Long list", ExportColumn.Text("Reference"), ExportColumn.Money("Value"), ExportColumn.Integer("Year"),
                ExportColumn.Percent("Share"), ExportColumn.Date("Starts"))
            .StreamRows(rows, n => [$"SC-{n:D6}", Money.FromPence(n * 101L), (long)n, n % 1000 / 1000m, new DateOnly(2021, 4, 1).AddDays(n % 3650)]);

    private static IEnumerable<int> Numbers(int count, Action<int>? at = null)
    {
        for (var n = 1; n <= count; n++)
        {
            at?.Invoke(n);
            yield return n;
        }
    }

    private static Task Write(string format, ExportTable table, Stream output) =>
        format == "csv" ? CsvExport.WriteAsync(table, output) : XlsxExport.WriteAsync(table, output);

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Bytes_of_100000_rows_reach_the_output_before_the_last_row_is_read(string format)
    {
        const int Rows = 100_000;
        var output = new CountingStream();
        var seenAtHalf = -1L;

        await Write(format, Table(Numbers(Rows, n => { if (n == Rows / 2) seenAtHalf = output.Count; })), output);

        // Half the rows read means about half the file has gone out (less the chunk still gathering).
        Assert.True(seenAtHalf > output.Count / 3, $"{seenAtHalf:N0} of {output.Count:N0} bytes had gone out at row {Rows / 2:N0}");
        Assert.True(output.Count > Rows * 10);
        Assert.True(output.LargestWrite <= 256 * 1024, $"largest single write {output.LargestWrite:N0} bytes");
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task Memory_held_while_writing_does_not_grow_with_the_rows(string format)
    {
        var small = await PeakLiveBytes(format, 10_000);
        var large = await PeakLiveBytes(format, 100_000);

        // Holding the rows alone would cost over 20 MB more for 90,000 more rows (~240 bytes a
        // checked row; ClosedXML held ~9 KB a row); streaming holds one chunk and one row whatever the count.
        Assert.True(large - small < 8 * 1024 * 1024, $"live heap at 10,000 rows {small:N0} bytes, at 100,000 rows {large:N0} bytes");
    }

    private static async Task<long> PeakLiveBytes(string format, int rows)
    {
        var peak = 0L;
        var output = new CountingStream();
        await Write(format, Table(Numbers(rows, n =>
        {
            if (n % (rows / 5) == 0) peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true));
        })), output);
        return peak;
    }

    [Fact]
    public async Task Csv_of_streamed_rows_reads_back_whole_after_the_rows_in_memory_then_the_totals()
    {
        var table = new ExportTable("Mixed", ExportColumn.Text("Reference"), ExportColumn.Money("Value"))
            .AddRow("first", Money.Pounds(1.10m))
            .StreamRows(AsyncNumbers(3), n => [$"=streamed {n}", Money.FromPence(n)])
            .WithTotals("Total", Money.Pounds(1.16m));
        var output = new MemoryStream();

        await CsvExport.WriteAsync(table, output);

        Assert.Equal("Reference,Value\r\nfirst,1.10\r\n'=streamed 1,0.01\r\n'=streamed 2,0.02\r\n'=streamed 3,0.03\r\nTotal,1.16\r\n",
            Encoding.UTF8.GetString(output.ToArray()[3..]));
    }

    [Fact]
    public async Task Xlsx_of_streamed_rows_reads_back_past_the_width_sample_with_exact_money_totals_and_filter()
    {
        var count = XlsxExport.WidthSampleRows + 300;
        var table = Table(Numbers(count)).WithTotals("Total", Money.FromPence(101L * count * (count + 1) / 2), null, null, null);
        var output = new MemoryStream();

        await XlsxExport.WriteAsync(table, output);

        using var book = new XLWorkbook(new MemoryStream(output.ToArray()));
        var sheet = book.Worksheet(1);
        Assert.Equal("Long list", sheet.Name);
        Assert.Equal($"A1:E{count + 1}", sheet.AutoFilter.Range.RangeAddress.ToString());
        Assert.Equal(1, sheet.SheetView.SplitRow);
        Assert.Equal($"SC-{count:D6}", sheet.Cell(count + 1, 1).GetString());
        Assert.Equal(101L * count / 100m, sheet.Cell(count + 1, 2).GetValue<decimal>());
        Assert.Equal(XlsxExport.MoneyFormat, sheet.Cell(count + 1, 2).Style.NumberFormat.Format);
        Assert.Equal(new DateTime(2021, 4, 1).AddDays(count % 3650), sheet.Cell(count + 1, 5).GetDateTime());
        Assert.Equal(XlsxExport.DateFormat, sheet.Cell(count + 1, 5).Style.NumberFormat.Format);
        Assert.Equal("Total", sheet.Cell(count + 2, 1).GetString());
        Assert.True(sheet.Cell(count + 2, 2).Style.Font.Bold);
        Assert.Equal(Enumerable.Range(2, count).Sum(r => sheet.Cell(r, 2).GetValue<decimal>()), sheet.Cell(count + 2, 2).GetValue<decimal>());
    }

    [Fact]
    public async Task Xlsx_of_100000_rows_holds_every_row_in_the_sheet()
    {
        var output = new MemoryStream();

        await XlsxExport.WriteAsync(Table(Numbers(100_000)), output);

        output.Position = 0;
        using var zip = new ZipArchive(output);
        using var xml = XmlReader.Create(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var (rows, last) = (0, "");
        while (xml.Read())
            if (xml is { NodeType: XmlNodeType.Element, LocalName: "row" }) { rows++; last = xml.GetAttribute("r")!; }
        Assert.Equal(100_001, rows);
        Assert.Equal("100001", last);
    }

    [Fact]
    public async Task A_streamed_row_that_does_not_fit_stops_the_file_with_its_row_number()
    {
        var table = new ExportTable("Guard", ExportColumn.Text("Form"), ExportColumn.Money("Value"))
            .AddRow("in memory", null)
            .StreamRows(Numbers(3), n => n == 2 ? ["bad", 12.5m] : ["good", null]);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => CsvExport.WriteAsync(table, new MemoryStream()));

        Assert.Contains("Row 3 of 'Guard': column 'Value' holds Money", error.Message);
    }

    [Fact]
    public async Task Cancelling_stops_reading_rows()
    {
        using var cancel = new CancellationTokenSource();
        var read = 0;
        var table = Table(Numbers(100_000, n => { read = n; if (n == 1_000) cancel.Cancel(); }));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => XlsxExport.WriteAsync(table, new CountingStream(), cancel.Token));

        Assert.InRange(read, 1_000, 1_001);
    }

    [Fact]
    public void Rows_cannot_be_added_in_memory_after_a_stream_nor_two_streams_given()
    {
        var table = new ExportTable("Order", ExportColumn.Text("A")).StreamRows(Numbers(1), n => [n.ToString()]);

        Assert.True(table.IsStreamed);
        Assert.Throws<InvalidOperationException>(() => table.AddRow("late"));
        Assert.Throws<InvalidOperationException>(() => table.StreamRows(Numbers(1), n => [n.ToString()]));
    }

    [Theory]
    [InlineData("bell\u0007", "bell\u0007")]
    [InlineData("  padded  ", "  padded  ")]
    [InlineData("emoji \U0001F600", "emoji \U0001F600")]
    public void Xlsx_text_XML_cannot_carry_as_is_reads_back_as_given(string text, string expected)
    {
        var table = new ExportTable("Text", ExportColumn.Text("A")).AddRow(text);

        using var book = new XLWorkbook(new MemoryStream(XlsxExport.ToBytes(table)));

        Assert.Equal(expected, book.Worksheet(1).Cell(2, 1).GetString());
    }

    [Fact]
    public void Xlsx_text_that_looks_like_excels_escape_is_escaped_so_excel_shows_it_as_given()
    {
        var table = new ExportTable("Text", ExportColumn.Text("A")).AddRow("code _x0041_ and _x12");

        using var zip = new ZipArchive(new MemoryStream(XlsxExport.ToBytes(table)));
        var sheetXml = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open()).ReadToEnd();

        // ECMA-376 ST_Xstring: _x005F_ is an underscore, so Excel reads "_x0041_" back, not "A".
        Assert.Contains("<t>code _x005F_x0041_ and _x12</t>", sheetXml);
    }

    private static async IAsyncEnumerable<int> AsyncNumbers(int count)
    {
        for (var n = 1; n <= count; n++)
        {
            await Task.Yield();
            yield return n;
        }
    }

    /// <summary>A response-like output: write-only, not seekable, keeps only a count of the bytes.</summary>
    private sealed class CountingStream : Stream
    {
        public long Count { get; private set; }
        public int LargestWrite { get; private set; }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            Count += count;
            LargestWrite = Math.Max(LargestWrite, count);
        }
    }
}

[CollectionDefinition(nameof(StreamingExportTests), DisableParallelization = true)]
public sealed class StreamingExportCollection;
