using System.IO.Compression;
using System.Net;
using System.Text;
using Commissioning.Infrastructure.Import;
using Commissioning.Web.Tests.Security;
using Commissioning.Web.Tests.Support;
using static Commissioning.Web.Tests.Support.CommissioningFactory;

namespace Commissioning.Web.Tests.Pages.Import;

/// <summary>
/// /Import's upload: who may use it, and every file it cannot read refused next to the field with the reader's own
/// message, nothing kept; a file too large for it (50 MB) gets the page's message, not the server's refusal.
/// </summary>
[Collection(SharedApp.Register)]
public sealed class UploadTests(CommissioningFactory factory)
{
    private readonly CommissioningFactory factory = factory.ResetDatabase();

    public const string GoodCsv = "Reference,Title,Provider,Commissioning form,Directorate,Start date,End date,Annual value\r\n" +
        "IMP-0001,Night sitting service,Persona Care and Support Limited,Block,Adult Social Care,01/04/2025,31/03/2028,\"£120,000.00\"\r\n";

    [Theory]
    [InlineData(CommissioningFactory.Finance)]
    [InlineData(Secretary)]
    [InlineData(Viewer)]
    public async Task Only_commissioners_and_administrators_may_import(string who)
    {
        var client = await factory.SignedInClientAsync(who);
        Assert.True(Probing.IsDenied(await client.GetPageAsync("/Import")), $"{who} was not refused /Import");
        var upload = await client.UploadAsync("contracts.csv", Encoding.UTF8.GetBytes(GoodCsv));
        Assert.True(Probing.IsDenied(upload) || upload.Status == HttpStatusCode.BadRequest, $"{who}'s upload: {Probing.Describe(upload)}");
    }

    [Fact]
    public async Task Someone_not_signed_in_is_sent_to_sign_in()
    {
        Assert.True(Probing.IsSentToSignIn(await factory.NewClient().GetPageAsync("/Import")));
    }

    [Theory]
    [InlineData(Commissioner)]
    [InlineData(Administrator)]
    public async Task A_readable_file_is_kept_and_leads_to_the_mapping(string who)
    {
        var client = await factory.SignedInClientAsync(who);
        var upload = await client.UploadAsync("contracts.csv", Encoding.UTF8.GetBytes(GoodCsv));
        var id = ImportClient.UploadId(upload);
        var mapping = await client.GetPageAsync($"/Import/Mapping/{id}");
        Assert.Equal(HttpStatusCode.OK, mapping.Status);
        Assert.Contains("contracts.csv", mapping.Text);
        // Proposed from the headings: the register's own names map themselves.
        Assert.Equal(nameof(ImportField.Reference), Selected(mapping, "Input-Columns-0-Field"));
        Assert.Equal(nameof(ImportField.AnnualValue), Selected(mapping, "Input-Columns-7-Field"));
    }

    /// <summary>The reading part's bad sample files that cannot be read at all, and two more made here.</summary>
    public static TheoryData<string, byte[]> Unreadable => new()
    {
        { "empty.csv", ImportClient.Sample("empty.csv") },
        { "no-header.csv", ImportClient.Sample("no-header.csv") },
        { "invalid-utf8.csv", ImportClient.Sample("invalid-utf8.csv") },
        { "not-really.xlsx", ImportClient.Sample("not-really.xlsx") },
        { "zip-bomb.xlsx", ImportClient.Sample("zip-bomb.xlsx") },
        { "bomb-made-here.xlsx", ZipBomb() },
        { "contracts.pdf", Encoding.ASCII.GetBytes("%PDF-1.7 not a spreadsheet") },
    };

    [SqliteOnlyTheory("counts the writes with SQLite's PRAGMA data_version")]
    [MemberData(nameof(Unreadable))]
    public async Task A_file_the_reader_refuses_is_said_next_to_the_field_and_nothing_is_kept(string name, byte[] content)
    {
        var expected = ImportFileReader.Read(new MemoryStream(content), name, new ImportReadOptions(), ImportLimits.Default);
        Assert.True(expected.IsRefused, $"{name} was expected to be refused by the reader");
        var client = await factory.SignedInClientAsync(Commissioner);
        await client.GetPageAsync("/Import");
        using var database = DatabaseWatch.Start(factory);

        var page = await client.UploadAsync(name, content);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal(expected.Refusal, page.FieldError("File"));
        Assert.Equal([expected.Refusal!], page.ErrorSummary);
        Assert.Equal(["File"], page.ErrorSummaryTargets);
        Assert.False(database.Changed(out var tables), $"Refusing {name} wrote to {tables}");
    }

