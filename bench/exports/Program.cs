// Writes a 7-column export of N generated rows to a null, non-seekable stream and prints the median time,
// the bytes allocated and the peak RSS over the start (decision 0027). Run each case in a fresh process:
//   dotnet run -c Release --project bench/exports -- xlsx 100000 3
// The "before" figures came from the same program built against commit 624deed with AddRows + ToBytes.
using System.Diagnostics;
using Commissioning.Domain.Common;
using Commissioning.Infrastructure.Exports;

// usage: format rows repeats. Prints: ms(median) allocatedMB peakRssDeltaMB bytes
var (format, rows, repeats) = (args[0], int.Parse(args[1]), int.Parse(args[2]));
IEnumerable<int> Numbers() { for (var n = 1; n <= rows; n++) yield return n; }
object?[] Cells(int n) => [$"SC-{n:D6}", $"Contract title number {n} for home care", Money.FromPence(n * 101L), (long)n, n % 1000 / 1000m, new DateOnly(2021, 4, 1).AddDays(n % 3650), "Waiting for agreement"];
ExportTable Table()
{
    var t = new ExportTable("Long list", ExportColumn.Text("Reference"), ExportColumn.Text("Title"), ExportColumn.Money("Value"), ExportColumn.Integer("Year"),
        ExportColumn.Percent("Share"), ExportColumn.Date("Starts"), ExportColumn.Text("Review"));
    return t.StreamRows(Numbers(), Cells);
}
long Run()
{
    var sink = new Sink();
    (format == "csv" ? CsvExport.WriteAsync(Table(), sink) : XlsxExport.WriteAsync(Table(), sink)).GetAwaiter().GetResult();
    return sink.Count;
}
long Rss(string key) => long.Parse(File.ReadAllLines("/proc/self/status").First(l => l.StartsWith(key)).Split(':')[1].Trim().Split(' ')[0]) / 1024;
GC.Collect();
var baseRss = Rss("VmRSS:");
var times = new List<double>();
long size = 0, alloc = 0;
for (var i = 0; i < repeats; i++)
{
    var a = GC.GetTotalAllocatedBytes(true);
    var sw = Stopwatch.StartNew();
    size = Run();
    times.Add(sw.Elapsed.TotalMilliseconds);
    alloc = GC.GetTotalAllocatedBytes(true) - a;
}
times.Sort();
Console.WriteLine($"{format} {rows} median_ms={times[times.Count / 2]:F0} alloc_MB={alloc / 1048576.0:F0} peakRss_over_start_MB={Rss("VmHWM:") - baseRss} bytes={size}");

sealed class Sink : Stream
{
    public long Count;
    public override bool CanRead => false; public override bool CanSeek => false; public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] b, int o, int c) => throw new NotSupportedException();
    public override long Seek(long o, SeekOrigin s) => throw new NotSupportedException();
    public override void SetLength(long v) => throw new NotSupportedException();
    public override void Write(byte[] b, int o, int c) => Count += c;
}
