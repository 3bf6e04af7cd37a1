using Commissioning.Infrastructure.Import;

namespace Commissioning.Web.Pages.Import;

/// <summary>"Import complete": what the commit did, with links to the register and to the contracts it made or changed.</summary>
[Authorize(Policy = Policies.EditRegister)]
public sealed class DoneModel(ImportUploads uploads, CommissioningDbContext db) : PageModel
{
    public const int Listed = 100;

    public ImportBatch Batch { get; private set; } = null!;
    /// <summary>The contracts the import created or changed (the first <see cref="Listed"/>, by reference).</summary>
    public IReadOnlyList<(int Id, string Reference, string Title)> Contracts { get; private set; } = [];
    public int ContractCount { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (await uploads.FindAsync(id, User.AsActor().UserId, ct) is not { } upload) return NotFound();
        if (upload.CommittedBatchId is not { } batchId) return RedirectToPage("DryRun", new { id });
        Batch = await db.Set<ImportBatch>().AsNoTracking().SingleAsync(b => b.Id == batchId, ct);
        var touched = db.Set<ImportedValue>().Where(v => v.BatchId == batchId).Select(v => v.ContractId).Distinct();
        var contracts = db.Contracts.AsNoTracking().Where(c => touched.Contains(c.Id));
        ContractCount = await contracts.CountAsync(ct);
        Contracts = (await contracts.OrderBy(c => c.Reference).Take(Listed).Select(c => new { c.Id, c.Reference, c.Title }).ToListAsync(ct))
            .Select(c => (c.Id, c.Reference, c.Title)).ToList();
        return Page();
    }
}
