using BacGiang.Cnscd.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BacGiang.Cnscd.Core.Data.Configurations;

internal sealed class VillageQuarterSummaryConfiguration : IEntityTypeConfiguration<VillageQuarterSummary>
{
    public void Configure(EntityTypeBuilder<VillageQuarterSummary> builder)
    {
        builder.HasKey(s => new { s.UnitId, s.Year, s.Quarter });
        builder.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(s => s.UnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasScopeIndexes();
    }
}
