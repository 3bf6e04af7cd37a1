using System.Text;
using Commissioning.Infrastructure.Import;

namespace Commissioning.Infrastructure.Tests.Import;

public sealed class FileLimitsTests
{
    private const long TenMegabytes = 10 * 1024 * 1024;

    /// <summary>A CSV of exactly <paramref name="bytes"/> bytes: one heading and one long cell.</summary>
    private static byte[] CsvOfSize(long bytes)
    {
        var head = Encoding.ASCII.GetBytes("Reference,Notes\nA-1,");
        var data = new byte[bytes];
        head.CopyTo(data, 0);
        data.AsSpan(head.Length).Fill((byte)'x');
        return data;
    }

    [Fact]
    public void TenMegabytesExactly_Read()
    {
        var result = ImportFileReader.Read(new MemoryStream(CsvOfSize(TenMegabytes)), "big.csv", new ImportReadOptions(), ImportLimits.Default);
        Assert.False(result.IsRefused, result.Refusal);
        Assert.Single(result.Table!.Rows);
    }

    [Fact]
    public void OneByteOver_Refused_SayingTheSizeInBytes() =>
        Assert.Equal("The file is 10,485,761 bytes: the largest file that can be imported is 10 MB (10,485,760 bytes). " +
            "Split it into smaller files, or leave out columns the register does not need.",
            ImportFileReader.Read(new MemoryStream(CsvOfSize(TenMegabytes + 1)), "big.csv", new ImportReadOptions(), ImportLimits.Default).Refusal);

    [Fact]
    public void FiftyMegabytes_RefusedWithoutReadingIt()
    {
        // Made here, never committed: a seekable stream that says it is 50 MB and counts what is read of it.
        using var file = new CountingStream(50L * 1024 * 1024);
        var result = ImportFileReader.Read(file, "register.xlsx", new ImportReadOptions(), ImportLimits.Default);
        Assert.Equal("The file is 50.0 MB: the largest file that can be imported is 10 MB. Split it into smaller files, or leave out columns the register does not need.",
            result.Refusal);
        Assert.Equal(0, file.BytesRead);
    }

    [Fact]
    public void FiftyMegabytes_ThatCannotSayItsLength_StopsReadingPastTheLimit()
    {
        using var file = new CountingStream(50L * 1024 * 1024, canSeek: false);
        var result = ImportFileReader.Read(file, "register.csv", new ImportReadOptions(), ImportLimits.Default);
        Assert.StartsWith("The file is more than 10 MB: the largest file that can be imported is 10 MB.", result.Refusal);
        Assert.InRange(file.BytesRead, TenMegabytes + 1, TenMegabytes + 100_000);
    }

    [Fact]
    public void FiftyMegabytes_OnDisk_Refused()
    {
        var path = Path.Combine(Path.GetTempPath(), $"import-50mb-{Guid.NewGuid():N}.csv");
        try
        {
            using (var write = File.Create(path)) write.SetLength(50L * 1024 * 1024);
            using var read = File.OpenRead(path);
            Assert.StartsWith("The file is 50.0 MB:", ImportFileReader.Read(read, "register.csv", new ImportReadOptions(), ImportLimits.Default).Refusal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("register.xls", "“register.xls” is an Excel 97–2003 workbook (.xls): open it in Excel and save it as “Excel Workbook (.xlsx)” or as CSV, then choose that file.")]
    [InlineData("register.ods", "“register.ods” cannot be imported: choose a .csv file or an Excel workbook (.xlsx). Save it from its spreadsheet program as CSV or as an Excel Workbook (.xlsx).")]
    [InlineData("register.pdf", "“register.pdf” cannot be imported: choose a .csv file or an Excel workbook (.xlsx).")]
    [InlineData("register", "“register” cannot be imported: choose a .csv file or an Excel workbook (.xlsx).")]
    public void OtherFileTypes_RefusedNamingWhatIsAccepted(string fileName, string message) =>
        Assert.Equal(message, ImportFileReader.Read(new MemoryStream("Reference\nA\n"u8.ToArray()), fileName, new ImportReadOptions(), ImportLimits.Default).Refusal);

    [Theory]
    [InlineData("REGISTER.CSV")]
    [InlineData("C:\\Users\\julie\\register.Csv")]
    public void Extension_AnyCase_PathDropped(string fileName)
    {
        var table = ImportFileReader.Read(new MemoryStream("Reference\nA\n"u8.ToArray()), fileName, new ImportReadOptions(), ImportLimits.Default).Table!;
        Assert.Equal(fileName[(fileName.LastIndexOf('\\') + 1)..], table.FileName);
    }

    [Fact]
    public void SizeMessage_MegabytesWhenTheyShowTheDifference()
    {
        Assert.StartsWith("The file is 10.1 MB: the largest file that can be imported is 10 MB.", ImportFileReader.SizeMessage(TenMegabytes + 100_000, TenMegabytes));
        Assert.StartsWith("The file is 2.5 MB: the largest file that can be imported is 2 MB.", ImportFileReader.SizeMessage(5 * 512 * 1024, 2 * 1024 * 1024));
    }

    /// <summary>Zeros without end, counting what is read.</summary>
    private sealed class CountingStream(long length, bool canSeek = true) : Stream
    {
        public long BytesRead { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => canSeek;
        public override bool CanWrite => false;
        public override long Length => canSeek ? length : throw new NotSupportedException();
        public override long Position { get => canSeek ? BytesRead : throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - BytesRead);
            Array.Clear(buffer, offset, n);
            BytesRead += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
