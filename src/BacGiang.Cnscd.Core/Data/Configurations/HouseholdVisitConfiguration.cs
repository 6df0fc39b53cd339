using BacGiang.Cnscd.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BacGiang.Cnscd.Core.Data.Configurations;

internal sealed class HouseholdVisitConfiguration : IEntityTypeConfiguration<HouseholdVisit>
{
    public void Configure(EntityTypeBuilder<HouseholdVisit> builder)
    {
        builder.Property(v => v.Note).HasMaxLength(1000);
        builder.HasIndex(v => v.ClientRequestId).IsUnique();
        builder.HasIndex(v => new { v.HouseholdId, v.VisitedOn });
        builder.HasIndex(v => new { v.VillageId, v.VisitedOn });
        builder.HasIndex(v => new { v.CommuneId, v.VisitedOn });
        builder.HasIndex(v => v.DistrictId);
        builder.HasOne<Household>().WithMany().HasForeignKey(v => v.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<TeamMember>().WithMany().HasForeignKey(v => v.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}
