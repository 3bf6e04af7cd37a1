using Commissioning.Domain.Contracts;
using Commissioning.Domain.Finance;
using Commissioning.Domain.Governance;
using Commissioning.Domain.Providers;
using Commissioning.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Commissioning.Infrastructure.Data;

public class CommissioningDbContext : IdentityDbContext<ApplicationUser>, IDataProtectionKeyContext
{
    private readonly IAuditContext _audit;
    private readonly DbContextOptions<CommissioningDbContext> _options;

    public CommissioningDbContext(DbContextOptions<CommissioningDbContext> options, IAuditContext audit) : base(options)
    {
        (_audit, _options) = (audit, options);
        ChangeTracker.Tracked += OwnedCollectionOrder.Restore;
    }

    public DbSet<Contract> Contracts => Set<Contract>();
    public DbSet<Provider> Providers => Set<Provider>();
    public DbSet<Directorate> Directorates => Set<Directorate>();
    public DbSet<AnnualValueReview> AnnualValueReviews => Set<AnnualValueReview>();
    public DbSet<SavingsTarget> SavingsTargets => Set<SavingsTarget>();
    public DbSet<FundingPlan> FundingPlans => Set<FundingPlan>();
    public DbSet<DecisionBody> DecisionBodies => Set<DecisionBody>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<ContractDecision> ContractDecisions => Set<ContractDecision>();
    public DbSet<CoverSheet> CoverSheets => Set<CoverSheet>();
    public DbSet<Domain.Lifecycle.ContractEvent> ContractEvents => Set<Domain.Lifecycle.ContractEvent>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<KeyDates.DigestDay> DigestDays => Set<KeyDates.DigestDay>();
    public DbSet<Domain.Publishing.Notices.PublishedNotice> PublishedNotices => Set<Domain.Publishing.Notices.PublishedNotice>();
    public DbSet<Documents.Document> Documents => Set<Documents.Document>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CommissioningDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        // Enums are stored by name: readable in SQL and safe against reordering.
        configuration.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        // Every DateTime we store is UTC (the *AtUtc columns); say so when reading it back.
        configuration.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    private sealed class UtcDateTimeConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(), v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    /// <summary>
    /// Saves the change and its audit entries in one transaction. Audit entries need the ids of new rows,
    /// so there are two round trips. The whole unit runs inside the execution strategy (decision 0021): a
    /// transient failure (SQL Server failing over, SQLite busy) anywhere in it rolls it back and runs it
    /// again from the start, and the tracked changes are accepted only once it has committed, so a retry
    /// sends the change again (new rows get new ids) and writes one set of audit entries, never two.
    /// Inside a caller's transaction the caller owns the unit of work (and its retry, see
    /// <see cref="ExecutionStrategyExtensions"/>): the changes are accepted at once, so its next save
    /// can build on them.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Not accepting the changes would leave the register unsure what is saved; the audit would be written twice.
        if (!acceptAllChangesOnSuccess)
            throw new NotSupportedException("The register always accepts changes on a successful save.");
        // SQLite stores any length; refuse here what SQL Server's nvarchar(n) would (decision 0022).
        LengthGuard.Check(ChangeTracker);
        var now = _audit.UtcNow;
        var changes = AuditTrail.Collect(ChangeTracker, _audit.UserName, _audit.UserId, now);
        if (changes.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        int saved;
        if (Database.CurrentTransaction is not null)
            saved = await SaveWithAuditAsync(changes, cancellationToken);
        else
            saved = await Database.CreateExecutionStrategy().ExecuteAsync(changes,
                async (_, pending, ct) =>
                {
                    // The change and its audit entries commit together or not at all.
                    await using var tx = await Database.BeginTransactionAsync(ct);
                    var count = await SaveWithAuditAsync(pending, ct);
                    await tx.CommitAsync(ct);
                    return count;
                },
                VerifySavedAsync, cancellationToken);
        ChangeTracker.AcceptAllChanges();
        return saved;
    }

    /// <summary>
    /// Generated demo data only (<c>Demo:ExtraContracts</c>): new rows stamped as created by the demo and saved in
    /// one go, without an audit entry each. Nothing a person entered is ever saved this way.
    /// </summary>
    internal async Task SaveGeneratedAsync(CancellationToken ct = default)
    {
        ChangeTracker.DetectChanges();
        foreach (var e in ChangeTracker.Entries<Domain.Common.AuditedAggregate>().Where(e => e.State == EntityState.Added))
            e.Entity.StampCreated("Demo data", _audit.UtcNow);
        await base.SaveChangesAsync(acceptAllChangesOnSuccess: true, ct);
    }

    /// <summary>The change without accepting it, then its audit entries through a companion context on the same transaction.</summary>
    private async Task<int> SaveWithAuditAsync(List<PendingAudit> changes, CancellationToken ct)
    {
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess: false, ct);
        await using var audit = new CommissioningDbContext(_options, _audit);
        audit.Database.SetDbConnection(Database.GetDbConnection(), contextOwnsConnection: false);
        await audit.Database.UseTransactionAsync(Database.CurrentTransaction!.GetDbTransaction(), ct);
        audit.AuditEntries.AddRange(changes.Select(c => c.ToEntry()));
        return saved + await audit.SaveChangesAsync(ct);
    }

    /// <summary>
    /// After a failure at the commit (a dropped connection to SQL Server) the save may have landed after all:
    /// each save gives every aggregate it touches a new version, so the first one's version says whether it did.
    /// </summary>
    private async Task<ExecutionResult<int>> VerifySavedAsync(DbContext _, List<PendingAudit> changes, CancellationToken ct)
    {
        var first = changes[0].Entry;
        var version = first.Entity.Version;
        var type = first.Metadata.GetRootType().ClrType;
        var landed = await (Task<bool>)VersionExists.MakeGenericMethod(type).Invoke(this, [version, ct])!;
        return new ExecutionResult<int>(landed, landed ? changes.Count * 2 : 0);
    }

    private static readonly System.Reflection.MethodInfo VersionExists =
        typeof(CommissioningDbContext).GetMethod(nameof(VersionExistsAsync), System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!;

    private Task<bool> VersionExistsAsync<T>(Guid version, CancellationToken ct) where T : Domain.Common.AuditedAggregate =>
        Set<T>().AnyAsync(a => a.Version == version, ct);
}
