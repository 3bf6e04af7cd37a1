using Commissioning.Infrastructure.Import;

namespace Commissioning.Web.Pages.Import;

/// <summary>
/// "Import contracts", step 1: upload a .csv or .xlsx. A file the reader refuses is said next to the
/// field and nothing is kept; a file it reads is kept (for this user only) and the mapping comes next.
/// </summary>
/// <remarks>
/// The request may be larger than the 10 MB a file may be, so that a 50 MB file reaches this page and
/// gets its own message rather than the server's refusal of the whole request (413): Kestrel's own
/// limit is about 30 MB. Past <see cref="MaxRequestBytes"/> the server still refuses the request.
/// </remarks>
[Authorize(Policy = Policies.EditRegister)]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class IndexModel(ImportUploads uploads) : PageModel
{
    public const long MaxRequestBytes = 64L * 1024 * 1024;
    public const string FileField = "File";
    public const string EncodingField = "Encoding";

    [BindProperty] public ImportEncoding Encoding { get; set; } = ImportEncoding.Utf8;

    public static IEnumerable<(string Value, string Text, string? Hint)> Encodings =>
    [
        (nameof(ImportEncoding.Utf8), "UTF-8", "Most files: saved by Excel as \u201cCSV UTF-8\u201d, by LibreOffice or Google Sheets"),
        (nameof(ImportEncoding.Windows1252), "Windows-1252", "Older Excel CSV files (\u201cCSV (Comma delimited)\u201d), where £ may otherwise show as a strange character"),
    ];

    public void OnGet()
    {
        // A kept file that can no longer be read (see ImportedFile) comes back here with the reason.
        if (TempData["ImportProblem"] is string problem) ModelState.AddModelError(FileField, problem);
    }

    public async Task<IActionResult> OnPostAsync([FromForm(Name = FileField)] IFormFile? file, CancellationToken ct)
    {
        var limits = ImportLimits.Default;
        if (file is null || file.Length == 0 && string.IsNullOrEmpty(file.FileName))
            return Refuse("Select a spreadsheet file (.csv or .xlsx)");
        if (file.Length > limits.MaxBytes)
            return Refuse($"The file is {Megabytes(file.Length)}: the largest file that can be imported is {Megabytes(limits.MaxBytes)}. Split it into smaller files, or save it without unused sheets and columns");

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
            await stream.ReadExactlyAsync(content, ct);
        var options = new ImportReadOptions(Encoding);
        var read = ImportFileReader.Read(new MemoryStream(content, writable: false), file.FileName, options, limits);
        if (read.IsRefused) return Refuse(read.Refusal!);

        var id = await uploads.SaveAsync(Path.GetFileName(file.FileName), content, options, User.AsActor().UserId, ct);
        return RedirectToPage("Mapping", new { id });
    }

    private PageResult Refuse(string message)
    {
        ModelState.AddModelError(FileField, message);
        return Page();
    }

    /// <summary>"50 MB", "10 MB", "10.5 MB": what a person sees of a file's size.</summary>
    public static string Megabytes(long bytes) =>
        (bytes / (1024m * 1024m)).ToString(bytes % (1024 * 1024) == 0 ? "0" : "0.#", System.Globalization.CultureInfo.GetCultureInfo("en-GB")) + " MB";
}
