using Commissioning.Domain.Contracts;

namespace Commissioning.Web.Pages.Admin.Directorates;

/// <summary>
/// Rename a directorate (every contract that names it shows the new name, since contracts hold the directorate, not
/// its name), or retire it (no longer offered on the contract form; contracts, filters and reports keep it) and
/// reinstate it. Nothing here deletes one.
/// </summary>
[Authorize(Policy = Policies.ManageDirectorates)]
public sealed class EditModel(CommissioningDbContext db, IClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public DirectorateForm Input { get; set; } = new();

    public string Name { get; private set; } = "";
    public bool Retired { get; private set; }
    public int Contracts { get; private set; }
    public Conflict? Clash { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(tracked: false, ct) is not { } directorate) return NotFound();
        Input = new DirectorateForm { Name = directorate.Name, Version = directorate.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(tracked: true, ct) is not { } directorate) return NotFound();
        if (directorate.Version != Input.Version) return ShowConflict(directorate);
        new DirectorateForm.Validator().Validate(Input).AddTo(this);
        if (!ModelState.IsValid || !await Input.CheckNameIsFreeAsync(db, this, Id, ct)) return Page();

        directorate.Rename(Input.Name!);
        try
        {
            if ((await db.SaveVersionedAsync(directorate, Input.Version, ct)).IsStale)
                return await LoadAsync(tracked: false, ct) is { } current ? ShowConflict(current) : NotFound();
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            db.ChangeTracker.Clear();
            DirectorateForm.AddNameTaken(this, Input.Name!.Trim());
            return Page();
        }
        TempData["Success"] = $"{directorate.Name} saved";
        return RedirectToPage("Index");
    }

    public async Task<IActionResult> OnPostRetireAsync(CancellationToken ct) =>
        await SetRetiredAsync(d => d.Retire(clock.UtcNow), "retired: it is no longer offered for contracts", ct);

    public async Task<IActionResult> OnPostReinstateAsync(CancellationToken ct) =>
        await SetRetiredAsync(d => d.Reinstate(), "reinstated: contracts can be given it again", ct);

    private async Task<IActionResult> SetRetiredAsync(Action<Directorate> change, string done, CancellationToken ct)
    {
        if (await LoadAsync(tracked: true, ct) is not { } directorate) return NotFound();
        change(directorate);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = $"{directorate.Name} {done}";
        return RedirectToPage("Index");
    }

    private async Task<Directorate?> LoadAsync(bool tracked, CancellationToken ct)
    {
        var query = tracked ? db.Directorates : db.Directorates.AsNoTracking();
        var directorate = await query.FirstOrDefaultAsync(d => d.Id == Id, ct);
        if (directorate is null) return null;
        (Name, Retired) = (directorate.Name, directorate.IsRetired);
        Contracts = await db.Contracts.CountAsync(c => c.DirectorateId == Id, ct);
        return directorate;
    }

    private PageResult ShowConflict(Directorate current)
    {
        Clash = Conflict.Report(this, "directorate", current, Input, new DirectorateForm { Name = current.Name }, [("Name", f => f.Name?.Trim())]);
        return Page();
    }
}
