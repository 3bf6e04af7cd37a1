using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Finance;
using Commissioning.Infrastructure.Data;
using Commissioning.Infrastructure.Identity;

namespace Commissioning.Infrastructure.Import;

/// <summary>
/// What a dry run reads from the register, in a handful of queries however long the file: the contracts the file
/// names (with their parts), their agreed values by year and what past imports wrote to them, every provider,
/// directorate and commissioner, and the register's version (read first, so a change landing during the reads
/// shows as a newer version at the commit).
/// </summary>
internal sealed class RegisterSnapshot
{
    public required RegisterVersion Version { get; init; }
    public required IReadOnlyDictionary<string, Contract> Contracts { get; init; }
    public required IReadOnlyDictionary<int, Dictionary<int, Money>> Agreed { get; init; }
    public required IReadOnlyDictionary<int, Dictionary<string, string?>> Imported { get; init; }
    public required IReadOnlyList<KnownProvider> Providers { get; init; }
    public required IReadOnlyDictionary<int, (string Name, bool Retired)> Directorates { get; init; }
    public required IReadOnlyDictionary<string, string> CommissionersByName { get; init; }
    public required IReadOnlyDictionary<string, string> People { get; init; }

    public static async Task<RegisterSnapshot> LoadAsync(CommissioningDbContext db, IReadOnlyCollection<string> references, CancellationToken ct)
    {
        var version = await RegisterVersion.ReadAsync(db, ct);
        var refs = references.Distinct().ToList();
        // EF.Parameter: the list goes as one JSON parameter (SQLite json_each, SQL Server OPENJSON). Left to EF Core 10's
        // default, 10,000 references become 10,000 parameters, and the query took minutes to prepare.
        var contracts = await db.Contracts.AsNoTracking().AsSplitQuery().Where(c => EF.Parameter(refs).Contains(c.Reference)).ToListAsync(ct);
        var ids = contracts.Select(c => c.Id).ToList();
        var agreed = (await db.AnnualValueReviews.AsNoTracking()
                .Where(r => r.Status == ReviewStatus.Agreed && EF.Parameter(ids).Contains(r.ContractId))
                .Select(r => new { r.ContractId, r.FinancialYearStart, r.AnnualPence }).ToListAsync(ct))
            .GroupBy(r => r.ContractId)
            .ToDictionary(g => g.Key, g => g.ToDictionary(r => r.FinancialYearStart, r => Money.FromPence(r.AnnualPence)));
        var imported = (await db.Set<ImportedValue>().AsNoTracking().Where(v => EF.Parameter(ids).Contains(v.ContractId))
                .Select(v => new { v.ContractId, v.Field, v.Value }).ToListAsync(ct))
            .GroupBy(v => v.ContractId)
            .ToDictionary(g => g.Key, g => g.ToDictionary(v => v.Field, v => v.Value));
        var providers = await db.Providers.AsNoTracking().Select(p => new KnownProvider(p.Id, p.Name, p.RegistrationNumber)).ToListAsync(ct);
        var directorates = await db.Directorates.AsNoTracking().Select(d => new { d.Id, d.Name, d.RetiredAtUtc }).ToListAsync(ct);
        var commissionerIds = await db.UserRoles
            .Join(db.Roles.Where(r => r.Name == Roles.Commissioner), ur => ur.RoleId, r => r.Id, (ur, r) => ur.UserId).ToListAsync(ct);
        var people = await Identity.People.NamesAsync(db, ct);
        var byName = new Dictionary<string, string>();
        foreach (var id in commissionerIds.Order(StringComparer.Ordinal))
            if (people.TryGetValue(id, out var name)) byName.TryAdd(ImportLabels.Key(name), id);

        return new RegisterSnapshot
        {
            Version = version,
            Contracts = contracts.ToDictionary(c => c.Reference),
            Agreed = agreed,
            Imported = imported,
            Providers = providers,
            Directorates = directorates.ToDictionary(d => d.Id, d => (d.Name, d.RetiredAtUtc is not null)),
            CommissionersByName = byName,
            People = people,
        };
    }

    public IReadOnlyDictionary<int, Money> AgreedFor(int contractId) =>
        Agreed.TryGetValue(contractId, out var years) ? years : new Dictionary<int, Money>();

    public int? DirectorateNamed(string name)
    {
        var key = ImportLabels.Key(name);
        return Directorates.Where(d => ImportLabels.Key(d.Value.Name) == key).OrderBy(d => d.Value.Retired).Select(d => (int?)d.Key).FirstOrDefault();
    }
}
