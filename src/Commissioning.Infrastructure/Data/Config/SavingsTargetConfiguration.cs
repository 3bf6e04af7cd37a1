using Commissioning.Domain.Contracts;
using Commissioning.Domain.Finance;

namespace Commissioning.Infrastructure.Data.Config;

internal sealed class SavingsTargetConfiguration : IEntityTypeConfiguration<SavingsTarget>
{
    public void Configure(EntityTypeBuilder<SavingsTarget> b)
    {
        b.ToTable("SavingsTargets");
        b.HasOne<Contract>().WithMany().HasForeignKey(s => s.ContractId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(s => new { s.ContractId, s.FinancialYearStart });
        b.HasIndex(s => s.FinancialYearStart);
        b.Ignore(s => s.Year);
        b.Ignore(s => s.Amount);
        b.Ignore(s => s.Delivered);
        b.Ignore(s => s.Rag);
        b.Property(s => s.Description).HasMaxLength(SavingsTarget.DescriptionMaxLength).IsRequired();
        b.Property(s => s.Owner).HasMaxLength(SavingsTarget.OwnerMaxLength).IsRequired();
        AuditColumns.Configure(b);
    }
}
