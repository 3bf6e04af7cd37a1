using Commissioning.Domain.Governance;
using Commissioning.Web.Pdf;

namespace Commissioning.Web.Pages.CoverSheets;

/// <summary>
/// One version of a cover sheet as printed: the HTML preview, and the same markup as a PDF.
/// Issued versions are for everyone signed in; drafts only for those who edit them.
/// </summary>
public sealed class VersionModel(CommissioningDbContext db, IAuthorizationService authorization, IConfiguration configuration, PdfPrinter printer) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty(SupportsGet = true)] public int Number { get; set; }

    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) switch
        {
            { Result: { } refused } => refused,
            { Document: { } doc } => Partial(PrintDocument.ViewPath, doc),
            _ => NotFound(),
        };

    public async Task<IActionResult> OnGetPdfAsync(CancellationToken ct)
    {
        var (doc, refused, version) = await LoadAsync(ct);
        if (refused is not null) return refused;
        var name = $"cover-sheet-{version!.MeetingDate:yyyy-MM-dd}{(version.ItemNumber is { } n ? $"-item-{n}" : "")}-v{version.Number}{(version.IsIssued ? "" : "-draft")}.pdf";
        return await printer.PrintAsync(this, PrintDocument.ViewPath, doc!, name, p => Problem = p, ct);
    }

    private async Task<(PrintDocument? Document, IActionResult? Result, CoverSheetVersion? Version)> LoadAsync(CancellationToken ct)
    {
        var sheet = await db.CoverSheets.AsNoTracking().FirstOrDefaultAsync(s => s.Id == Id, ct);
        var version = sheet?.Versions.FirstOrDefault(v => v.Number == Number);
        if (version is null) return (null, NotFound(), null);
        if (!version.IsIssued && !(await authorization.AuthorizeAsync(User, Policies.EditGovernance)).Succeeded)
            return (null, Forbid(), null);
        var doc = new PrintDocument(PrintDocument.TitleOf(version), configuration["Council:Name"] ?? "Council", [new PrintSheet(version)]);
        return (doc, null, version);
    }
}
