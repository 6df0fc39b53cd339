using BacGiang.Cnscd.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BacGiang.Cnscd.Core.Data.Configurations;

internal sealed class VillageSummaryConfiguration : IEntityTypeConfiguration<VillageSummary>
{
    public void Configure(EntityTypeBuilder<VillageSummary> builder)
    {
        // One row per village: the village's unit id is the key.
        builder.HasKey(s => s.UnitId);
        builder.Property(s => s.UnitId).ValueGeneratedNever();
        builder.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
        // A district or commune dashboard sums its slice: (DistrictId) and (CommuneId) seeks.
        builder.HasScopeIndexes();
    }
}
