using Commissioning.Infrastructure.Documents;
using Commissioning.Infrastructure.Identity;
using Commissioning.Web.Pages.Documents;

namespace Commissioning.Web.ViewComponents;

/// <summary>
/// The documents attached to one thing, for its page: a "Documents" section of its own (a contract, a decision), or a
/// compact list inside an event of the contract's history or an agenda item. Editors of the owner get "Attach a
/// document" and "Delete"; administrators also see deleted documents, marked with who deleted them and when.
/// </summary>
public sealed class DocumentsViewComponent(DocumentStore store, IAuthorizationService authorization) : ViewComponent
{
    /// <param name="Label">What the owner is, for the links' hidden text where there are several on a page ("item 17").</param>
    public sealed record Model(DocumentOwner Owner, IReadOnlyList<Document> Documents, bool CanEdit, string Anchor, string? Label);

    /// <param name="compact">A list inside an event or an agenda item, rather than a section with its own heading.</param>
    public async Task<IViewComponentResult> InvokeAsync(DocumentOwner owner, bool compact = false, string? label = null)
    {
        var user = UserClaimsPrincipal;
        var documents = await store.ListDocumentsAsync(owner, includeDeleted: user.IsInRole(Roles.Administrator), HttpContext.RequestAborted);
        var canEdit = (await authorization.AuthorizeAsync(user, DocumentOwners.EditPolicy(owner.Kind))).Succeeded;
        return View(compact ? "Compact" : "Default", new Model(owner, documents, canEdit, DocumentOwners.Anchor(owner), label));
    }
}
