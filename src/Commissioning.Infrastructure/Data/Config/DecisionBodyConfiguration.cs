using Commissioning.Domain.Contracts;
using Commissioning.Domain.Governance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Commissioning.Infrastructure.Data.Config;

internal sealed class DecisionBodyConfiguration : IEntityTypeConfiguration<DecisionBody>
{
    public void Configure(EntityTypeBuilder<DecisionBody> b)
    {
        b.ToTable("DecisionBodies");
        b.Property(d => d.Name).HasMaxLength(DecisionBody.NameMaxLength).IsRequired();
        b.HasIndex(d => d.Name).IsUnique();
        b.Ignore(d => d.IsSinglePerson);
        AuditColumns.Configure(b);
    }
}
