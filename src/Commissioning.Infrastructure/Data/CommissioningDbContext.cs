using Commissioning.Domain.Contracts;
using Commissioning.Domain.Finance;
using Commissioning.Domain.Governance;
using Commissioning.Domain.Providers;
using Commissioning.Infrastructure.Identity;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace Commissioning.Infrastructure.Data;

public class CommissioningDbContext : IdentityDbContext<ApplicationUser>, IDataProtectionKeyContext
{
    private readonly IAuditContext _audit;

    public CommissioningDbContext(DbContextOptions<CommissioningDbContext> options, IAuditContext audit) : base(options)
    {
        _audit = audit;
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
    /// Saves the change and its audit entries in one transaction. Audit entries need the ids of
    /// new rows, so there are two round trips; if the second fails the transaction rolls back
    /// and the exception propagates: the request's context is then thrown away, not retried.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Not accepting the first batch would make the audit save send it again.
        if (!acceptAllChangesOnSuccess)
            throw new NotSupportedException("The register always accepts changes on a successful save.");
        var now = _audit.UtcNow;
        var changes = AuditTrail.Collect(ChangeTracker, _audit.UserName, _audit.UserId, now);
        if (changes.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        // The change and its audit entries commit together or not at all.
        var own = Database.CurrentTransaction is null;
        await using var tx = own ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        AuditEntries.AddRange(changes.Select(c => c.ToEntry()));
        saved += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (tx is not null) await tx.CommitAsync(cancellationToken);
        return saved;
    }
}
