using BacGiang.Cnscd.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BacGiang.Cnscd.Core.Data.Configurations;

internal sealed class TargetConfiguration : IEntityTypeConfiguration<Target>
{
    public void Configure(EntityTypeBuilder<Target> builder)
    {
        builder.Property(t => t.Percent).HasPrecision(5, 2);
        builder.Property(t => t.SetByUserId).HasMaxLength(450);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => new { t.UnitId, t.Indicator, t.DueDate }).IsUnique();
        builder.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(t => t.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasScopeIndexes();
    }
}
