using Commissioning.Domain.Contracts;
using Commissioning.Domain.Providers;
using Commissioning.Infrastructure.Identity;

namespace Commissioning.Infrastructure.Data.Config;

/// <summary>
/// The contract aggregate: one table for the four forms (discriminator column
/// "CommissioningForm"), each form's parts in tables of their own.
/// </summary>
internal sealed class ContractConfiguration : IEntityTypeConfiguration<Contract>
{
    public const string FormColumn = "CommissioningForm";

    public void Configure(EntityTypeBuilder<Contract> b)
    {
        b.ToTable("Contracts");
        b.Ignore(c => c.Form);
        b.HasDiscriminator<string>(FormColumn)
            .HasValue<BlockContract>(nameof(CommissioningForm.Block))
            .HasValue<SpotContract>(nameof(CommissioningForm.Spot))
            .HasValue<LeadProviderContract>(nameof(CommissioningForm.LeadProvider))
            .HasValue<ConsortiumContract>(nameof(CommissioningForm.Consortium));
        b.Property<string>(FormColumn).HasMaxLength(20);

        b.Property(c => c.Reference).HasMaxLength(Contract.ReferenceMaxLength).IsRequired();
        b.HasIndex(c => c.Reference).IsUnique();
        b.Property(c => c.Title).HasMaxLength(Contract.TitleMaxLength).IsRequired();
        b.Property(c => c.Description).HasMaxLength(Contract.DescriptionMaxLength);
        b.HasOne<Directorate>().WithMany().HasForeignKey(c => c.DirectorateId).OnDelete(DeleteBehavior.Restrict);
        // Users are never deleted (an administrator takes their roles away), so a contract always finds its commissioner.
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(c => c.ResponsibleCommissionerId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.ResponsibleCommissionerId).HasMaxLength(450);
        b.Property(c => c.HistoricCommissionerName).HasMaxLength(Contract.CommissionerMaxLength);
        b.Ignore(c => c.ResponsibleCommissioner);
        b.Property(c => c.BreakClause).HasMaxLength(Contract.BreakClauseMaxLength);
        b.Property(c => c.TerminationReason).HasMaxLength(2000);
        b.Property(c => c.WithdrawalReason).HasMaxLength(Contract.WithdrawalReasonMaxLength);
        b.Property(c => c.WithdrawnById).HasMaxLength(450);
        b.Property(c => c.WithdrawnByName).HasMaxLength(256);
        // Key dates and the finance portfolio select contracts by their dates in SQL (ending, in force in a year, the
        // portfolio's first start and last possible end); the register sorts by end date and title (decision 0028).
        b.HasIndex(c => c.CurrentEndDate);
        b.HasIndex(c => c.MaximumEndDate);
        b.HasIndex(c => c.StartDate);
        b.HasIndex(c => c.Title);

        b.HasOne<Provider>().WithMany().HasForeignKey(c => c.ProviderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Contract>().WithMany().HasForeignKey(c => c.PredecessorId).OnDelete(DeleteBehavior.Restrict);
        // A contract is renewed once: at most one successor names it.
        b.HasIndex(c => c.PredecessorId).IsUnique();

        b.Ignore(c => c.AnnualValue);
        // What the Transparency Code and the contracts schema ask for (issue 17).
        b.Property(c => c.CpvCode).HasMaxLength(Contract.CpvCodeMaxLength);
        b.Property(c => c.ContactPointUrl).HasMaxLength(Contract.UrlMaxLength);
        b.Property(c => c.TenderDocumentsUrl).HasMaxLength(Contract.UrlMaxLength);
        b.Property(c => c.ContractDocumentUrl).HasMaxLength(Contract.UrlMaxLength);
        b.Ignore(c => c.IrrecoverableVat);
        b.Ignore(c => c.PublishingDetails);
        b.OwnsMany(c => c.ExtensionOptions, o =>
        {
            o.ToTable("ContractExtensionOptions");
            o.WithOwner().HasForeignKey("ContractId");
            o.Property<int>("Id");
            o.HasKey("Id");
        });
        b.Navigation(c => c.ExtensionOptions).UsePropertyAccessMode(PropertyAccessMode.Field);

        b.OwnsMany(c => c.RateCard, o =>
        {
            o.ToTable("ContractRateCardLines");
            o.WithOwner().HasForeignKey("ContractId");
            o.Property<int>("Id");
            o.HasKey("Id");
            o.Property(l => l.Service).HasMaxLength(RateCardLine.ServiceMaxLength).IsRequired();
            o.Ignore(l => l.UnitRate);
        });
        b.Navigation(c => c.RateCard).UsePropertyAccessMode(PropertyAccessMode.Field);

        AuditColumns.Configure(b);
    }
}
