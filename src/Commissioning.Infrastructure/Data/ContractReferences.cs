using System.Globalization;

namespace Commissioning.Infrastructure.Data;

/// <summary>References read SC-2021-0001: the start year, then a number within that year.</summary>
public static class ContractReferences
{
    public static async Task<string> NextAsync(CommissioningDbContext db, int year, CancellationToken cancellationToken = default)
    {
        var prefix = $"SC-{year}-";
        var taken = await db.Contracts.Where(c => c.Reference.StartsWith(prefix)).Select(c => c.Reference).ToListAsync(cancellationToken);
        var highest = taken
            .Select(r => int.TryParse(r.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0).Max();
        return $"{prefix}{highest + 1:0000}";
    }
}
