using System.Text.Json;
using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Finance;
using Commissioning.Domain.Providers;
using Commissioning.Infrastructure.Data;

namespace Commissioning.Infrastructure.Import;

/// <summary>
/// Commits a dry-run plan in one transaction, audited as one import. Refuses (writing nothing) when the
/// plan no longer matches <paramref name="dryRunFingerprint"/>: the register or settings changed since.
/// Refused and skipped rows are left out; every other row commits, or none does.
/// </summary>
public sealed class ImportCommitter(CommissioningDbContext db, TimeProvider? time = null)
{
    public const string StaleRefusal = "The register or the file's settings changed since the dry run: run the dry run again.";
    public const string RaceRefusal = "Someone changed the register while the import was being saved: run the dry run again.";

    public async Task<ImportCommitResult> CommitAsync(ImportTable table, ImportSettings settings, string dryRunFingerprint,
        Actor by, CancellationToken ct)
    {
        try
        {
            // A retry (SQLite busy, SQL Server failing over) plans again and writes everything again from the start.
            return await db.InTransactionAsync(attempt => CommitInTransactionAsync(table, settings, dryRunFingerprint, by, attempt), ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            // A contract with one of the file's references, or a year's agreed value, saved by someone else a moment ago.
            db.ChangeTracker.Clear();
            return new ImportCommitResult(null, RaceRefusal, 0, 0, 0);
        }
    }

    private async Task<ImportCommitResult> CommitInTransactionAsync(ImportTable table, ImportSettings settings, string fingerprint, Actor by,
        CancellationToken ct)
    {
        var work = await ImportPlanner.WorkAsync(db, table, settings, ct);
        if (!string.Equals(work.Plan.Fingerprint, fingerprint, StringComparison.Ordinal))
            return new ImportCommitResult(null, StaleRefusal, 0, 0, 0);

        var now = (time ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        var plan = work.Plan;
        var lastAudit = await db.AuditEntries.MaxAsync(a => (long?)a.Id, ct) ?? 0;
        var batch = new ImportBatch(by.UserId, by.Name, now, table.FileName, table.Sha256,
            plan.Count(RowOutcome.Create), plan.Count(RowOutcome.Update), plan.Count(RowOutcome.Unchanged),
            plan.Count(RowOutcome.Refuse), plan.Count(RowOutcome.Skip));
        db.Add(batch);
        await db.SaveChangesAsync(ct);

        var creating = work.Rows.Where(r => r.Row.Outcome == RowOutcome.Create).ToList();
        var updating = work.Rows.Where(r => r.Row.Outcome == RowOutcome.Update).ToList();
        var resolve = await CreateProvidersAsync(work, creating.Concat(updating).Select(r => r.Shape!), ct);

        // Contracts: new ones built as a typed one is; the register's brought to the row's shape through their own methods.
        var built = creating.Select(r => (Work: r, Contract: r.Shape!.Build(resolve))).ToList();
        db.Contracts.AddRange(built.Select(b => b.Contract));
        var ids = updating.Select(r => r.Existing!.Id).ToList();
        var tracked = await db.Contracts.AsSplitQuery().Where(c => EF.Parameter(ids).Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        foreach (var r in updating) r.Shape!.ApplyTo(tracked[r.Existing!.Id], resolve);
        await db.SaveChangesAsync(ct);

        await WriteValuesAsync(work, built, updating, tracked, table.FileName, batch, by, now, ct);
        await RememberAsync(work, built, resolve, batch, ct);
        await AuditAsync(lastAudit, batch, by, now, ct);
        return new ImportCommitResult(batch.Id, null, batch.Created, batch.Updated, batch.Unchanged);
    }

    /// <summary>Creates the providers the committed rows use and the file's matching did not find; returns placeholder → real id.</summary>
    private async Task<Func<int, int>> CreateProvidersAsync(PlanWork work, IEnumerable<ContractShape> shapes, CancellationToken ct)
    {
        var placeholders = shapes.SelectMany(s => s.Members.Append(s.ProviderId ?? 0))
            .Where(id => id >= ProviderMatching.FirstPlaceholderId).Distinct().ToList();
        var created = placeholders.ToDictionary(id => id, id =>
        {
            var draft = work.Providers.DraftOf(id)!;
            return new Provider(new ProviderDetails(draft.Name, OrganisationType.Other, IsSme: false, IsVcse: false, draft.RegistrationNumber));
        });
        db.Providers.AddRange(created.Values);
        await db.SaveChangesAsync(ct);
        return id => created.TryGetValue(id, out var p) ? p.Id : id;
    }

    /// <summary>Each year's value the file gives becomes that year's agreed value, named as imported; it supersedes a different agreed one.</summary>
    private async Task WriteValuesAsync(PlanWork work, List<(RowWork Work, Contract Contract)> built, List<RowWork> updating,
        Dictionary<int, Contract> tracked, string fileName, ImportBatch batch, Actor by, DateTime now, CancellationToken ct)
    {
        var narrative = $"Imported from {Shorten(fileName)} on {Dates.Long(now)} (import {batch.Id}).";
        var reviews = built.SelectMany(b => b.Work.Shape!.Years.Select(y =>
            AnnualValueReview.Imported(b.Contract.Id, b.Contract.CurrentTerm, new FinancialYear(y.Key), y.Value, narrative, by, now, null))).ToList();

        var changedYears = updating.SelectMany(r => r.Shape!.Years
                .Where(y => !work.Register.AgreedFor(r.Existing!.Id).TryGetValue(y.Key, out var was) || was != y.Value)
                .Select(y => (ContractId: r.Existing!.Id, Year: y.Key, Amount: y.Value)))
            .ToList();
        if (changedYears.Count > 0)
        {
            var contractIds = changedYears.Select(c => c.ContractId).Distinct().ToList();
            var agreed = (await db.AnnualValueReviews.Where(r => EF.Parameter(contractIds).Contains(r.ContractId) && r.Status == ReviewStatus.Agreed).ToListAsync(ct))
                .ToDictionary(r => (r.ContractId, r.FinancialYearStart));
            foreach (var (contractId, year, amount) in changedYears)
                reviews.Add(AnnualValueReview.Imported(contractId, tracked[contractId].CurrentTerm, new FinancialYear(year), amount, narrative, by, now,
                    agreed.GetValueOrDefault((contractId, year))));
            // The superseded values are saved first: the database holds one agreed value per year at every moment.
            await db.SaveChangesAsync(ct);
        }
        db.AnnualValueReviews.AddRange(reviews);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>What this import wrote (or found agreeing with the file) per contract and field, for the next import's conflict check.</summary>
    private async Task RememberAsync(PlanWork work, List<(RowWork Work, Contract Contract)> built, Func<int, int> resolve, ImportBatch batch, CancellationToken ct)
    {
        var others = work.Rows.Where(r => r.Row.Outcome is RowOutcome.Update or RowOutcome.Unchanged && r.Record.Count > 0).ToList();
        var ids = others.Select(r => r.Existing!.Id).ToList();
        var held = (await db.Set<ImportedValue>().Where(v => EF.Parameter(ids).Contains(v.ContractId)).ToListAsync(ct))
            .ToDictionary(v => (v.ContractId, v.Field));
        var rows = built.Select(b => (b.Work, ContractId: b.Contract.Id)).Concat(others.Select(r => (Work: r, ContractId: r.Existing!.Id)));
        foreach (var (row, contractId) in rows)
        {
            foreach (var key in row.Record)
            {
                var value = ImportFields.Canonical(key, row.Shape!, resolve);
                if (value is { Length: > ImportedValue.ValueMaxLength }) value = value[..ImportedValue.ValueMaxLength];
                if (held.TryGetValue((contractId, key), out var v)) v.Record(value, batch.Id);
                else db.Add(new ImportedValue(contractId, key, value, batch.Id));
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// One audit entry for the import (who, when, the file's name and hash, what it did), and every entry the import's
    /// saves wrote (contracts, providers, values) names the import among its changes.
    /// </summary>
    private async Task AuditAsync(long lastAudit, ImportBatch batch, Actor by, DateTime now, CancellationToken ct)
    {
        var import = new { field = "Import", from = (string?)null, to = $"Import {batch.Id} of {Shorten(batch.FileName)}" };
        foreach (var entry in await db.AuditEntries.Where(a => a.Id > lastAudit).ToListAsync(ct))
        {
            var changes = JsonSerializer.Deserialize<List<JsonElement>>(entry.Changes) ?? [];
            entry.Changes = JsonSerializer.Serialize(changes.Cast<object>().Append(import));
        }
        db.AuditEntries.Add(new AuditEntry
        {
            EntityType = nameof(ImportBatch),
            EntityId = batch.Id,
            Action = "Imported",
            Changes = JsonSerializer.Serialize(new object[]
            {
                new { field = "File", from = (string?)null, to = batch.FileName },
                new { field = "SHA-256", from = (string?)null, to = batch.Sha256 },
                new { field = "Created", from = (string?)null, to = Count(batch.Created) },
                new { field = "Updated", from = (string?)null, to = Count(batch.Updated) },
                new { field = "Unchanged", from = (string?)null, to = Count(batch.Unchanged) },
                new { field = "Refused", from = (string?)null, to = Count(batch.Refused) },
                new { field = "Skipped", from = (string?)null, to = Count(batch.Skipped) },
            }),
            ChangedBy = by.Name,
            ChangedById = by.UserId,
            ChangedAtUtc = now,
        });
        await db.SaveChangesAsync(ct);
    }

    private static string Count(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Shorten(string fileName) => fileName.Length > 200 ? fileName[..200] + "\u2026" : fileName;
}
