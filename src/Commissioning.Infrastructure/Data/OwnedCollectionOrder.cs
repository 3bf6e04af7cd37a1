using Commissioning.Domain.Governance;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Commissioning.Infrastructure.Data;

/// <summary>
/// Puts an agenda and a route back in their 1-based order as they load. EF reads owned rows in
/// key order, and an item moved on the agenda (or a step rescheduled) keeps its id, so the rows
/// alone would come back in the order they were first added.
/// </summary>
internal static class OwnedCollectionOrder
{
    public static void Restore(object? sender, EntityTrackedEventArgs e)
    {
        if (!e.FromQuery || sender is not ChangeTracker tracker) return;
        switch (e.Entry.Entity)
        {
            case AgendaItem:
                Sort<Meeting, AgendaItem>(tracker, e.Entry, m => m.Agenda, i => i.Position);
                break;
            case RouteStep:
                Sort<ContractDecision, RouteStep>(tracker, e.Entry, d => d.Steps, s => s.Position);
                break;
        }
    }

    // Called once per row; the owner's rows arrive together, so the list is sorted once it is whole.
    private static void Sort<TOwner, TPart>(ChangeTracker tracker, EntityEntry part, Func<TOwner, IReadOnlyList<TPart>> parts, Func<TPart, int> position)
        where TOwner : class
    {
        var ownership = part.Metadata.FindOwnership()!;
        var ownerId = part.Property(ownership.Properties[0].Name).CurrentValue;
        // The owner's row comes first in the same query, so Find answers from the change tracker.
        var owner = tracker.Context.Find<TOwner>(ownerId);
        if (owner is not null && parts(owner) is List<TPart> list)
            list.Sort((a, b) => position(a).CompareTo(position(b)));
    }
}
