using System.Security.Cryptography;
using System.Text;
using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Infrastructure.Data;

namespace Commissioning.Infrastructure.Import;

/// <summary>The dry run: reads the register and says what an import would do, writing nothing.</summary>
public sealed class ImportPlanner(CommissioningDbContext db)
{
    public async Task<ImportPlan> PlanAsync(ImportTable table, ImportSettings settings, CancellationToken ct) =>
        (await WorkAsync(db, table, settings, ct)).Plan;

    /// <summary>The plan with what the commit needs besides: each row's contract shape and the register it was made against.</summary>
    internal static async Task<PlanWork> WorkAsync(CommissioningDbContext db, ImportTable table, ImportSettings settings, CancellationToken ct)
    {
        var files = table.Rows.Select(r => ImportRowReader.Read(r, settings.Mapping)).ToList();
        var register = await RegisterSnapshot.LoadAsync(db, files.Where(f => f.Reference is not null).Select(f => f.Reference!).ToList(), ct);
        var providers = new ProviderMatching(register.Providers, settings.ProviderChoices);
        var duplicates = files.Where(f => f.Reference is not null && f.AnyMapped).GroupBy(f => f.Reference!)
            .Where(g => g.Count() > 1).ToDictionary(g => g.Key, g => g.Select(f => f.RowNumber).ToList());
        var names = new RegisterNames(register.Providers.ToDictionary(p => p.Id, p => p.Name),
            register.Directorates.ToDictionary(d => d.Key, d => d.Value.Name), register.People, providers.NameOfPlaceholder);
        var context = new PlanContext(settings, register, providers, duplicates, names);
        var rows = files.Select(f => new RowPlanner(f, context).Plan()).ToList();
        var fingerprint = Fingerprint(table, settings, register.Version);
        var plan = new ImportPlan(rows.Select(r => r.Row).ToList(), providers.UnmatchedProviders, fingerprint);
        return new PlanWork(plan, rows, providers, register);
    }

    /// <summary>
    /// SHA-256 of the file's hash and sheet, the settings (as their JSON) and the register's version: any change to
    /// any of them since the dry run gives another fingerprint, and the commit refuses.
    /// </summary>
    internal static string Fingerprint(ImportTable table, ImportSettings settings, RegisterVersion version)
    {
        var text = string.Join("\n", table.Sha256, table.SheetName ?? "", ImportJson.Serialize(settings),
            version.LastId, version.Recent, version.LastAtUtc.Ticks);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}

/// <summary>One row of the plan and how to carry it out.</summary>
/// <param name="Record">The fields whose value the import now stands behind (written to <see cref="ImportedValue"/>).</param>
internal sealed record RowWork(PlannedRow Row, ContractShape? Shape, Contract? Existing, IReadOnlyList<string> Record);

internal sealed record PlanWork(ImportPlan Plan, IReadOnlyList<RowWork> Rows, ProviderMatching Providers, RegisterSnapshot Register);
