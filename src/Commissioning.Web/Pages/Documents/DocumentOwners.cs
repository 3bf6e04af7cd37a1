using Commissioning.Infrastructure.Documents;
using Commissioning.Web.Pages.Contracts.Lifecycle;

namespace Commissioning.Web.Pages.Documents;

/// <summary>
/// What a document is attached to, as the documents pages show it: its name, the page it is on, and who may attach to
/// it. Seeing a document follows seeing its owner (every signed-in person may see contracts, events, decisions and
/// agendas); attaching and deleting follow editing it: the register's for contracts and their events, governance's
/// for decisions and agenda items.
/// </summary>
public sealed class DocumentOwners(CommissioningDbContext db)
{
    /// <param name="Name">"SC-2021-0001 Day opportunities", "Item 17 – Form and Function": what it is, for a heading.</param>
    /// <param name="Path">The owner's page.</param>
    /// <param name="Anchor">The id of its documents on that page, where a change to them is confirmed.</param>
    public sealed record OwnerPage(DocumentOwner Owner, string Name, string Path, string Anchor)
    {
        public string Page => $"{Path}#{Anchor}";
    }

    public static string EditPolicy(DocumentOwnerKind kind) => kind switch
    {
        DocumentOwnerKind.Contract or DocumentOwnerKind.ContractEvent => Policies.EditRegister,
        _ => Policies.EditGovernance,
    };

    /// <summary>The owner by the route's kind ("Contract", "AgendaItem") and id, or null when there is no such thing.</summary>
    public Task<OwnerPage?> FindAsync(string? kind, int id, CancellationToken ct) =>
        Enum.TryParse<DocumentOwnerKind>(kind, ignoreCase: true, out var k) && Enum.IsDefined(k)
            ? FindAsync(new DocumentOwner(k, id), ct)
            : Task.FromResult<OwnerPage?>(null);

    public async Task<OwnerPage?> FindAsync(DocumentOwner owner, CancellationToken ct)
    {
        switch (owner.Kind)
        {
            case DocumentOwnerKind.Contract:
                var contract = await db.Contracts.AsNoTracking().Where(c => c.Id == owner.Id)
                    .Select(c => new { c.Reference, c.Title }).FirstOrDefaultAsync(ct);
                return contract is null ? null : new(owner, $"{contract.Reference} {contract.Title}", $"/Contracts/Details/{owner.Id}", Anchor(owner));
            case DocumentOwnerKind.ContractEvent:
                var e = await db.ContractEvents.AsNoTracking().FirstOrDefaultAsync(x => x.Id == owner.Id, ct);
                if (e is null) return null;
                var reference = await db.Contracts.Where(c => c.Id == e.ContractId).Select(c => c.Reference).FirstAsync(ct);
                return new(owner, $"{LifecycleLabels.Of(e.Kind)} of {reference} on {Dates.Long(e.EventDate)}", $"/Contracts/Details/{e.ContractId}", Anchor(owner));
            case DocumentOwnerKind.ContractDecision:
                var title = await db.ContractDecisions.AsNoTracking().Where(d => d.Id == owner.Id).Select(d => d.Title).FirstOrDefaultAsync(ct);
                return title is null ? null : new(owner, title, $"/Governance/Decisions/{owner.Id}", Anchor(owner));
            case DocumentOwnerKind.AgendaItem:
                var meeting = await db.Meetings.AsNoTracking().FirstOrDefaultAsync(m => m.Agenda.Any(i => i.Id == owner.Id), ct);
                var item = meeting?.Agenda.First(i => i.Id == owner.Id);
                return meeting is null || item is null ? null
                    : new(owner, $"{ItemName(item.Number, item.Title)} ({meeting.Title}, {Dates.Long(meeting.Date)})", $"/Governance/Meetings/{meeting.Id}", Anchor(owner));
            default:
                return null;
        }
    }

    /// <summary>"Item 17 – Form and Function", as the agenda pack's bookmarks name an item.</summary>
    public static string ItemName(string? number, string title) => number is null ? title : $"Item {number} \u2013 {title}";

    /// <summary>The id of an owner's documents on its page: "documents" where they are a section of their own, else per event or item.</summary>
    public static string Anchor(DocumentOwner owner) => owner.Kind switch
    {
        DocumentOwnerKind.ContractEvent => $"event-{owner.Id}-documents",
        DocumentOwnerKind.AgendaItem => $"item-{owner.Id}-documents",
        _ => "documents",
    };
}
