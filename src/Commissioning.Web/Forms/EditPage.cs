namespace Commissioning.Web.Forms;

/// <summary>
/// A form that edits one aggregate over the version it was opened on (decision 0015). It reads the
/// aggregate into the form; on save it checks the version, lets the page validate and apply the form,
/// and saves through <see cref="VersionedSave.SaveVersionedAsync{T}"/>. When someone else saved in
/// between, nothing is saved and the page shows both versions (<see cref="Conflict.Report{T}"/>).
/// </summary>
public abstract class EditPage<T, TForm>(CommissioningDbContext db) : PageModel
    where T : AuditedAggregate
    where TForm : class, IVersionedForm, new()
{
    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    [BindProperty] public TForm Input { get; set; } = new();

    /// <summary>The aggregate's name as stored, for the heading.</summary>
    public string Name { get; protected set; } = "";
    public Conflict? Clash { get; private set; }

    protected CommissioningDbContext Db => db;

    /// <summary>What the page edits, as the conflict message words it ("decision").</summary>
    protected abstract string Noun { get; }

    /// <summary>The form filled from the aggregate as stored.</summary>
    protected abstract TForm FormOf(T aggregate);

    /// <summary>The fields a conflict compares, as the form labels them.</summary>
    protected abstract IEnumerable<(string Field, Func<TForm, string?> Read)> Compared { get; }

    /// <summary>Sets what the page shows about the aggregate besides the form (at least <see cref="Name"/>).</summary>
    protected abstract Task ShowAsync(T aggregate, CancellationToken ct);

    /// <summary>Validates the form and applies it to the tracked aggregate; false, with messages added, if it cannot be saved.</summary>
    protected abstract Task<bool> ApplyAsync(T aggregate, CancellationToken ct);

    /// <summary>Where a saved form goes, with its success message.</summary>
    protected abstract IActionResult Saved(T aggregate);

    /// <summary>Whether this person may save (pages that anyone may read check on the handler).</summary>
    protected virtual Task<bool> MaySaveAsync() => Task.FromResult(true);

    /// <summary>Words a unique index's refusal (the only database refusal offered here, see UniqueViolation); false to let it propagate.</summary>
    protected virtual bool Explain(DbUpdateException e) => false;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var aggregate = await db.Set<T>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == Id, ct);
        if (aggregate is null) return NotFound();
        await ShowAsync(aggregate, ct);
        Input = FormOf(aggregate);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await MaySaveAsync()) return Forbid();
        var aggregate = await db.Set<T>().FirstOrDefaultAsync(a => a.Id == Id, ct);
        if (aggregate is null) return NotFound();
        await ShowAsync(aggregate, ct);
        // Checked before validating: a form that cannot be saved is not worth working through.
        if (aggregate.Version != Input.Version) return ShowConflict(aggregate);
        if (!await ApplyAsync(aggregate, ct))
        {
            db.ChangeTracker.Clear();
            return Page();
        }
        try
        {
            var saved = await db.SaveVersionedAsync(aggregate, Input.Version, ct);
            if (saved.IsStale) return saved.Current is { } current ? ShowConflict(current) : NotFound();
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation() && Explain(e))
        {
            db.ChangeTracker.Clear();
            return Page();
        }
        return Saved(aggregate);
    }

    private PageResult ShowConflict(T current)
    {
        Clash = Conflict.Report(this, Noun, current, Input, FormOf(current), Compared);
        return Page();
    }
}
