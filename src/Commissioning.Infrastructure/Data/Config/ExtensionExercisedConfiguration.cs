using Commissioning.Domain.Lifecycle;

namespace Commissioning.Infrastructure.Data.Config;

internal sealed class ExtensionExercisedConfiguration : IEntityTypeConfiguration<ExtensionExercised>
{
    public void Configure(EntityTypeBuilder<ExtensionExercised> b)
    {
        b.Property(e => e.EndDateBefore).HasColumnName(nameof(ExtensionExercised.EndDateBefore));
        b.Property(e => e.EndDateAfter).HasColumnName(nameof(ExtensionExercised.EndDateAfter));
    }
}