    [SqliteOnlyFact("counts the writes with SQLite's PRAGMA data_version")]
    public async Task No_file_chosen_is_asked_for()
    {
        var client = await factory.SignedInClientAsync(Commissioner);
        await client.GetPageAsync("/Import");
        using var database = DatabaseWatch.Start(factory);
        var page = await client.UploadNothingAsync();
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("Select a spreadsheet file (.csv or .xlsx)", page.FieldError("File"));
        Assert.False(database.Changed(out var tables), $"wrote to {tables}");
    }

    /// <summary>Kestrel refuses a request over about 30 MB by itself; the page takes up to 64 MB so that the person is told why.</summary>
    [SqliteOnlyTheory("counts the writes with SQLite's PRAGMA data_version")]
    [InlineData(50 * 1024 * 1024, "50 MB")]
    [InlineData(10 * 1024 * 1024 + 1, "10 MB")]
    public async Task A_file_over_10_MB_is_refused_with_its_size(int bytes, string said)
    {
        var content = new byte[bytes];
        Encoding.ASCII.GetBytes("Reference,Title\r\n").CopyTo(content, 0);
        Array.Fill(content, (byte)'a', 17, bytes - 17);
        var client = await factory.SignedInClientAsync(Commissioner);
        await client.GetPageAsync("/Import");
        using var database = DatabaseWatch.Start(factory);

        var page = await client.UploadAsync("huge.csv", content);

        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.StartsWith($"The file is {said}", page.FieldError("File"));
        Assert.Contains("the largest file that can be imported is 10 MB", page.FieldError("File"));
        Assert.False(database.Changed(out var tables), $"wrote to {tables}");
    }

    [Fact]
    public async Task A_file_of_exactly_10_MB_is_not_refused_for_its_size()
    {
        var header = "Reference,Title\r\n";
        var row = "R1,Title\r\n";
        var text = new StringBuilder(header);
        while (text.Length + row.Length <= 10 * 1024 * 1024) text.Append(row);
        var content = Encoding.ASCII.GetBytes(text.ToString().PadRight(10 * 1024 * 1024, ' '));
        Assert.Equal(10 * 1024 * 1024, content.Length);
        var client = await factory.SignedInClientAsync(Commissioner);
        var page = await client.UploadAsync("ten.csv", content);
        // The reader may refuse it for its rows (over 20,000): never for its size.
        Assert.DoesNotContain("largest file", page.FieldError("File") ?? "");
    }

    [Fact]
    public async Task An_upload_is_seen_only_by_whoever_uploaded_it()
    {
        var owner = await factory.SignedInClientAsync(Commissioner);
        var id = ImportClient.UploadId(await owner.UploadAsync("contracts.csv", Encoding.UTF8.GetBytes(GoodCsv)));
        var other = await factory.SignedInClientAsync(Administrator);

        Assert.Equal(HttpStatusCode.OK, (await owner.GetPageAsync($"/Import/Mapping/{id}")).Status);
        foreach (var url in new[] { $"/Import/Mapping/{id}", $"/Import/DryRun/{id}", $"/Import/DryRun/{id}?handler=Report", $"/Import/Done/{id}" })
            Assert.True((await other.GetPageAsync(url)).Status == HttpStatusCode.NotFound, $"{url} was not hidden from another user");
        var post = await other.PostFormAsync($"/Import/Mapping/{id}", new FormFields { { "Input.Columns[0].Field", "Reference" } }, tokenFrom: "/Import");
        Assert.Equal(HttpStatusCode.NotFound, post.Status);
    }

    private static string? Selected(HtmlPage page, string id) =>
        page.Document.QuerySelector($"#{id} option[selected]")?.GetAttribute("value");

    /// <summary>A workbook whose sheet is 200 MB of spaces, compressed to a few hundred KB.</summary>
    private static byte[] ZipBomb()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var sheet = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var spaces = new byte[1024 * 1024];
            Array.Fill(spaces, (byte)' ');
            for (var i = 0; i < 200; i++) sheet.Write(spaces);
        }
        return buffer.ToArray();
    }
}
