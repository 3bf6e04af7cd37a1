using Commissioning.Infrastructure.Import;

namespace Commissioning.Web.Pages.Import;

/// <summary>"Import complete": what the commit did, with links to the register and the contracts it made.</summary>
[Authorize(Policy = Policies.EditRegister)]
public sealed class DoneModel(ImportUploads uploads, CommissioningDbContext db) : PageModel
{
    public ImportUploadView Upload { get; private set; } = null!;
    /// <summary>Created, updated, unchanged; null when the page is visited again later (the counts are said once).</summary>
    public (int Created, int Updated, int Unchanged)? Counts { get; private set; }
    /// <summary>The contracts the file names that are now in the register, for links to them.</summary>
    public IReadOnlyList<(int Id, string Reference, string Title)> Contracts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await uploads.FindAsync(id, User.AsActor().UserId, ct) is not { } upload) return NotFound();
        if (upload.CommittedBatchId is null) return RedirectToPage("DryRun", new { id });
        Upload = upload;
        if (TempData["ImportResult"] is string counts && counts.Split('|') is [var c, var u, var n])
            Counts = (int.Parse(c, System.Globalization.CultureInfo.InvariantCulture), int.Parse(u, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(n, System.Globalization.CultureInfo.InvariantCulture));
        if (TempData["ImportCreated"] is string created && created.Length > 0)
        {
            var references = created.Split('\n');
            Contracts = (await db.Contracts.AsNoTracking().Where(k => references.Contains(k.Reference)).OrderBy(k => k.Reference)
                .Select(k => new { k.Id, k.Reference, k.Title }).ToListAsync(ct)).Select(k => (k.Id, k.Reference, k.Title)).ToList();
        }
        return Page();
    }
}
