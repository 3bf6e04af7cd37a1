using Commissioning.Infrastructure.Documents;

namespace Commissioning.Web.Pages.Documents;

/// <summary>
/// "Delete" a document, after a confirmation. Nothing is removed: the document is marked deleted, gone for everyone
/// but administrators, who still see and can download it with who deleted it and when. The deletion is audited.
/// </summary>
public sealed class DeleteModel(DocumentStore store, DocumentOwners owners, IAuthorizationService authorization) : PageModel
{
    public Document Document { get; private set; } = null!;
    public DocumentOwners.OwnerPage Owner { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refused) return refused;
        await store.DeleteAsync(id, User.AsActor(), ct);
        TempData[SuccessBanner.KeyFor(Owner.Anchor)] = $"{Document.FileName} deleted";
        return Redirect(Owner.Page);
    }

    /// <summary>A deleted document (or one whose owner is gone) is not there to delete.</summary>
    private async Task<IActionResult?> LoadAsync(int id, CancellationToken ct)
    {
        if (await store.FindAsync(id, ct) is not { IsDeleted: false } document) return NotFound();
        if (await owners.FindAsync(document.Owner, ct) is not { } owner) return NotFound();
        (Document, Owner) = (document, owner);
        if (!(await authorization.AuthorizeAsync(User, DocumentOwners.EditPolicy(document.OwnerKind))).Succeeded) return Forbid();
        return null;
    }
}
