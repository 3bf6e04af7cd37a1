using Commissioning.Infrastructure.Documents;

namespace Commissioning.Web.Pages.Documents;

/// <summary>
/// "Attach a document" to a contract, a lifecycle event, a decision or an agenda item. The file is checked by
/// <see cref="DocumentStore"/> (its size, its type from its content, its name); a refused file is said next to the
/// field and nothing is stored. Who may attach follows who may edit the owner (<see cref="DocumentOwners.EditPolicy"/>).
/// </summary>
[DocumentUploadLimits]
public sealed class UploadModel(DocumentStore store, DocumentOwners owners, IAuthorizationService authorization) : PageModel
{
    public const string FileField = "File";

    public DocumentOwners.OwnerPage Owner { get; private set; } = null!;
    public int MaxMegabytes => store.MaxMegabytes;

    public async Task<IActionResult> OnGetAsync(string kind, int id, bool tooLarge, CancellationToken ct)
    {
        if (await LoadAsync(kind, id, ct) is { } refused) return refused;
        if (tooLarge) ModelState.AddModelError(FileField, TooLarge);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string kind, int id, [FromForm(Name = FileField)] IFormFile? file, CancellationToken ct)
    {
        if (await LoadAsync(kind, id, ct) is { } refused) return refused;
        if (file is null || file.Length == 0 && string.IsNullOrEmpty(file.FileName))
            return Refuse("Select a file to attach");
        // Known from the request already: no need to read a byte of it.
        if (file.Length > store.MaxBytes) return Refuse(TooLarge);
        int documentId;
        try
        {
            await using var content = file.OpenReadStream();
            documentId = await store.AddAsync(Owner.Owner, file.FileName, content, User.AsActor(), ct);
        }
        catch (DocumentRefusedException e)
        {
            return Refuse(e.Message);
        }
        var stored = await store.FindAsync(documentId, ct);
        TempData[SuccessBanner.KeyFor(Owner.Anchor)] = $"{stored!.FileName} attached";
        return Redirect(Owner.Page);
    }

    private string TooLarge => $"The selected file must be {store.MaxMegabytes} MB or smaller";

    private async Task<IActionResult?> LoadAsync(string kind, int id, CancellationToken ct)
    {
        if (await owners.FindAsync(kind, id, ct) is not { } owner) return NotFound();
        Owner = owner;
        if (!(await authorization.AuthorizeAsync(User, DocumentOwners.EditPolicy(owner.Owner.Kind))).Succeeded) return Forbid();
        return null;
    }

    private PageResult Refuse(string message)
    {
        ModelState.AddModelError(FileField, message);
        return Page();
    }
}
