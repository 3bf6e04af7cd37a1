using System.Security.Cryptography;
using System.Text;
using Commissioning.Domain.Common;
using Commissioning.Domain.Contracts;
using Commissioning.Domain.Providers;
using Commissioning.Infrastructure.Data;
using Commissioning.Infrastructure.Import;
using Commissioning.Infrastructure.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Commissioning.Infrastructure.Tests.Import;

/// <summary>A migrated database of the test's own, tables built in memory (as the reader makes them), and the planner and committer on them.</summary>
public abstract class ImportTestBase : IAsyncLifetime
{
    protected static readonly DateTime At = new(2026, 12, 7, 10, 0, 0, DateTimeKind.Utc);
    protected static readonly Actor Sarah = new("user-sarah", "Sarah Okafor");
    protected readonly SqliteTestDatabase Database = new();
    protected readonly FakeAuditContext Audit = new(Sarah.Name, At, Sarah.UserId);

    /// <summary>The columns most tests use, in this order.</summary>
    protected static readonly (string Header, ImportField Field)[] Standard =
    [
        ("Reference", ImportField.Reference), ("Title", ImportField.Title), ("Provider", ImportField.ProviderName),
        ("Form", ImportField.Form), ("Start", ImportField.StartDate), ("End", ImportField.EndDate), ("Annual value", ImportField.AnnualValue),
    ];

    public virtual Task InitializeAsync() => Database.MigrateAsync();

    public Task DisposeAsync()
    {
        Database.Dispose();
        return Task.CompletedTask;
    }

    protected CommissioningDbContext Db() => Database.NewContext(Audit);

    /// <summary>A table as the reader gives it: the header is row 1, so the first row is row 2.</summary>
    protected static ImportTable Table(IReadOnlyList<string> headers, params string[][] rows)
    {
        var text = string.Join("\n", rows.Select(r => string.Join(",", r)).Prepend(string.Join(",", headers)));
        return new ImportTable("register.csv", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))), [], null, headers,
            rows.Select((r, i) => new ImportRow(i + 2, r.Concat(Enumerable.Repeat("", Math.Max(0, headers.Count - r.Length))).ToList())).ToList(), []);
    }

    protected static ImportTable StandardTable(params string[][] rows) => Table(Standard.Select(s => s.Header).ToList(), rows);

    protected static ImportSettings Settings((string Header, ImportField Field, int? Year)[] columns, CommissioningForm? form = null,
        bool overwrite = false, IReadOnlyList<ProviderChoice>? choices = null) =>
        new(new ColumnMapping(columns.Select((c, i) => new ColumnTarget(i, c.Header, c.Field, c.Year)).ToList()),
            new ImportDefaults(form, TestData.DirectorateId), choices ?? [], overwrite);

    protected static ImportSettings StandardSettings(CommissioningForm? form = null, bool overwrite = false, IReadOnlyList<ProviderChoice>? choices = null) =>
        Settings(Standard.Select(s => (s.Header, s.Field, (int?)null)).ToArray(), form, overwrite, choices);

    protected static string[] Row(string reference, string title = "Day opportunities", string provider = "Riverside Care Ltd", string form = "Block",
        string start = "01/04/2025", string end = "31/03/2028", string annual = "£120,000.00") => [reference, title, provider, form, start, end, annual];

    protected async Task<ImportPlan> PlanAsync(ImportTable table, ImportSettings settings)
    {
        await using var db = Db();
        return await new ImportPlanner(db).PlanAsync(table, settings, default);
    }

    protected async Task<ImportCommitResult> CommitAsync(ImportTable table, ImportSettings settings, string? fingerprint = null, params IInterceptor[] interceptors)
    {
        fingerprint ??= (await PlanAsync(table, settings)).Fingerprint;
        await using var db = interceptors.Length == 0 ? Db() : Database.NewContext(Audit, interceptors);
        return await new ImportCommitter(db, new FixedTime(At)).CommitAsync(table, settings, fingerprint, Sarah, default);
    }

    /// <summary>Plans and commits, checking that the commit happened.</summary>
    protected async Task<ImportCommitResult> ImportAsync(ImportTable table, ImportSettings settings)
    {
        var result = await CommitAsync(table, settings);
        Assert.True(result.Committed, result.Refusal);
        return result;
    }

    protected async Task<Provider> AddProviderAsync(string name, string? number = null)
    {
        await using var db = Db();
        var provider = new Provider(new ProviderDetails(name, OrganisationType.PrivateCompany, IsSme: true, IsVcse: false, number));
        db.Providers.Add(provider);
        await db.SaveChangesAsync();
        return provider;
    }

    protected async Task<Contract> ContractAsync(string reference)
    {
        await using var db = Db();
        return await db.Contracts.AsNoTracking().AsSplitQuery().SingleAsync(c => c.Reference == reference);
    }

    /// <summary>Counts of everything an import may write: to show that nothing (or only the batch) was.</summary>
    protected async Task<(int Contracts, int Providers, int Reviews, int Values, int Batches, int Audit)> CountsAsync()
    {
        await using var db = Db();
        return (await db.Contracts.CountAsync(), await db.Providers.CountAsync(), await db.AnnualValueReviews.CountAsync(),
            await db.Set<ImportedValue>().CountAsync(), await db.Set<ImportBatch>().CountAsync(), await db.AuditEntries.CountAsync());
    }

    protected sealed class FixedTime(DateTime utc) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(utc);
    }
}
