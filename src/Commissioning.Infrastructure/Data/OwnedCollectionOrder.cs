using System.Collections;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Governance;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Commissioning.Infrastructure.Data;

/// <summary>
/// Puts every owned list back in its own order as it loads. EF orders a query by the owner only, so owned rows come in
/// whatever order the database reads them (SQL Server's plan decides; SQLite follows an index or the key). And the key
/// is not always the order that means something: an agenda item moved (or a route step rescheduled) keeps its id, and
/// an exercised extension option is stored as a new row. Decision 0022.
/// </summary>
internal static class OwnedCollectionOrder
{
    /// <summary>The property each owned list is in order of; a list not named here keeps the order it was entered in (its key).</summary>
    public static readonly IReadOnlyDictionary<Type, string> Keys = new Dictionary<Type, string>
    {
        [typeof(AgendaItem)] = nameof(AgendaItem.Position),
        [typeof(RouteStep)] = nameof(RouteStep.Position),
        [typeof(CoverSheetVersion)] = nameof(CoverSheetVersion.Number),
        [typeof(ExtensionOption)] = nameof(ExtensionOption.Sequence),
    };

    public static void Restore(object? sender, EntityTrackedEventArgs e)
    {
        if (!e.FromQuery || sender is not ChangeTracker tracker) return;
        var ownership = e.Entry.Metadata.FindOwnership();
        if (ownership?.PrincipalToDependent is not { IsCollection: true } navigation) return;

        var ownerKey = ownership.Properties.Select(p => e.Entry.Property(p.Name).CurrentValue).ToArray();
        // The owner's row comes first in the same query, so Find answers from the change tracker.
        var owner = tracker.Context.Find(ownership.PrincipalEntityType.ClrType, ownerKey);
        if (owner is null || navigation.GetGetter().GetClrValue(owner) is not IList list) return;

        // Called once per row; the owner's rows arrive together, so the list is sorted once it is whole.
        var key = Keys.TryGetValue(e.Entry.Metadata.ClrType, out var name) ? name : e.Entry.Metadata.FindPrimaryKey()!.Properties[0].Name;
        var sorted = list.Cast<object>().OrderBy(item => tracker.Context.Entry(item).Property(key).CurrentValue).ToList();
        for (var i = 0; i < sorted.Count; i++) list[i] = sorted[i];
    }
}
