namespace Commissioning.Web.Forms;

/// <summary>
/// A page whose buttons each make one small change to one aggregate through its own methods (a
/// decision's route, a meeting's agenda). Every change is made over the version the page showed and
/// saved over it (decision 0015); a refusal shows the page again with the reason and nothing saved.
/// </summary>
public abstract class ChangesPage<T>(CommissioningDbContext db, IAuthorizationService authorization, string policy) : PageModel
    where T : AuditedAggregate
{
    protected CommissioningDbContext Db => db;
    protected IAuthorizationService Authorization => authorization;

    [BindProperty(SupportsGet = true)] public int Id { get; set; }
    /// <summary>The version of the aggregate the page showed.</summary>
    [BindProperty] public Guid? Version { get; set; }

    /// <summary>What the page changes and the section a change returns to, e.g. ("meeting", "agenda", Sections.Agenda).</summary>
    protected abstract (string Noun, string Part, string Section) Words { get; }

    /// <summary>Reads the rest of what the page shows about <paramref name="aggregate"/>.</summary>
    protected abstract Task LoadAsync(T aggregate, CancellationToken ct);

    /// <summary>The page as stored now, carrying the version it shows.</summary>
    protected async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        // Tracked on purpose: owned lists (a route's steps, an agenda) are put back in position order
        // only as tracked rows load (OwnedCollectionOrder).
        var aggregate = await db.Set<T>().FirstOrDefaultAsync(a => a.Id == Id, ct);
        if (aggregate is null) return NotFound();
        Version = aggregate.Version;
        await LoadAsync(aggregate, ct);
        return Page();
    }

    /// <summary>
    /// Applies <paramref name="change"/> (which says what it did) and saves. A broken rule's message goes
    /// next to the field <paramref name="errorKey"/> names for it; a part no longer there, next to
    /// the key <paramref name="gone"/> names, with its message.
    /// </summary>
    protected async Task<IActionResult> ChangeAsync(Func<IBusinessRule, string> errorKey, (string Key, string Message) gone,
        Func<T, string> change, CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, policy)).Succeeded) return Forbid();
        if (!ModelState.IsValid) return await ShowAsync(ct);
        var aggregate = await db.Set<T>().FirstOrDefaultAsync(a => a.Id == Id, ct);
        if (aggregate is null) return NotFound();
        var result = await db.ChangeVersionedAsync(aggregate, Version, change, ct);
        if (result.Outcome == ChangeOutcome.Saved)
        {
            TempData["Success"] = result.Done;
            return this.RedirectToSection(Request.Path, Words.Section);
        }
        var (key, message) = result.Outcome switch
        {
            ChangeOutcome.Refused => (errorKey(result.Refusal!.Rule), result.Refusal.Message),
            ChangeOutcome.PartGone => gone,
            _ => ("", $"This {Words.Noun} was changed by someone else after you opened it. Nothing has been saved: check the {Words.Part} and try again."),
        };
        ModelState.AddModelError(key, message);
        return await ShowAsync(ct);
    }
}
