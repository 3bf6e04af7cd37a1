using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Commissioning.Infrastructure.Data;

/// <summary>
/// Refuses a save holding a text longer than its column's maximum length. SQLite stores any length, so
/// without this the tests would pass what SQL Server's nvarchar(n) refuses (decision 0022).
/// </summary>
public static class LengthGuard
{
    /// <summary>Checks the added rows and the changed columns of modified rows; unchanged values are left as they were read.</summary>
    public static void Check(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified)) continue;
            foreach (var property in entry.Properties)
            {
                if (property.Metadata.GetMaxLength() is not { } max) continue;
                if (entry.State == EntityState.Modified && !property.IsModified) continue;
                var value = property.CurrentValue;
                // An enum stored by name is limited too; what counts is the text that goes to the column.
                if (value is not null and not string && (property.Metadata.GetValueConverter() ?? property.Metadata.FindTypeMapping()?.Converter) is { } converter)
                    value = converter.ConvertToProvider(value);
                if (value is string text && text.Length > max)
                    throw new TextTooLongException(property.Metadata.DeclaringType.ClrType.Name, property.Metadata.Name, max, text.Length);
            }
        }
    }
}
